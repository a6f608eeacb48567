package org.errata.account;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Signing out ends the session for real: the old cookies, replayed, no longer work. */
@QuarkusTest
class SessionRevocationTest {

  @Test
  void signingInIssuesARevocableSessionCookie() {
    Session ada = Session.signIn("ada");
    assertTrue(ada.cookies().containsKey(SessionToken.COOKIE), ada.cookies().toString());
    ada.get("/editor").then().statusCode(200);
  }

  @Test
  void cookiesReplayedAfterSignOutAreRefused() {
    Session ada = Session.signIn("ada");
    Map<String, String> stolen = new HashMap<>(ada.cookies());
    ada.submit("/editor", "/logout", Map.of()).then().statusCode(303);
    RestAssured.given()
        .redirects()
        .follow(false)
        .cookies(stolen)
        .get("/editor")
        .then()
        .statusCode(303)
        .header("Location", startsWith("/login"));
  }

  @Test
  void aForgedSessionTokenIsRefused() {
    Session ada = Session.signIn("ada");
    Map<String, String> forged = new HashMap<>(ada.cookies());
    forged.put(SessionToken.COOKIE, SessionToken.issue("ada", Instant.now()) + "x");
    RestAssured.given()
        .redirects()
        .follow(false)
        .cookies(forged)
        .get("/editor")
        .then()
        .statusCode(303);
  }

  @Test
  void publicPagesStillWorkWithAStaleCookie() {
    Session ada = Session.signIn("ada");
    Map<String, String> stolen = new HashMap<>(ada.cookies());
    ada.submit("/editor", "/logout", Map.of()).then().statusCode(303);
    RestAssured.given().redirects().follow(false).cookies(stolen).get("/").then().statusCode(200);
  }
}
