package org.errata.desk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** "Request review from grace": the author names a reviewer, and only that editor may review. */
@QuarkusTest
class ReviewerByNameTest {

  @Test
  void theAuthorAsksGraceByNameAndOnlyGraceMayReview() {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "by-name.example/a", "A passage for grace alone");
    String page = "/editor/corrections/" + id;
    String form = ada.get(page).asString();
    assertThat(form, containsString("<label for=\"reviewer\">Ask for a review from</label>"));
    assertThat(form, containsString("<option value=\"grace\">grace</option>"));
    assertThat("not herself", form, not(containsString("<option value=\"ada\">")));

    assertEquals(
        303, ada.submit(page, page + "/submission", Map.of("reviewer", "grace")).statusCode());
    assertThat(ada.get(page).asString(), containsString("Review asked of <strong>grace</strong>."));
    assertThat(
        Session.signIn("grace").get("/editor").asString(),
        containsString("ada asks you by name for a review of “A passage for grace alone”"));
    Session admin = Session.signIn("admin");
    assertThat(admin.get("/editor").asString(), not(containsString("A passage for grace alone")));
    assertThat(
        admin.get(page).asString(),
        containsString("ada asked grace to review this correction, so only grace may approve it"));
    Api.as("admin").post("/api/corrections/" + id + "/approve").then().statusCode(403);
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    assertThat(
        ada.get("/editor/corrections?reviewer=grace&site=by-name.example").asString(),
        containsString("A passage for grace alone"));
  }

  @Test
  void anUnknownReviewerIsSaidBesideTheChoiceAndNothingIsSubmitted() {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "by-name.example/b", "A passage for nobody");
    String page = "/editor/corrections/" + id;
    Response refused = ada.submit(page, page + "/submission", Map.of("reviewer", "nobody"));
    assertEquals(400, refused.statusCode());
    assertThat(
        refused.asString(),
        containsString(
            "<p class=\"field-error\" id=\"reviewer-error\">No account is named “nobody”."));
    Api.as("ada")
        .body(Map.of("reviewer", "ada"))
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(400)
        .body("field", equalTo("reviewer"))
        .body("error", equalTo("Ask someone else: you cannot review your own correction."));
    Api.as("ada").get("/api/corrections/" + id).then().body("status", equalTo("DRAFT"));
    // Left to any editor, as before.
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("admin").post("/api/corrections/" + id + "/approve").then().statusCode(200);
  }
}
