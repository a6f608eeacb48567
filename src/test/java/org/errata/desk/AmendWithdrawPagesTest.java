package org.errata.desk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Amending and withdrawing on the desk's pages, with real sign-in and CSRF tokens. */
@QuarkusTest
class AmendWithdrawPagesTest {

  static String version(long id) {
    return Api.as("ada").get("/api/corrections/" + id).jsonPath().getString("version");
  }

  @Test
  void amendingOnThePageNeedsAChangeNoteAndOpensTheDraftForEditing() {
    Session ada = Session.signIn("ada");
    long id = Api.published("amend-page.example/a", "Amend me");
    String page = "/editor/corrections/" + id;
    ada.get(page)
        .then()
        .body(containsString("Start an amendment"))
        .body(containsString("Withdraw the correction"));

    Response refused =
        ada.submit(page, page + "/amendment", Map.of("version", version(id), "changeNote", " "));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.asString().contains("id=\"changeNote-error\""));

    ada.submit(
            page,
            page + "/amendment",
            Map.of("version", version(id), "changeNote", "Adds a second source."))
        .then()
        .statusCode(303)
        .header("Location", endsWith(page + "/edit"));
    ada.get(page)
        .then()
        .body(
            containsString("Revision 2 is an amendment in progress; readers still see revision 1."))
        .body(not(containsString("Start an amendment")));
    given()
        .get("/corrections/" + id)
        .then()
        .body(containsString("Amend me"))
        .body(not(containsString("Adds a second source.")));
  }

  @Test
  void withdrawingOnThePageKeepsTheReasonWhenRefusedAndMarksThePublicPage() {
    Session grace = Session.signIn("grace");
    Session ada = Session.signIn("ada");
    long id = Api.published("withdraw-page.example/a", "Withdraw me");
    String page = "/editor/corrections/" + id;
    grace.get(page).then().body(not(containsString("Withdraw the correction")));
    Response forbidden =
        grace.submit(
            page, page + "/withdrawal", Map.of("version", version(id), "reason", "My own reason."));
    assertEquals(403, forbidden.statusCode());
    assertTrue(
        forbidden
            .asString()
            .contains(
                "You published this correction, so another editor (or an admin) must withdraw it."));

    ada.submit(
            page,
            page + "/withdrawal",
            Map.of("version", version(id), "reason", "The article has been corrected."))
        .then()
        .statusCode(303);
    ada.get(page).then().body(containsString("Withdrawn")).body(containsString("withdrew it"));
    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("The article has been corrected."))
        .body(containsString("Withdraw me"));
  }
}
