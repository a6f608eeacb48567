package org.errata.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** api.md, "API tokens": personal, shown once, stored as a digest, scoped, revocable. */
@QuarkusTest
class ApiTokensTest {

  static Response make(String username, Map<String, Object> body) {
    return Api.as(username).body(body).post("/api/tokens");
  }

  static String token(String username, String name, boolean readOnly) {
    return make(username, Map.of("name", name, "readOnly", readOnly))
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  static RequestSpecification bearer(String token) {
    return given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  @Test
  void aTokenIsShownOnceStoredAsADigestAndActsAsItsAccount() {
    Response made = make("ada", Map.of("name", "fact-checker bot"));
    made.then()
        .statusCode(201)
        .header("Cache-Control", containsString("no-store"))
        .body("name", equalTo("fact-checker bot"))
        .body("readOnly", equalTo(false))
        .body("createdAt", notNullValue())
        .body("token", startsWith("errata_"));
    String token = made.path("token");
    long id = made.jsonPath().getLong("id");

    String stored =
        QuarkusTransaction.requiringNew().call(() -> ((ApiToken) ApiToken.findById(id)).digest);
    assertEquals(ApiTokens.digest(token), stored);
    assertFalse(stored.contains(token.substring(7)), "the token itself is not stored");

    Api.as("ada")
        .get("/api/tokens")
        .then()
        .statusCode(200)
        .body("tokens.find { it.id == " + id + " }.name", equalTo("fact-checker bot"))
        .body("tokens.find { it.id == " + id + " }.lastUsedAt", nullValue())
        .body(not(containsString(token)));

    long created =
        Api.id(
            bearer(token)
                .body(Api.correction("tokens.example/made", "A passage made with a token"))
                .post("/api/corrections")
                .then()
                .statusCode(201));
    bearer(token)
        .get("/api/corrections/" + created)
        .then()
        .statusCode(200)
        .body("author", equalTo("ada"));
    Api.as("ada")
        .get("/api/tokens")
        .then()
        .body("tokens.find { it.id == " + id + " }.lastUsedAt", notNullValue());
    // Another editor does not see ada's tokens.
    Api.as("grace")
        .get("/api/tokens")
        .then()
        .statusCode(200)
        .body("tokens.find { it.id == " + id + " }", nullValue());
  }

  @Test
  void aReadOnlyTokenReadsButEveryChangeIsRefused() {
    String token = token("ada", "dashboard reader", true);
    bearer(token).get("/api/corrections").then().statusCode(200);
    bearer(token)
        .body(Api.correction("tokens.example/ro", "A passage a reader may not propose"))
        .post("/api/corrections")
        .then()
        .statusCode(403)
        .body("error", containsString("read-only"));
    bearer(token).body(Map.of("name", "escalation")).post("/api/tokens").then().statusCode(403);
  }

  @Test
  void aRevokedTokenStopsWorkingAtOnceAndOnlyItsOwnerMayRevokeIt() {
    Response made = make("ada", Map.of("name", "to revoke"));
    String token = made.path("token");
    long id = made.jsonPath().getLong("id");
    bearer(token).get("/api/corrections").then().statusCode(200);

    Api.as("grace")
        .delete("/api/tokens/" + id)
        .then()
        .statusCode(404)
        .body("error", containsString("no API token " + id));
    bearer(token).get("/api/corrections").then().statusCode(200);

    Api.as("ada").delete("/api/tokens/" + id).then().statusCode(204);
    bearer(token)
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .body("error", containsString("unknown or revoked"));
    Api.as("ada").delete("/api/tokens/" + id).then().statusCode(404);
  }

  @Test
  void aDisabledAccountsTokensStopWorking() {
    Session admin = Session.signIn("admin");
    String temporary = AccountPagesTest.create(admin, "tomas");
    AccountPagesTest.firstSignIn("tomas", temporary);
    String token =
        given()
            .auth()
            .preemptive()
            .basic("tomas", AccountPagesTest.GOOD)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "tomas's script"))
            .post("/api/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    bearer(token).get("/api/corrections").then().statusCode(200);
    long account = Session.accountId("tomas");
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + account + "/enabled",
            Map.of("enabled", "false"))
        .then()
        .statusCode(303);
    bearer(token).get("/api/corrections").then().statusCode(401);
  }

  @Test
  void badTokensAndBadRequestsGetSentences() {
    bearer("errata_" + "A".repeat(43))
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Basic"))
        .body("error", containsString("unknown or revoked"));
    bearer("").get("/api/corrections").then().statusCode(401);
    bearer("x".repeat(5000)).get("/api/corrections").then().statusCode(401);
    given()
        .header("Authorization", "Digest abc")
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .body("error", containsString("Bearer"));
    make("ada", Map.of("name", "  "))
        .then()
        .statusCode(400)
        .body("field", equalTo("name"))
        .body("error", containsString("Give the token a name"));
    make("ada", Map.of("name", "x".repeat(101)))
        .then()
        .statusCode(400)
        .body("error", containsString("at most 100 characters"));
    Api.as("ada").body("[1]").post("/api/tokens").then().statusCode(400);
    Api.as("ada").delete("/api/tokens/abc").then().statusCode(404);
    // A token is never accepted by the desk or the public API in place of a session.
    String token = token("ada", "not for the desk", false);
    given()
        .redirects()
        .follow(false)
        .header("Authorization", "Bearer " + token)
        .get("/editor")
        .then()
        .statusCode(303)
        .header("Location", startsWith("/login"));
  }

  static final Pattern SECRET =
      Pattern.compile("<code id=\"token-secret\">(errata_[A-Za-z0-9_-]+)</code>");

  @Test
  void anEditorMakesAndRevokesTokensOnTheAccountPage() {
    Session grace = Session.signIn("grace");
    Response refused =
        grace.submit("/editor/account", "/editor/account/tokens", Map.of("name", "x".repeat(101)));
    assertEquals(400, refused.statusCode());
    assertThat(refused.asString(), containsString("at most 100 characters"));
    assertThat(refused.asString(), containsString("value=\"" + "x".repeat(101) + "\""));

    Response made =
        grace.submit(
            "/editor/account",
            "/editor/account/tokens",
            Map.of("name", "Grace's <CMS>", "readOnly", "true"));
    assertEquals(200, made.statusCode());
    assertThat(made.header("Cache-Control"), containsString("no-store"));
    Matcher m = SECRET.matcher(made.asString());
    assertTrue(m.find(), "the new token is shown");
    String token = m.group(1);
    assertThat(made.asString(), containsString("Grace&#39;s &lt;CMS&gt;"));
    bearer(token).get("/api/corrections").then().statusCode(200);

    String later = grace.get("/editor/account").asString();
    assertThat(later, containsString("Grace&#39;s &lt;CMS&gt;"));
    assertThat(later, containsString("read-only"));
    assertFalse(later.contains(token), "shown once only");

    long id =
        Api.as("grace")
            .get("/api/tokens")
            .jsonPath()
            .getLong("tokens.find { it.name == \"Grace's <CMS>\" }.id");
    grace
        .submit("/editor/account", "/editor/account/tokens/" + id + "/revoke", Map.of())
        .then()
        .statusCode(303);
    assertThat(grace.get("/editor/account?revoked=true").asString(), containsString("was revoked"));
    bearer(token).get("/api/corrections").then().statusCode(401);
  }
}
