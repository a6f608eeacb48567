package org.errata.suggestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.errata.account.BehindAProxy;
import org.junit.jupiter.api.Test;

/** Suggestions are limited per client (5 an hour here), each client counted on its own. */
@QuarkusTest
@TestProfile(BehindAProxy.class)
class SuggestionLimitTest {

  static ValidatableResponse send(String client, Map<String, Object> body) {
    return given()
        .header("X-Forwarded-For", client)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/public/suggestions")
        .then();
  }

  static final Map<String, Object> GOOD =
      Map.of("articleUrl", "limit.example/a", "problem", "Something is wrong.");

  @Test
  void theSixthSuggestionInAnHourIsAskedToWaitAndOtherClientsAreNot() {
    for (int i = 0; i < 5; i++) {
      send("203.0.113.7", GOOD).statusCode(202);
    }
    send("203.0.113.7", GOOD)
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .body("error", containsString("Please wait"));
    send("198.51.100.9", GOOD).statusCode(202);
  }

  @Test
  void aMistakeIsNotCountedSoFixingItCostsNothing() {
    for (int i = 0; i < 8; i++) {
      send("203.0.113.8", Map.of("articleUrl", "limit.example/a")).statusCode(400);
    }
    send("203.0.113.8", GOOD).statusCode(202);
  }
}
