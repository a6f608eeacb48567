package org.errata.review;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Word-level differences: since the reviewer's request, and between any two revisions. */
@QuarkusTest
class ChangesPagesTest {

  static int version(long id) {
    return Api.as("ada").get("/api/corrections/" + id).jsonPath().getInt("version");
  }

  @Test
  void aReviewerSeesOnlyWhatChangedSinceTheirRequest() {
    long id = Api.create("ada", "diff-request.example/a", "Diff passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .body(Map.of("comment", "Say which vendor."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);
    Map<String, Object> body = Api.correction("diff-request.example/a", "Diff passage");
    body.put("summary", "The article overstates it; Acme's page says otherwise.");
    body.put("version", version(id));
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);

    Session grace = Session.signIn("grace");
    grace
        .get("/editor/corrections/" + id)
        .then()
        .body(containsString("What changed since grace requested changes"));
    String page =
        grace
            .get("/editor/corrections/" + id + "/changes-since-request")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        page.contains(
            "The article overstates it; <del>the</del><ins>Acme&#39;s</ins> <del>vendor&#39;s </del>page"),
        page);
    assertTrue(page.contains("Passage <span class=\"hint\">(unchanged)</span>"));
  }

  @Test
  void twoPublishedRevisionsAreComparedWordByWord() {
    long id = Api.published("diff-revisions.example/a", "Revision passage");
    Map<String, Object> body = Api.correction("diff-revisions.example/a", "Revision passage");
    body.put(
        "reasoning", "The vendor documents the opposite:\n- first point\n- a new second point");
    body.put("version", version(id));
    body.put("changeNote", "Sharpens the second point.");
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Session.signIn("grace")
        .get("/editor/corrections/" + id + "/changes?from=1&to=2")
        .then()
        .statusCode(200)
        .body(containsString("Revision 1 → revision 2"))
        .body(containsString("<ins>a new </ins>"))
        .body(containsString("Sources <span class=\"hint\">(unchanged)</span>"));
  }
}
