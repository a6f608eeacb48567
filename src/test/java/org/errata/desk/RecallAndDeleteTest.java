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

/**
 * An author takes a submission back before the review starts, and deletes a draft never submitted;
 * the deleted draft leaves every list but stays on the record with its history.
 */
@QuarkusTest
class RecallAndDeleteTest {

  @Test
  void theAuthorRecallsHerSubmissionAndItLeavesTheReviewersList() {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "recall.example/a", "A passage to be recalled");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    String page = "/editor/corrections/" + id;
    assertThat(ada.get(page).asString(), containsString("Recall from review"));
    assertThat(
        "only its writers may",
        Session.signIn("grace").get(page).asString(),
        not(containsString("Recall from review")));

    Response recalled = ada.submit(page, page + "/recall", Map.of());
    assertEquals(303, recalled.statusCode());
    String after = ada.get(page).asString();
    assertThat(
        after, containsString("<strong>ada</strong> recalled it from review (In review → Draft)"));
    assertThat(
        Session.signIn("grace").get("/editor").asString(),
        not(containsString("A passage to be recalled")));
  }

  @Test
  void aStartedReviewCannotBeRecalledAndTheAuthorIsToldWhy() {
    long id = Api.create("ada", "recall.example/b", "A passage under review already");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .body(Map.of("body", "Looking at it now."))
        .post("/api/corrections/" + id + "/comments")
        .then()
        .statusCode(201);
    Api.as("ada")
        .post("/api/corrections/" + id + "/recall")
        .then()
        .statusCode(409)
        .body("error", containsString("grace has started the review (commented)"));
    Api.as("grace")
        .post("/api/corrections/" + id + "/recall")
        .then()
        .statusCode(403)
        .body("error", equalTo("Only whoever wrote this revision can recall it."));
  }

  @Test
  void aDeletedDraftLeavesTheListsButStaysOnTheRecord() {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "delete.example/a", "A draft about to be deleted");
    String page = "/editor/corrections/" + id;
    assertThat(ada.get("/editor").asString(), containsString("A draft about to be deleted"));
    assertThat(ada.get(page).asString(), containsString("Delete this draft…"));
    Api.as("grace")
        .post("/api/corrections/" + id + "/delete")
        .then()
        .statusCode(403)
        .body("error", containsString("Only whoever wrote this draft (or an admin)"));

    assertEquals(303, ada.submit(page, page + "/deletion", Map.of()).statusCode());
    String deleted = ada.get(page).asString();
    assertThat(deleted, containsString("<strong>ada</strong> deleted the draft (Draft → Deleted)"));
    assertThat(deleted, not(containsString("Delete this draft…")));
    assertThat(deleted, not(containsString(">Edit</a>")));
    assertThat(ada.get("/editor").asString(), not(containsString("A draft about to be deleted")));
    assertThat(
        ada.get("/editor/corrections?status=DELETED&site=delete.example").asString(),
        containsString("A draft about to be deleted"));
    Api.as("ada")
        .get("/api/corrections/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DELETED"));
    Api.as("ada").post("/api/corrections/" + id + "/delete").then().statusCode(409);

    // The same passage proposed again is not taken for a duplicate of the deleted draft.
    long again = Api.create("ada", "delete.example/a", "A draft about to be deleted");
    Api.as("ada").post("/api/corrections/" + again + "/submit").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + again + "/approve").then().statusCode(200);
  }

  @Test
  void aDraftOnceSubmittedIsNeverDeleted() {
    long id = Api.create("ada", "delete.example/b", "A draft that went to review once");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("ada").post("/api/corrections/" + id + "/recall").then().statusCode(200);
    Api.as("ada")
        .post("/api/corrections/" + id + "/delete")
        .then()
        .statusCode(409)
        .body("error", containsString("submitted for review before, so it stays on the record"));
    assertThat(
        Session.signIn("ada").get("/editor/corrections/" + id).asString(),
        not(containsString("Delete this draft…")));
  }
}
