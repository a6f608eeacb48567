package org.errata.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.LocalSite;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** api.md "Checking passages and quotes", against pages served by a local test site. */
@QuarkusTest
class CheckingApiTest {

  static LocalSite site;

  @BeforeAll
  static void start() {
    site = new LocalSite();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Map<String, Object> body(String articleUrl, String passage, Map<String, Object> source) {
    Map<String, Object> body = new HashMap<>(Api.correction(articleUrl, passage));
    body.remove("articleText");
    body.put("sources", List.of(source));
    return body;
  }

  static Map<String, Object> source(String url, String quote, String pageText) {
    Map<String, Object> s = new HashMap<>();
    s.put("title", "Help page");
    s.put("publisher", "Vendor");
    s.put("url", url);
    s.put("quote", quote);
    if (pageText != null) {
      s.put("pageText", pageText);
    }
    return s;
  }

  @Test
  void pastedTextIsCheckedAndTheAnswerSaysWhatWasFoundAndWhere() {
    Map<String, Object> body =
        body(
            "paste-check.example/a",
            "It is free",
            source(
                "https://help.vendor.example/pricing",
                "Plans start at $10 a month.",
                "Pricing\nOur plans: Plans start at $10 a month. Students pay less."));
    body.put("articleText", "Headline\nThe article claims that It is free for everyone.");
    JsonPath json = Api.created(body).extract().jsonPath();
    assertEquals("EXACT", json.getString("passageCheck.status"));
    assertEquals(
        "eadline\nThe article claims that ",
        json.getString("passageCheck.prefix"),
        "32 characters");
    assertEquals(" for everyone.", json.getString("passageCheck.suffix"));
    assertEquals("EXACT", json.getString("sources[0].quoteCheck.status"));
    assertEquals(1.0f, json.getFloat("sources[0].quoteCheck.score"));
    assertEquals("Pricing\nOur plans: ", json.getString("sources[0].quoteCheck.prefix"));
    assertEquals(" Students pay less.", json.getString("sources[0].quoteCheck.suffix"));
    assertTrue(json.getString("sources[0].quoteCheck.checkedAt").endsWith("Z"));
    assertEquals(
        "https://help.vendor.example/pricing#:~:text=Plans%20start%20at%20%2410%20a%20month.",
        json.getString("sources[0].fragmentUrl"));
    assertEquals(null, json.getString("sources[0].pageText"), "page text is never echoed");
  }

  @Test
  void withoutTextThePagesAreFetchedAndCheckedAgainWhenAsked() {
    String page =
        site.page(
            "/fetch/help",
            "<html><body><nav>Menu</nav><main><h1>Help</h1><p>Computer use runs outside the virtual machine.</p></main></body></html>");
    Map<String, Object> body =
        body(
            "fetch-check.example/a",
            "Sandboxed",
            source(page, "Computer use runs outside the virtual machine.", null));
    long id =
        Api.id(
            Api.created(body)
                .body("sources[0].quoteCheck.status", equalTo("EXACT"))
                .body("passageCheck.status", equalTo("UNCHECKED")));

    site.page(
        "/fetch/help", "<html><body><p>Computer use now runs inside a sandbox.</p></body></html>");
    Api.as("grace")
        .post("/api/corrections/" + id + "/check")
        .then()
        .statusCode(200)
        .body("sources[0].quoteCheck.status", equalTo("NOT_FOUND"))
        .body("sources[0].quoteCheck.score", notNullValue());
    Api.as("grace").post("/api/corrections/987654321/check").then().statusCode(404);
  }

  @Test
  void approvingWithAQuoteNotFoundIs409NamingTheSourceUntilAnOverrideIsGiven() {
    Map<String, Object> body =
        body(
            "gate.example/a",
            "Claim",
            source(
                "https://help.vendor.example/x",
                "A sentence the page does not have.",
                "The page says something else entirely."));
    long id = Api.id(Api.created(body).body("sources[0].quoteCheck.status", equalTo("NOT_FOUND")));
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(409)
        .body("error", startsWith("Source 1 (“Help page”): the quote was not found on the page."));
    Api.as("grace")
        .body(Map.of("override", " "))
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(409);
    Api.as("grace")
        .body(Map.of("override", "The page is a PDF; the sentence is on page 4."))
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("REVIEWED"))
        .body("approvalOverride", equalTo("The page is a PDF; the sentence is on page 4."));
  }

  @Test
  void aPassageNotFoundInTheArticleAlsoNeedsAnOverride() {
    Map<String, Object> body =
        Api.correction("passage-gate.example/a", "Words the article never said");
    body.put("articleText", "The article talks about something else.");
    long id = Api.id(Api.created(body).body("passageCheck.status", equalTo("NOT_FOUND")));
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(409)
        .body("error", startsWith("The passage was not found in the article's text."));
  }

  @Test
  void anEllipsisQuoteMatchesPartByPartAndLinksByItsEnds() {
    Map<String, Object> body =
        body(
            "ellipsis-check.example/a",
            "Claim",
            source(
                "https://help.vendor.example/start",
                "Cowork runs directly on your computer... Code runs safely in an isolated space",
                "Cowork runs directly on your computer. Code runs safely in an isolated space."));
    Api.created(body)
        .body("sources[0].quoteCheck.status", equalTo("EXACT"))
        .body(
            "sources[0].fragmentUrl",
            equalTo(
                "https://help.vendor.example/start#:~:text=Cowork%20runs%20directly%20on%20your,safely%20in%20an%20isolated%20space"));
  }

  @Test
  void aNearQuoteIsApproximateWithItsScore() {
    Map<String, Object> body =
        body(
            "near-check.example/a",
            "Claim",
            source(
                "https://help.vendor.example/near",
                "Computer use runs outside the virtual machine that Cowork normaly uses.",
                "Computer use runs outside the virtual machine that Cowork normally uses."));
    JsonPath json = Api.created(body).extract().jsonPath();
    assertEquals("APPROXIMATE", json.getString("sources[0].quoteCheck.status"));
    float score = json.getFloat("sources[0].quoteCheck.score");
    assertTrue(score >= 0.8f && score < 1f, "score " + score);
  }

  @Test
  void theCanonicalAddressAnArticleDeclaresFindsItsCorrections() {
    String article =
        site.page(
            "/news/story-amp",
            "<html><head><link rel=\"canonical\" href=\"https://www.canonical-news.example/story\"></head><body><p>The tool is fully sandboxed.</p></body></html>");
    Map<String, Object> body = Api.correction(article, "The tool is fully sandboxed.");
    body.remove("articleText");
    long id = Api.id(Api.created(body).body("passageCheck.status", equalTo("EXACT")));
    Api.submitApprovePublish(id);
    given()
        .queryParam("url", "http://canonical-news.example/story/?utm_source=x")
        .get("/api/public/corrections")
        .then()
        .statusCode(200)
        .body("count", equalTo(1))
        .body("corrections[0].id", equalTo((int) id));
    given()
        .queryParam("url", "canonical-news.example/story")
        .get("/articles")
        .then()
        .statusCode(200)
        .body(containsString("The tool is fully sandboxed."));
  }

  @Test
  void anUnreachablePageLeavesTheQuoteUncheckedAndTheSaveSucceeds() {
    Map<String, Object> body =
        body("unreachable.example/a", "Claim", source(site.url("/missing"), "Some words.", null));
    Api.created(body)
        .body("sources[0].quoteCheck.status", equalTo("UNCHECKED"))
        .body(
            "checkProblems",
            Matchers.hasItem("Source 1: The page answered 404 (no page at this address)."));
  }
}
