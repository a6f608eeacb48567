package org.errata.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The editors' JSON API and its status codes, as api.md specifies them. */
@QuarkusTest
class CorrectionApiTest {

  @Test
  void missingOrWrongCredentialsAre401WithASentenceInJson() {
    given()
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .contentType(ContentType.JSON)
        .header("WWW-Authenticate", containsString("Basic realm=\"Errata\""))
        .body("error", containsString("HTTP Basic with the user name and password"));
    given()
        .auth()
        .preemptive()
        .basic("ada", "wrong")
        .get("/api/corrections/1")
        .then()
        .statusCode(401)
        .contentType(ContentType.JSON)
        .header("WWW-Authenticate", containsString("Basic"))
        .body("error", containsString("user name or password is wrong"));
    given()
        .auth()
        .preemptive()
        .basic("nobody-here", "errata-demo")
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .body("error", containsString("user name or password is wrong"));
    given()
        .contentType(ContentType.JSON)
        .body(Api.correction("example.org/x", "p"))
        .post("/api/corrections")
        .then()
        .statusCode(401)
        .body("error", containsString("HTTP Basic with the user name and password"));
    given()
        .contentType("text/plain; charset=utf-8")
        .body("REPORT")
        .post("/api/reports")
        .then()
        .statusCode(401)
        .body("error", containsString("HTTP Basic with the user name and password"));
    // A desk session cookie is not an API credential.
    given()
        .cookies(Session.signIn("ada").cookies())
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .body("error", containsString("HTTP Basic with the user name and password"));
    // The readers' API needs no credentials at all.
    given().get("/api/public/corrections?url=example.org/nothing").then().statusCode(200);
  }

  @Test
  void creatingACorrectionAnswers201WithLocationAndTheDraft() {
    var response =
        Api.as("ada")
            .body(
                Api.correction(
                    "https://www.api-create.example/story?utm_source=feed", "It is free"))
            .post("/api/corrections")
            .then()
            .statusCode(201)
            .header("Location", startsWith("/api/corrections/"))
            .body("status", equalTo("DRAFT"))
            .body("version", equalTo(0))
            .body("articleUrl", equalTo("https://www.api-create.example/story?utm_source=feed"))
            .body("articleKey", equalTo("api-create.example/story"))
            .body("passage", equalTo("It is free"))
            .body("sources", hasSize(1))
            .body("sources[0].publisher", equalTo("Vendor Help Center"))
            .body("author", equalTo("ada"))
            .body("reviewer", nullValue())
            .body("publicUrl", nullValue())
            .body("verdict", nullValue())
            .extract();
    long id = response.jsonPath().getLong("id");
    assertTrue(response.header("Location").endsWith("/api/corrections/" + id));
    Api.as("grace")
        .get("/api/corrections/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo((int) id));
  }

  @Test
  void fieldsNoRequestMaySetAreIgnored() {
    Map<String, Object> body = Api.correction("ignored-fields.example/a", "p");
    body.put("id", 999_999);
    body.put("status", "PUBLISHED");
    body.put("author", "grace");
    body.put("reviewer", "grace");
    body.put("publicUrl", "/corrections/1");
    body.put("articleKey", "evil.example/");
    Api.as("ada")
        .body(body)
        .post("/api/corrections")
        .then()
        .statusCode(201)
        .body("id", not(equalTo(999_999)))
        .body("status", equalTo("DRAFT"))
        .body("author", equalTo("ada"))
        .body("reviewer", nullValue())
        .body("publicUrl", nullValue())
        .body("articleKey", equalTo("ignored-fields.example/a"));
  }

  @Test
  void aSourceAddressWithoutHttpsIsReadLikeTheArticlesAddress() {
    Map<String, Object> body = Api.correction("no-scheme.example/a", "A passage without scheme");
    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Help page",
                "url", "help.example.com/page",
                "quote", "The feature runs outside the sandbox.",
                "pageText", "Help page\nThe feature runs outside the sandbox. More.")));
    Api.created(body).body("sources[0].url", equalTo("https://help.example.com/page"));
  }

  @Test
  void invalidContentIs400NamingTheField() {
    Map<String, Object> body = Api.correction("invalid.example/a", "");
    Api.as("ada")
        .body(body)
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("passage"))
        .body("error", containsString("passage"));

    Map<String, Object> badUrl = Api.correction("ftp://invalid.example/a", "p");
    Api.as("ada")
        .body(badUrl)
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("articleUrl"));

    Map<String, Object> badSource = Api.correction("invalid.example/b", "p");
    badSource.put(
        "sources", List.of(Map.of("title", "T", "url", "javascript:alert(1)", "quote", "q")));
    Api.as("ada")
        .body(badSource)
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("sources[0].url"));

    Map<String, Object> tooLong = Api.correction("invalid.example/c", "x".repeat(2001));
    Api.as("ada")
        .body(tooLong)
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("passage"))
        .body("error", containsString("2000"));

    Map<String, Object> noSources = Api.correction("invalid.example/d", "p");
    noSources.put("sources", List.of());
    Api.as("ada")
        .body(noSources)
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("sources"));
  }

  @Test
  void malformedJsonIs400WithASentenceAndNoStackTrace() {
    String body =
        Api.as("ada")
            .body("{\"passage\": ")
            .post("/api/corrections")
            .then()
            .statusCode(400)
            .contentType(ContentType.JSON)
            .body("error", notNullValue())
            .extract()
            .asString();
    assertTrue(!body.contains("at org.") && !body.contains("Exception"), body);
  }

  @Test
  void anUnknownCorrectionIs404() {
    Api.as("ada")
        .get("/api/corrections/987654321")
        .then()
        .statusCode(404)
        .body("error", notNullValue());
    Api.as("ada").post("/api/corrections/987654321/submit").then().statusCode(404);
  }

  @Test
  void listingFiltersByArticleAndStatusNewestFirst() {
    String url = "https://list-filter.example/story";
    long first = Api.create("ada", url, "first");
    long second = Api.create("grace", "http://www.list-filter.example/story/", "second");
    Api.as("ada").post("/api/corrections/" + first + "/submit").then().statusCode(200);

    JsonPath all =
        Api.as("ada")
            .queryParam("url", "list-filter.example/story?utm_medium=x")
            .get("/api/corrections")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of((int) second, (int) first), all.getList("corrections.id"));
    assertEquals(null, all.getString("next"));

    Api.as("ada")
        .queryParam("url", url)
        .queryParam("status", "IN_REVIEW")
        .get("/api/corrections")
        .then()
        .statusCode(200)
        .body("corrections.id", equalTo(List.of((int) first)))
        .body("corrections.status", everyItem(equalTo("IN_REVIEW")));
  }

  @Test
  void listingPagesWithLimitAndBefore() {
    String url = "paging.example/story";
    long a = Api.create("ada", url, "a");
    long b = Api.create("ada", url, "b");
    long c = Api.create("ada", url, "c");
    JsonPath page1 =
        Api.as("ada")
            .queryParam("url", url)
            .queryParam("limit", 2)
            .get("/api/corrections")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of((int) c, (int) b), page1.getList("corrections.id"));
    String next = page1.getString("next");
    assertTrue(next.startsWith("/api/corrections?") && next.contains("before=" + b), next);
    JsonPath page2 =
        Api.as("ada")
            .urlEncodingEnabled(false)
            .get(next)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of((int) a), page2.getList("corrections.id"));
    assertEquals(null, page2.getString("next"));
  }

  @Test
  void anUnknownStatusOrABadLimitIs400() {
    Api.as("ada")
        .queryParam("status", "LOST")
        .get("/api/corrections")
        .then()
        .statusCode(400)
        .body("error", containsString("status"));
    Api.as("ada").queryParam("limit", 0).get("/api/corrections").then().statusCode(400);
    Api.as("ada").queryParam("limit", 201).get("/api/corrections").then().statusCode(400);
    Api.as("ada").queryParam("limit", "ten").get("/api/corrections").then().statusCode(400);
    Api.as("ada").queryParam("limit", 200).get("/api/corrections").then().statusCode(200);
  }

  @Test
  void updatingWithTheCurrentVersionSavesAndBumpsIt() {
    long id = Api.create("ada", "update.example/a", "old words");
    Map<String, Object> body = Api.correction("update.example/a", "new words");
    body.put("version", 0);
    Api.as("grace")
        .body(body)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(200)
        .body("passage", equalTo("new words"))
        .body("version", equalTo(1));
  }

  @Test
  void updatingWithAStaleVersionIs409AndOverwritesNothing() {
    long id = Api.create("ada", "stale.example/a", "original");
    Map<String, Object> first = Api.correction("stale.example/a", "ada's edit");
    first.put("version", 0);
    Api.as("ada").body(first).put("/api/corrections/" + id).then().statusCode(200);
    Map<String, Object> second = Api.correction("stale.example/a", "grace's edit");
    second.put("version", 0);
    Api.as("grace")
        .body(second)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(409)
        .body("error", containsString("Someone else changed"));
    Api.as("ada").get("/api/corrections/" + id).then().body("passage", equalTo("ada's edit"));
  }

  @Test
  void updatingWithoutAVersionIs400() {
    long id = Api.create("ada", "noversion.example/a", "original");
    Api.as("ada")
        .body(Api.correction("noversion.example/a", "x"))
        .put("/api/corrections/" + id)
        .then()
        .statusCode(400)
        .body("field", equalTo("version"));
  }

  @Test
  void updatingSomethingInReviewIs409() {
    long id = Api.create("ada", "inreview.example/a", "original");
    Api.as("ada")
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_REVIEW"));
    Map<String, Object> body = Api.correction("inreview.example/a", "x");
    body.put("version", 1);
    Api.as("ada")
        .body(body)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(409)
        .body("error", containsString("in review"));
  }

  @Test
  void submittingTwiceIs409() {
    long id = Api.create("ada", "submit-twice.example/a", "p");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(409);
  }

  @Test
  void approvingYourOwnCorrectionIs403() {
    long id = Api.create("ada", "own-approval.example/a", "p");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("ada")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(403)
        .body("error", equalTo("You wrote this correction, so someone else must approve it."));
  }

  @Test
  void approvingACorrectionYouEditedIs403() {
    long id = Api.create("ada", "coeditor.example/a", "p");
    Map<String, Object> body = Api.correction("coeditor.example/a", "grace improved it");
    body.put("version", 0);
    Api.as("grace").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(403)
        .body("error", containsString("You edited"));
    Api.as("admin")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("reviewer", equalTo("admin"));
  }

  @Test
  void approvingADraftIs409() {
    long id = Api.create("ada", "approve-draft.example/a", "p");
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(409);
  }

  @Test
  void requestingChangesNeedsACommentAndAnotherEditor() {
    long id = Api.create("ada", "request.example/a", "p");
    Api.as("grace")
        .body(Map.of("comment", "too early"))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(409);
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .body(Map.of("comment", " "))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(400);
    Api.as("grace")
        .body("{}")
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(400);
    Api.as("ada")
        .body(Map.of("comment", "mine is fine"))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(403);
    Api.as("grace")
        .body(Map.of("comment", "Add the second source."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"));
  }

  @Test
  void publishingBeforeApprovalIs409() {
    long id = Api.create("ada", "publish-early.example/a", "p");
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(409);
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(409);
  }

  @Test
  void theWholeWayToPublicationGivesAPublicUrl() {
    long id = Api.published("https://whole-way.example/story", "The whole way");
    Api.as("ada")
        .get("/api/corrections/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("reviewer", equalTo("grace"))
        .body("publicUrl", equalTo("/corrections/" + id));
    Map<String, Object> body = Api.correction("whole-way.example/story", "silently changed");
    body.put("version", 4);
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(409);
    Api.as("ada")
        .queryParam("status", "PUBLISHED")
        .queryParam("url", "whole-way.example/story")
        .get("/api/corrections")
        .then()
        .body("corrections[0].publicUrl", endsWith("/corrections/" + id));
  }

  @Test
  void everyStateChangeRefusesAStaleVersionWith409() {
    long id = Api.create("ada", "stale-actions.example/a", "A passage for stale versions");
    long read = Api.as("ada").get("/api/corrections/" + id).jsonPath().getLong("version");
    // Someone else saves in between: grace comments (no version change), ada edits? ada submits.
    Api.as("ada")
        .body(Map.of("version", read + 1))
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(409)
        .body("error", Matchers.containsString("Someone else changed"));
    Api.as("ada")
        .body(Map.of("version", read))
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(200);
    Api.as("grace")
        .body(Map.of("version", read, "comment", "Too late?"))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(409);
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
  }
}
