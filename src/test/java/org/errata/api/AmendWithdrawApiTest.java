package org.errata.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** api.md "Amending, withdrawing, history", through the API and the readers' pages. */
@QuarkusTest
class AmendWithdrawApiTest {

  static int version(long id) {
    return Api.as("ada").get("/api/corrections/" + id).jsonPath().getInt("version");
  }

  @Test
  void amendingAPublishedCorrectionKeepsReadersOnThePublishedRevisionUntilTheNextIsPublished() {
    String url = "amend.example/story";
    long id = Api.published(url, "The original passage");
    Map<String, Object> body = Api.correction(url, "The original passage");
    body.put("summary", "An amended summary.");
    body.put("version", version(id));
    Api.as("ada")
        .body(body)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(400)
        .body("field", equalTo("changeNote"));

    body.put("changeNote", "Clarifies which product the article meant.");
    Api.as("ada")
        .body(body)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("live", equalTo(true))
        .body("publishedRevision", equalTo(1))
        .body("revision", equalTo(2))
        .body("summary", equalTo("An amended summary."))
        .body("changeNote", equalTo("Clarifies which product the article meant."));
    given()
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(200)
        .body("summary", equalTo("The article overstates it; the vendor's page says otherwise."))
        .body("revisions", nullValue());

    body.put("changeNote", "A second amendment at once.");
    body.put("version", version(id));
    // The open revision is edited, not a second one started.
    Api.as("grace")
        .body(body)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(200)
        .body("revision", equalTo(2));

    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(403);
    Api.as("admin").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    Api.as("admin")
        .post("/api/corrections/" + id + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("publishedRevision", equalTo(2));

    JsonPath pub =
        given().get("/api/public/corrections/" + id).then().statusCode(200).extract().jsonPath();
    assertEquals("An amended summary.", pub.getString("summary"));
    assertEquals(2, pub.getList("revisions").size());
    assertEquals(
        "Clarifies which product the article meant.", pub.getString("revisions[1].changeNote"));
    assertEquals(pub.getString("revisions[1].publishedAt"), pub.getString("updatedAt"));
    given()
        .get("/api/public/corrections/" + id + "/revisions/1")
        .then()
        .statusCode(200)
        .body("summary", equalTo("The article overstates it; the vendor's page says otherwise."))
        .body("revision", equalTo(1));
    given().get("/api/public/corrections/" + id + "/revisions/3").then().statusCode(404);

    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Updated"))
        .body(containsString("Clarifies which product the article meant."))
        .body(containsString("/corrections/" + id + "/revisions/1"));
    given()
        .get("/corrections/" + id + "/revisions/1")
        .then()
        .statusCode(200)
        .body(containsString("This is an earlier version"))
        .body(containsString("The article overstates it"));
  }

  @Test
  void anAmendmentCannotMoveTheCorrectionToAnotherArticle() {
    long id = Api.published("amend-move.example/a", "Passage");
    Map<String, Object> body = Api.correction("another-article.example/b", "Passage");
    body.put("version", version(id));
    body.put("changeNote", "Moves it.");
    Api.as("ada")
        .body(body)
        .put("/api/corrections/" + id)
        .then()
        .statusCode(400)
        .body("field", equalTo("articleUrl"));
  }

  @Test
  void withdrawingKeepsThePermalinkReadableAndListsItUnderWithdrawn() {
    String url = "withdraw.example/story";
    long live = Api.published(url, "Still live");
    long id = Api.published(url, "To be withdrawn");
    Api.as("ada")
        .body(Map.of("reason", " "))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(400);
    Api.as("grace")
        .body(Map.of("reason", "The article was fixed."))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(403)
        .body("error", containsString("You published this correction"));
    Api.as("ada")
        .body(Map.of("reason", "The article was fixed by its publisher."))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("live", equalTo(false));
    Api.as("ada")
        .body(Map.of("reason", "again"))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(409);

    given()
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawalReason", equalTo("The article was fixed by its publisher."))
        .body("withdrawnAt", notNullValue())
        .body("passage", equalTo("To be withdrawn"));
    given()
        .queryParam("url", url)
        .get("/api/public/corrections")
        .then()
        .statusCode(200)
        .body("count", equalTo(1))
        .body("corrections[0].id", equalTo((int) live))
        .body("withdrawn", hasSize(1))
        .body("withdrawn[0].id", equalTo((int) id));
    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Withdrawn"))
        .body(containsString("The article was fixed by its publisher."))
        .body(containsString("To be withdrawn"));
    given()
        .queryParam("url", url)
        .get("/articles")
        .then()
        .statusCode(200)
        .body(containsString("1 correction found"))
        .body(containsString("<h2 id=\"withdrawn-heading\">Withdrawn</h2>"));
    given().get("/").then().body(not(containsString("/corrections/" + id + "\"")));
  }

  @Test
  void listingByStatusTellsWithdrawnFromPublished() {
    String url = "withdraw-list.example/a";
    long live = Api.published(url, "Live one");
    long gone = Api.published(url, "Gone one");
    Api.as("ada")
        .body(Map.of("reason", "Superseded."))
        .post("/api/corrections/" + gone + "/withdraw")
        .then()
        .statusCode(200);
    Api.as("ada")
        .queryParam("url", url)
        .queryParam("status", "WITHDRAWN")
        .get("/api/corrections")
        .then()
        .body("corrections.id", equalTo(List.of((int) gone)));
    Api.as("ada")
        .queryParam("url", url)
        .queryParam("status", "PUBLISHED")
        .get("/api/corrections")
        .then()
        .body("corrections.id", equalTo(List.of((int) live)));
  }

  @Test
  void withdrawingSomethingNotPublishedIs409() {
    long id = Api.create("ada", "withdraw-draft.example/a", "Draft");
    Api.as("grace")
        .body(Map.of("reason", "x"))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(409);
  }

  @Test
  void theHistoryListsEveryEventOldestFirst() {
    long id = Api.published("history.example/a", "History passage");
    JsonPath history =
        Api.as("grace")
            .get("/api/corrections/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> actions = history.getList("events.action");
    assertEquals("CREATED", actions.get(0));
    assertEquals("PUBLISHED", actions.get(actions.size() - 1));
    assertEquals(
        List.of("CREATED", "CHECKED", "CHECKED", "SUBMITTED", "APPROVED", "PUBLISHED"), actions);
    assertEquals("ada", history.getString("events[0].actor"));
    assertEquals("IN_REVIEW", history.getString("events[4].fromStatus"));
    assertEquals("REVIEWED", history.getString("events[4].toStatus"));
    assertEquals(1, history.getInt("events[4].revision"));
    Api.as("grace").get("/api/corrections/987654/history").then().statusCode(404);
    given().get("/api/corrections/" + id + "/history").then().statusCode(401);
  }
}
