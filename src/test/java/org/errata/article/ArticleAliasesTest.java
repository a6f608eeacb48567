package org.errata.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Editors add an article's other addresses by hand; readers then find it under each. */
@QuarkusTest
class ArticleAliasesTest {

  static long articleOf(long correction) {
    String page = Session.signIn("ada").get("/editor/corrections/" + correction).asString();
    int at = page.indexOf("/editor/articles/");
    return Long.parseLong(page.substring(at + 17, page.indexOf('"', at)));
  }

  @Test
  void aCustomDomainAndItsSubstackTwinFindTheSameCorrections() {
    long id = Api.published("https://www.aliasletter.example/p/the-story", "Aliased passage");
    long article = articleOf(id);
    Session ada = Session.signIn("ada");
    String page = "/editor/articles/" + article;

    given()
        .queryParam("url", "aliasletter.substack.com/p/the-story")
        .get("/articles")
        .then()
        .body(containsString("No corrections found"));
    Response added =
        ada.submit(
            page,
            page + "/aliases",
            Map.of("url", "https://aliasletter.substack.com/p/the-story?r=abc"));
    assertEquals(303, added.statusCode());
    assertThat(
        ada.get(added.header("Location")).asString(), containsString("The address was added"));
    given()
        .queryParam("url", "aliasletter.substack.com/p/the-story?utm_source=share")
        .get("/articles")
        .then()
        .body(containsString("/corrections/" + id + "\""));
  }

  @Test
  void anAddressThatIsAlreadyThisOrAnotherArticlesIsRefusedWithWhatWasTyped() {
    long id = Api.published("alias-own.example/a", "Own passage");
    Api.published("alias-other.example/b", "Other passage");
    long article = articleOf(id);
    Session ada = Session.signIn("ada");
    String page = "/editor/articles/" + article;

    Response own =
        ada.submit(page, page + "/aliases", Map.of("url", "http://www.alias-own.example/a/"));
    assertEquals(400, own.statusCode());
    assertThat(own.asString(), containsString("That is this article&#39;s own address"));
    assertThat(own.asString(), containsString("value=\"http://www.alias-own.example/a/\""));

    Response other = ada.submit(page, page + "/aliases", Map.of("url", "alias-other.example/b"));
    assertEquals(400, other.statusCode());
    assertThat(other.asString(), containsString("another article&#39;s own"));

    Response bad = ada.submit(page, page + "/aliases", Map.of("url", "ftp://x.example/a"));
    assertEquals(400, bad.statusCode());
    Response empty = ada.submit(page, page + "/aliases", Map.of("url", " "));
    assertEquals(400, empty.statusCode());
    assertThat(empty.asString(), containsString("Enter the other address"));

    ada.get("/editor/articles/987654321").then().statusCode(404);
  }
}
