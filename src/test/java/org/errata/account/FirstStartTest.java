package org.errata.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** A production start on an empty database: no demo accounts, one admin with a chosen password. */
@QuarkusTest
@TestProfile(FirstStartTest.Production.class)
class FirstStartTest {

  public static class Production implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "errata.demo", "false",
          "errata.admin-password", "a-chosen-admin-password",
          "quarkus.datasource.jdbc.url", org.errata.system.TestDatabases.own("errata-first-start"));
    }
  }

  @Test
  void anEmptyDatabaseGetsOnlyAnAdminWithTheConfiguredPassword() {
    given()
        .auth()
        .preemptive()
        .basic("admin", "a-chosen-admin-password")
        .get("/api/corrections")
        .then()
        .statusCode(200);
    given()
        .auth()
        .preemptive()
        .basic("ada", "errata-demo")
        .get("/api/corrections")
        .then()
        .statusCode(401);
    given()
        .auth()
        .preemptive()
        .basic("admin", "errata-demo")
        .get("/api/corrections")
        .then()
        .statusCode(401);
  }

  @Test
  void passwordsAreStoredWithBcryptCost12() {
    String hash =
        QuarkusTransaction.requiringNew()
            .call(() -> Account.findByUsername("admin").orElseThrow().passwordHash);
    assertTrue(
        hash.startsWith("$2a$12$") || hash.startsWith("$2b$12$") || hash.startsWith("$2y$12$"),
        hash);
    assertEquals(60, hash.length());
  }

  @Test
  void noCorrectionIsSeeded() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(Matchers.containsString("No corrections have been published yet."));
  }
}
