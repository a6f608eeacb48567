package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** api.md, "Public reading, for other sites": CORS for reading, caching, no cookies, no 401. */
@QuarkusTest
class PublicReadingTest {

  @Test
  void anyOriginMayReadThePublicApiWithoutCredentialsOrCookies() {
    long id = Api.published("cors.example/a", "A passage other sites read");
    for (String path :
        new String[] {
          "/api/public/corrections/" + id,
          "/api/public/corrections?url=cors.example/a",
          "/feeds/corrections.atom",
          "/corrections/" + id + ".txt",
        }) {
      given()
          .header("Origin", "https://publisher.example")
          .cookie("errata-session", "forged")
          .get(path)
          .then()
          .statusCode(200)
          .header("Access-Control-Allow-Origin", "*")
          .header("Access-Control-Allow-Credentials", nullValue())
          .header("Access-Control-Expose-Headers", containsString("ETag"))
          .header("Set-Cookie", nullValue());
    }
    // Readers' pages set no cookie either (only pages with a form carry its CSRF cookie).
    for (String page :
        new String[] {
          "/", "/corrections/" + id, "/articles?url=cors.example/a", "/stats", "/search?q=passage"
        }) {
      given().get(page).then().statusCode(200).header("Set-Cookie", nullValue());
    }
    // Credentials sent to a public endpoint are ignored, never a 401.
    given()
        .auth()
        .preemptive()
        .basic("nobody", "wrong")
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(200);
    given()
        .header("Authorization", "Bearer errata_not-a-token")
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(200);
    // The editors' API and the desk are not for other sites.
    given()
        .header("Origin", "https://publisher.example")
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", "https://publisher.example")
        .get("/")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void preflightsAllowReadingOnly() {
    given()
        .header("Origin", "https://publisher.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "If-None-Match")
        .options("/api/public/corrections")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Allow-Methods", "GET, HEAD")
        .header("Access-Control-Allow-Headers", containsString("If-None-Match"));
    given()
        .header("Origin", "https://publisher.example")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/public/suggestions")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", "https://publisher.example")
        .header("Access-Control-Request-Method", "DELETE")
        .options("/api/corrections/1")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void publicAnswersCarryValidatorsAndAnswerConditionalRequestsWith304()
      throws InterruptedException {
    String url = "cors.example/conditional";
    long id = Api.published(url, "A passage read again and again");
    Thread.sleep(1100); // dates are given once the newest change is a second old
    Response first = given().get("/api/public/corrections/" + id);
    first
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Last-Modified", notNullValue())
        .header("Cache-Control", containsString("max-age"));
    String etag = first.header("ETag");
    assertNotNull(etag);
    given()
        .header("If-None-Match", etag)
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(304)
        .header("Access-Control-Allow-Origin", "*");
    given()
        .header("If-Modified-Since", first.header("Last-Modified"))
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(304);

    Response lookup = given().queryParam("url", url).get("/api/public/corrections");
    lookup.then().statusCode(200).body("count", equalTo(1));
    String lookupTag = lookup.header("ETag");
    given()
        .header("If-None-Match", lookupTag)
        .queryParam("url", url)
        .get("/api/public/corrections")
        .then()
        .statusCode(304);

    Api.withdraw(id, "Mistaken.");
    given()
        .header("If-None-Match", etag)
        .get("/api/public/corrections/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    given()
        .header("If-None-Match", lookupTag)
        .queryParam("url", url)
        .get("/api/public/corrections")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
    given()
        .head("/api/public/corrections/" + id)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue());
  }

  @Test
  void theBadgeSaysHowManyLiveCorrectionsAnArticleHas() {
    String url = "https://badge.example/story";
    given()
        .queryParam("url", url)
        .get("/badge.svg")
        .then()
        .statusCode(200)
        .contentType(containsString("image/svg+xml"))
        .header("Access-Control-Allow-Origin", "*")
        .body(containsString(">No corrections</text>"));
    long first = Api.published(url, "The first passage a badge counts");
    given()
        .queryParam("url", url + "?utm_source=x")
        .get("/badge.svg")
        .then()
        .body(containsString(">1 correction</text>"))
        .body(containsString("aria-label=\"Errata: 1 correction\""));
    Api.published(url, "A wholly different claim about batteries");
    Response two = given().queryParam("url", url).get("/badge.svg");
    two.then().body(containsString(">2 corrections</text>"));
    given()
        .header("If-None-Match", two.header("ETag"))
        .queryParam("url", url)
        .get("/badge.svg")
        .then()
        .statusCode(304);
    Api.withdraw(first, "Mistaken.");
    given()
        .queryParam("url", url)
        .get("/badge.svg")
        .then()
        .body(containsString(">1 correction</text>"));
    given().get("/badge.svg").then().statusCode(400);
    given().queryParam("url", "javascript:alert(1)").get("/badge.svg").then().statusCode(400);
    given()
        .get("/embed.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .header("Access-Control-Allow-Origin", "*");
  }

  @Test
  void theFramedNoticeIsErrataPageUnderItsOwnStrictPolicy() {
    String url = "https://notice.example/story";
    Map<String, Object> body = Api.correction(url, "A passage a notice shows <b>bold</b>");
    body.put("summary", "The notice escapes <script>alert(1)</script> typed text.");
    long id = Api.id(Api.created(body));
    Api.submitApprovePublish(id);
    String page =
        given()
            .queryParam("url", url + "?utm_source=x")
            .get("/embed/notice")
            .then()
            .statusCode(200)
            .header("Content-Security-Policy", containsString("default-src 'none'"))
            .header("Content-Security-Policy", containsString("frame-ancestors *"))
            .header("X-Frame-Options", nullValue())
            .header("Set-Cookie", nullValue())
            .extract()
            .asString();
    org.hamcrest.MatcherAssert.assertThat(page, containsString("This article has been corrected."));
    org.hamcrest.MatcherAssert.assertThat(
        page,
        containsString("href=\"http://localhost:8081/corrections/" + id + "\" target=\"_top\""));
    org.hamcrest.MatcherAssert.assertThat(
        page, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    String none =
        given().queryParam("url", "https://notice.example/none").get("/embed/notice").asString();
    org.hamcrest.MatcherAssert.assertThat(
        none, org.hamcrest.Matchers.not(containsString("<aside")));
    given().get("/embed/notice").then().statusCode(400);
    // Every other page still refuses to be framed.
    given().get("/").then().header("X-Frame-Options", "DENY");
  }
}
