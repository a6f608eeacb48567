package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** Readers' search and a publication's page. */
@QuarkusTest
class SearchTest {

  static long published(String url, String passage, String summary) {
    Map<String, Object> body = Api.correction(url, passage);
    body.put("summary", summary);
    long id = Api.id(Api.created(body));
    Api.submitApprovePublish(id);
    return id;
  }

  @Test
  void wordsAreFoldedAsTheIndexKeepsThem() {
    assertEquals(
        List.of("zebrafish", "cafe", "battery"),
        SearchIndex.queryTerms("The Zebrafish's CAFÉ batteries of"));
    assertEquals(List.of(), SearchIndex.queryTerms("the of and"));
    assertEquals(8, SearchIndex.queryTerms("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").size());
  }

  @Test
  void searchFindsEveryWordRanksThePassageFirstAndMarksTheWords() {
    long inSummary =
        published("search-a.example/x", "A claim about pricing", "The quokka tariff is wrong.");
    long inPassage =
        published("search-b.example/y", "The quokka tariff doubled", "Prices stayed the same.");
    published("search-c.example/z", "Only a quokka here", "Nothing about prices.");

    String page =
        given()
            .queryParam("q", "Quokka TARIFFS")
            .get("/search")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    int first = page.indexOf("/corrections/" + inPassage + "\"");
    int second = page.indexOf("/corrections/" + inSummary + "\"");
    assertThat("both found", Math.min(first, second), not(lessThan(0)));
    assertThat("passage outranks summary", first, lessThan(second));
    assertThat(page, containsString("<mark>quokka</mark> <mark>tariff</mark> doubled"));
    assertThat(page, not(containsString("Only a quokka here")));
  }

  @Test
  void sourceTitlesPublishersAndTheSiteAreSearchedAndResultsArePaged() {
    for (int i = 0; i < 23; i++) {
      published("pagedsite.example/story-" + i, "Paged passage " + i, "A summary.");
    }
    String first = given().queryParam("q", "pagedsite").get("/search").asString();
    assertEquals(20, first.split("<li>", -1).length - 1);
    assertThat(first, containsString("href=\"/search?q=pagedsite&amp;page=2\""));
    String second =
        given().queryParam("q", "pagedsite").queryParam("page", "2").get("/search").asString();
    assertEquals(3, second.split("<li>", -1).length - 1);
    assertThat(second, not(containsString("More results")));

    given()
        .queryParam("q", "Vendor Help Center pagedsite")
        .get("/search")
        .then()
        .body(containsString("Paged passage"));
  }

  @Test
  void aWithdrawnCorrectionLeavesTheResultsAndAnAmendmentIsFoundByItsNewWords() {
    long id = published("search-w.example/a", "The wombat passage", "Summary.");
    given()
        .queryParam("q", "wombat")
        .get("/search")
        .then()
        .body(containsString("/corrections/" + id + "\""));
    Api.withdraw(id, "Mistaken.");
    given()
        .queryParam("q", "wombat")
        .get("/search")
        .then()
        .body(not(containsString("/corrections/" + id + "\"")));

    long amended = published("search-amend.example/a", "The numbat passage", "Old words.");
    Map<String, Object> body = Api.correction("search-amend.example/a", "The numbat passage");
    body.put("summary", "New words about a platypus.");
    body.put("changeNote", "Adds the platypus.");
    body.put(
        "version", Api.as("ada").get("/api/corrections/" + amended).jsonPath().getLong("version"));
    Api.as("ada").body(body).put("/api/corrections/" + amended).then().statusCode(200);
    given()
        .queryParam("q", "platypus")
        .get("/search")
        .then()
        .body(not(containsString("/corrections/" + amended + "\"")));
    Api.submitApprovePublish(amended);
    given()
        .queryParam("q", "platypus")
        .get("/search")
        .then()
        .body(containsString("/corrections/" + amended + "\""));
  }

  @Test
  void aSearchOfSeveralCommonWordsSeesWhatWasPublishedOrWithdrawnSinceItWasLastAsked() {
    // In tests every word held by two corrections counts as common and is kept in memory.
    long first = published("kept-a.example/1", "Gnu okapi fact", "One.");
    long second = published("kept-b.example/2", "Gnu okapi claim", "Two.");
    String before = given().queryParam("q", "okapi gnu").get("/search").asString();
    assertThat(before, containsString("/corrections/" + first + "\""));
    assertThat(before, containsString("/corrections/" + second + "\""));

    long third = published("kept-c.example/3", "Gnu okapi rumour", "Three.");
    Api.withdraw(first, "Mistaken.");
    String after = given().queryParam("q", "okapi gnu").get("/search").asString();
    assertThat(after, containsString("/corrections/" + third + "\""));
    assertThat(after, containsString("/corrections/" + second + "\""));
    assertThat(after, not(containsString("/corrections/" + first + "\"")));
  }

  @Inject CommonWords commonWords;

  @Test
  void theMostCommonWordsCanBeReadIntoMemoryAheadOfTheFirstSearch() {
    published("warm-a.example/1", "Wallaby claim one", "One.");
    published("warm-b.example/2", "Wallaby claim two", "Two.");
    assertThat(commonWords.warm(100_000), greaterThan(0));
    assertTrue(commonWords.isKept("wallaby"), "a word two corrections hold is kept");
    String page = given().queryParam("q", "wallaby claim").get("/search").asString();
    assertThat(page, containsString("warm-a.example"));
    assertThat(page, containsString("warm-b.example"));
  }

  @Test
  void aRareWordWithACommonOneChecksTheFewCandidatesOneByOne() {
    // In tests a single candidate is checked by looking its posting up directly.
    long both = published("probe-a.example/1", "Quetzal and axolotl", "One.");
    long common = published("probe-b.example/2", "Only an axolotl", "Two.");
    published("probe-c.example/3", "Only a quetzal", "Three.");
    String page = given().queryParam("q", "quetzal axolotl").get("/search").asString();
    assertThat(page, containsString("/corrections/" + both + "\""));
    assertThat(page, not(containsString("/corrections/" + common + "\"")));
  }

  @Test
  void emptyStopWordAndOverlongSearchesAreSentencesNotErrors() {
    given().get("/search").then().statusCode(200).body(containsString("Words to find"));
    given()
        .queryParam("q", "the of")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString("Search for words that say something"));
    given()
        .queryParam("q", "x".repeat(201))
        .get("/search")
        .then()
        .statusCode(400)
        .body(containsString("at most 200 characters"));
    given()
        .queryParam("q", "<script>")
        .queryParam("page", "99999999999")
        .get("/search")
        .then()
        .statusCode(200)
        .body(not(containsString("<script>")));
  }

  @Test
  void aSitesPageListsEveryLiveCorrectionToThatPublication() {
    long a = published("https://www.sitepage.example/one?utm_source=x", "First on the site", "S.");
    long b = published("m.sitepage.example/two", "Second on the site", "S.");
    published("other-site.example/one", "Elsewhere", "S.");
    String page =
        given().get("/sites/sitepage.example").then().statusCode(200).extract().asString();
    assertThat(page, containsString("/corrections/" + a + "\""));
    assertThat(page, containsString("/corrections/" + b + "\""));
    assertThat(page, not(containsString("Elsewhere")));
    assertThat(page, not(containsString("utm_source")));
    given()
        .get("/sites/WWW.SITEPAGE.EXAMPLE")
        .then()
        .body(containsString("/corrections/" + a + "\""));
    given()
        .get("/sites/nothing-here.example")
        .then()
        .statusCode(200)
        .body(containsString("no correction"));
  }
}
