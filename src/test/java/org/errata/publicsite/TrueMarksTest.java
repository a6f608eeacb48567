package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.errata.source.Snapshot;
import org.errata.system.Api;
import org.errata.system.LocalSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BRIEF.md, "What the public page promises": every mark readers see is true. */
@QuarkusTest
class TrueMarksTest {

  static LocalSite site;

  @BeforeAll
  static void start() {
    site = new LocalSite();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static int version(long id) {
    return Api.as("ada").get("/api/corrections/" + id).jsonPath().getInt("version");
  }

  @Test
  void aQuoteCheckedAgainstPastedTextSaysSoAndNeverClaimsThePage() {
    long id = Api.published("marks-pasted.example/a", "Pasted passage");
    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Quote checked against text supplied by the editor"))
        .body(containsString("Passage checked against text supplied by the editor"))
        .body(not(containsString("as fetched on")))
        .body(not(containsString("against the page on")));
    given()
        .get("/api/public/corrections/" + id)
        .then()
        .body("sources[0].quoteCheck.against", equalTo("PASTED"))
        .body(
            "sources[0].quoteCheck.digest",
            equalTo(Snapshot.sha256("Help page\nThe feature runs outside the sandbox. More.")));
  }

  @Test
  void aQuoteFoundOnAPageErrataFetchedGivesTheDateAndKeepsTheDigest() {
    String page =
        site.page(
            "/marks/help",
            "<html><head><title>Help</title></head><body><p>Sandboxes are optional.</p></body></html>");
    String article =
        site.page(
            "/marks/story",
            "<html><head><title>Sandboxes, explained</title></head><body><p>Every app runs in a sandbox.</p></body></html>");
    Map<String, Object> body = Api.correction(article, "Every app runs in a sandbox.");
    body.remove("articleText");
    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Help",
                "url", page,
                "quote", "Sandboxes are optional.")));
    long id = Api.id(Api.created(body).body("sources[0].quoteCheck.status", equalTo("EXACT")));
    Api.submitApprovePublish(id);

    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Quote checked against the page as fetched on <time"))
        .body(containsString("Passage checked against the article as fetched on <time"))
        .body(not(containsString("supplied by the editor")))
        .body(containsString("<h1>Correction to “Sandboxes, explained”</h1>"));
    given()
        .get("/api/public/corrections/" + id)
        .then()
        .body("sources[0].quoteCheck.against", equalTo("FETCHED"))
        .body("sources[0].quoteCheck.digest", matchesPattern("[0-9a-f]{64}"))
        .body("passageCheck.against", equalTo("FETCHED"))
        .body("articleTitle", equalTo("Sandboxes, explained"));
    given()
        .queryParam("url", article)
        .get("/articles")
        .then()
        .body(containsString("<h1>1 correction to “Sandboxes, explained”</h1>"));
  }

  @Test
  void anApprovalByOverrideShowsReadersTheCheckDidNotConfirmAndTheReviewersReason() {
    Map<String, Object> body = Api.correction("marks-override.example/a", "Overridden");
    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "A PDF",
                "url", "https://vendor.example/terms.pdf",
                "quote", "Data is kept for 30 days.",
                "pageText", "Something else entirely.")));
    long id = Api.id(Api.created(body).body("sources[0].quoteCheck.status", equalTo("NOT_FOUND")));
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .body(Map.of("override", "The terms are a scanned PDF; the sentence is on page 4."))
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);

    given()
        .get("/corrections/" + id)
        .then()
        .body(containsString("The automatic check did not confirm this quote on its page."))
        .body(containsString("The terms are a scanned PDF; the sentence is on page 4."))
        .body(not(containsString("Quote checked against")));
    given()
        .get("/api/public/corrections/" + id)
        .then()
        .body(
            "approvalOverride", equalTo("The terms are a scanned PDF; the sentence is on page 4."));

    long confirmed = Api.published("marks-confirmed.example/a", "Confirmed");
    given()
        .get("/corrections/" + confirmed)
        .then()
        .body(not(containsString("Approved without automatic confirmation")));
    given()
        .get("/api/public/corrections/" + confirmed)
        .then()
        .body("approvalOverride", nullValue());
  }

  @Test
  void aSourceWithoutAnAddressIsRefusedAtSubmissionUnlessOfflineWithADescription() {
    Map<String, Object> body = Api.correction("marks-offline.example/a", "Offline");
    body.put(
        "sources",
        List.of(Map.of("title", "Interview with the CTO", "quote", "We never sold the data.")));
    long id = Api.id(Api.created(body));
    Api.as("ada")
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(400)
        .body("field", equalTo("sources[0].url"));

    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Interview with the CTO",
                "quote", "We never sold the data.",
                "offline", true)));
    body.put("version", version(id));
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.as("ada")
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(400)
        .body("field", equalTo("sources[0].offlineNote"));

    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Interview with the CTO",
                "quote", "We never sold the data.",
                "offline", true,
                "offlineNote", "Recorded interview, 3 March 2026; transcript on request.")));
    body.put("version", version(id));
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.submitApprovePublish(id);
    given()
        .get("/corrections/" + id)
        .then()
        .body(
            containsString(
                "Offline source: Recorded interview, 3 March 2026; transcript on request."))
        .body(not(containsString("did not confirm")));
  }

  @Test
  void anUpdateShowsItsNoteTheWordsThatChangedAndEveryVersion() {
    String url = "marks-update.example/a";
    long id = Api.published(url, "Updated passage");
    Map<String, Object> body = Api.correction(url, "Updated passage");
    body.put("summary", "The article overstates it; the vendor's own page says the opposite.");
    body.put("changeNote", "Names the vendor's page.");
    body.put("version", version(id));
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.submitApprovePublish(id);

    String page = given().get("/corrections/" + id).then().statusCode(200).extract().asString();
    org.hamcrest.MatcherAssert.assertThat(page, containsString("Names the vendor&#39;s page."));
    org.hamcrest.MatcherAssert.assertThat(page, containsString("<ins>own </ins>"));
    org.hamcrest.MatcherAssert.assertThat(
        page, containsString("<del>otherwise</del><ins>the opposite</ins>"));
    org.hamcrest.MatcherAssert.assertThat(page, containsString("All 2 versions"));
    org.hamcrest.MatcherAssert.assertThat(
        page, containsString("href=\"/corrections/" + id + "/revisions/1\""));
    // The first version has nothing before it to differ from.
    given()
        .get("/corrections/" + id + "/revisions/1")
        .then()
        .body(not(containsString("What changed")));
  }

  @Test
  void aWithdrawalReasonNamingAnotherCorrectionLinksToIt() {
    String url = "marks-withdraw.example/a";
    long kept = Api.published(url, "Kept");
    long id = Api.published(url, "Repeated");
    Api.as("ada")
        .body(Map.of("reason", "It repeats correction " + kept + ", which stays."))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(200);
    given()
        .get("/corrections/" + id)
        .then()
        .body(
            containsString(
                "It repeats <a href=\"/corrections/"
                    + kept
                    + "\">correction "
                    + kept
                    + "</a>, which stays."));
  }

  @Test
  void readersSeeACleanAddressWhateverTheEditorTyped() {
    String typed = "https://clean.example/story?utm_source=x&id=7&ref=hn";
    long id = Api.published(typed, "Clean address");
    given()
        .get("/corrections/" + id)
        .then()
        .body(containsString(">https://clean.example/story?id=7</a>"))
        .body(not(containsString("utm_source")))
        .body(not(containsString("ref=hn")));
    given()
        .get("/api/public/corrections/" + id)
        .then()
        .body("articleUrl", equalTo("https://clean.example/story?id=7"));
    given()
        .queryParam("url", "clean.example/story?id=7&fbclid=abc")
        .get("/articles")
        .then()
        .body(containsString("<h1>1 correction to https://clean.example/story?id=7</h1>"))
        .body(not(containsString("utm_source")));
    assertEquals(
        "https://clean.example/story?utm_source=x&id=7&ref=hn",
        Api.as("ada").get("/api/corrections/" + id).jsonPath().getString("articleUrl"),
        "the desk keeps what the editor typed");
  }
}
