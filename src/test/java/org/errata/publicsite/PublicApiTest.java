package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** api.md "Reading": anyone reads published corrections, and only those. */
@QuarkusTest
class PublicApiTest {

  @Test
  void aPublishedCorrectionIsFoundByAnySpellingOfItsArticle() {
    long id = Api.published("https://www.public-api.example/a/b/", "Readers find this");
    given()
        .queryParam("url", "HTTP://PUBLIC-API.EXAMPLE/a/b?utm_source=news#top")
        .get("/api/public/corrections")
        .then()
        .statusCode(200)
        .body("articleKey", equalTo("public-api.example/a/b"))
        .body("articleUrl", equalTo("https://www.public-api.example/a/b/"))
        .body("count", equalTo(1))
        .body("corrections", hasSize(1))
        .body("corrections[0].id", equalTo((int) id))
        .body("corrections[0].status", equalTo("PUBLISHED"))
        .body("corrections[0].publicUrl", equalTo("/corrections/" + id))
        .body("corrections[0].publishedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
        .body("corrections[0]", not(hasKey("version")))
        .body("corrections[0]", not(hasKey("author")))
        .body("corrections[0]", not(hasKey("reviewer")));
  }

  @Test
  void anArticleWithoutCorrectionsIsANormalAnswer() {
    given()
        .queryParam("url", "nothing-here.example/story")
        .get("/api/public/corrections")
        .then()
        .statusCode(200)
        .body("count", equalTo(0))
        .body("corrections", hasSize(0));
  }

  @Test
  void draftsAndCorrectionsInReviewAreNotFoundForReaders() {
    long draft = Api.create("ada", "unpublished.example/a", "secret draft");
    given()
        .get("/api/public/corrections/" + draft)
        .then()
        .statusCode(404)
        .body("error", containsString("no correction"));
    Api.as("ada").post("/api/corrections/" + draft + "/submit").then().statusCode(200);
    given().get("/api/public/corrections/" + draft).then().statusCode(404);
    given()
        .queryParam("url", "unpublished.example/a")
        .get("/api/public/corrections")
        .then()
        .body("count", equalTo(0));
  }

  @Test
  void aPublishedCorrectionHasItsOwnAddress() {
    long id = Api.published("public-one.example/a", "Permalink passage");
    given()
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(200)
        .body("passage", equalTo("Permalink passage"))
        .body("sources[0].quote", equalTo("The feature runs outside the sandbox."));
  }

  @Test
  void anInvalidAddressIs400() {
    given()
        .queryParam("url", "ftp://x.example/a")
        .get("/api/public/corrections")
        .then()
        .statusCode(400);
    given().get("/api/public/corrections").then().statusCode(400);
  }
}
