package org.errata.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Importing fact-check reports as drafts, through the API and the page. */
@QuarkusTest
public class ReportImportTest {

  static RequestSpecification asAda() {
    return given().auth().preemptive().basic("ada", "errata-demo").accept("application/json");
  }

  static String report(String url, String... claims) {
    StringBuilder b = new StringBuilder(url + "\n");
    b.append(claims.length == 1 ? "1 correction found\n" : claims.length + " corrections found\n");
    for (String claim : claims) {
      b.append(claim)
          .append("\nSummary of ")
          .append(claim)
          .append(".\nFull reasoning\nBecause the vendor says so:\n- one\n- two\n2 sources\n")
          .append(
              "- Pricing | Plans | Vendor Docs\nPlans start at $10…\n- Blog post\n“A quote” — with a dash.\n");
    }
    return b.toString();
  }

  public static int countFor(String url) {
    return Api.as("ada")
        .queryParam("url", url)
        .get("/api/corrections")
        .jsonPath()
        .getList("corrections")
        .size();
  }

  @Test
  void theSeedReportBecomesOneDraftWithEveryPart() throws IOException {
    String seed = ReportParserTest.seed().replace("oneusefulthing.org", "seed-import.example");
    asAda()
        .contentType("text/plain; charset=utf-8")
        .body(seed.getBytes(StandardCharsets.UTF_8))
        .post("/api/reports")
        .then()
        .statusCode(201)
        .body("corrections", hasSize(1))
        .body("corrections[0].status", equalTo("DRAFT"))
        .body("corrections[0].author", equalTo("ada"))
        .body(
            "corrections[0].articleUrl",
            equalTo("www.seed-import.example/p/claude-dispatch-and-the-power-of"))
        .body("corrections[0].passage", equalTo("Cowork is sandboxed, safer but more limited"))
        .body("corrections[0].summary", containsString("That overstates Cowork’s isolation."))
        .body("corrections[0].reasoning", containsString("\n- In Cowork generally"))
        .body("corrections[0].sources", hasSize(3))
        .body(
            "corrections[0].sources[2].title",
            equalTo("Assign tasks from anywhere in Claude Cowork"))
        .body("corrections[0].sources[2].publisher", equalTo("Claude Help Center"))
        .body("corrections[0].sources[2].url", nullValue())
        .body("corrections[0].publicUrl", nullValue());
  }

  @Test
  void severalCorrectionsBecomeDraftsInReportOrder() {
    String url = "order-import.example/story";
    Response response =
        asAda()
            .contentType("text/plain; charset=utf-8")
            .body(report(url, "First claim", "“Second claim”", "Third claim"))
            .post("/api/reports");
    assertEquals(201, response.statusCode(), response.asString());
    List<String> passages = response.jsonPath().getList("corrections.passage");
    assertEquals(List.of("First claim", "Second claim", "Third claim"), passages);
    List<Integer> ids = response.jsonPath().getList("corrections.id");
    assertTrue(ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2));
    assertEquals(
        "Pricing | Plans", response.jsonPath().getString("corrections[0].sources[0].title"));
    assertEquals(
        "Plans start at $10…", response.jsonPath().getString("corrections[0].sources[0].quote"));
    assertEquals(null, response.jsonPath().getString("corrections[0].sources[1].publisher"));
  }

  @Test
  void aBrokenReportIs422WithItsLineAndCreatesNothing() {
    String url = "broken-import.example/story";
    String broken = report(url, "One", "Two").replace("2 corrections found", "3 corrections found");
    asAda()
        .contentType("text/plain; charset=utf-8")
        .body(broken)
        .post("/api/reports")
        .then()
        .statusCode(422)
        .body("line", equalTo(2))
        .body("error", equalTo("line 2 says 3 corrections, but the report contains 2"));
    assertEquals(0, countFor(url), "refused whole: nothing created");

    String secondBroken = report(url, "One", "Two");
    int at = secondBroken.lastIndexOf("Full reasoning");
    secondBroken =
        secondBroken.substring(0, at) + "Full Reasoning" + secondBroken.substring(at + 14);
    asAda()
        .contentType("text/plain")
        .body(secondBroken)
        .post("/api/reports")
        .then()
        .statusCode(422)
        .body("line", equalTo(16));
    assertEquals(0, countFor(url), "the first, valid correction was not created either");
  }

  @Test
  void aFieldOverItsLimitIsReportedAtItsLine() {
    String url = "long-import.example/story";
    String text = report(url, "Claim").replace("Summary of Claim.", "S".repeat(3001));
    asAda()
        .contentType("text/plain")
        .body(text)
        .post("/api/reports")
        .then()
        .statusCode(422)
        .body("line", equalTo(4))
        .body(
            "error", equalTo("line 4: correction 1: The summary can be at most 3000 characters."));
    assertEquals(0, countFor(url));
  }

  @Test
  void aReportOverOneMebibyteIs413() {
    String big = report("big-import.example/a", "Claim") + "x".repeat(ReportImport.MAX_BYTES);
    asAda()
        .contentType("text/plain")
        .body(big)
        .post("/api/reports")
        .then()
        .statusCode(413)
        .body("error", containsString("more than the 1 MiB"));
  }

  @Test
  void aReportThatIsNotUtf8IsAClearErrorNotMojibake() {
    byte[] latin1 =
        report("latin-import.example/a", "Ça coûte cher").getBytes(StandardCharsets.ISO_8859_1);
    asAda()
        .contentType("text/plain")
        .body(latin1)
        .post("/api/reports")
        .then()
        .statusCode(422)
        .body("line", equalTo(3))
        .body("error", containsString("not UTF-8"));
    assertEquals(0, countFor("latin-import.example/a"));
  }

  @Test
  void crlfAndAByteOrderMarkAreRead() {
    String text = "\uFEFF" + report("crlf-import.example/a", "Windows claim").replace("\n", "\r\n");
    asAda()
        .contentType("text/plain")
        .body(text.getBytes(StandardCharsets.UTF_8))
        .post("/api/reports")
        .then()
        .statusCode(201)
        .body("corrections[0].passage", equalTo("Windows claim"));
  }

  @Test
  void importingNeedsAnEditor() {
    given()
        .contentType("text/plain")
        .body(report("anon-import.example/a", "x"))
        .post("/api/reports")
        .then()
        .statusCode(401);
  }

  @Test
  void importedDraftsGoThroughTheSameReview() {
    long id =
        asAda()
            .contentType("text/plain")
            .body(report("review-import.example/a", "Imported claim"))
            .post("/api/reports")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("corrections[0].id");
    Api.as("ada").post("/api/corrections/" + id + "/publish").then().statusCode(409);
    // Reports name sources without addresses: an editor adds them (or marks a source offline).
    Api.as("ada")
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(400)
        .body("field", equalTo("sources[0].url"));
    io.restassured.path.json.JsonPath draft =
        Api.as("ada").get("/api/corrections/" + id).jsonPath();
    Map<String, Object> body = new java.util.HashMap<>();
    for (String f : List.of("articleUrl", "passage", "summary", "reasoning")) {
      body.put(f, draft.getString(f));
    }
    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Pricing | Plans",
                "publisher", "Vendor Docs",
                "url", "https://docs.vendor.example/pricing",
                "quote", "Plans start at $10…"),
            Map.of(
                "title", "Blog post",
                "quote", "“A quote” — with a dash.",
                "offline", true,
                "offlineNote", "The vendor's blog post, since taken down; copy on request.")));
    body.put("version", draft.getLong("version"));
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("ada").post("/api/corrections/" + id + "/approve").then().statusCode(403);
    Api.as("grace")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(409)
        .body(
            "error",
            containsString("Source 1 (“Pricing | Plans”): the quote has not been checked"));
    Api.as("grace")
        .body(Map.of("override", "The vendor docs are behind a login; I compared them by hand."))
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(200)
        .body(
            "approvalOverride",
            equalTo("The vendor docs are behind a login; I compared them by hand."));
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);
    given().get("/api/public/corrections/" + id).then().statusCode(200);
  }

  @Test
  void pastingAReportOnThePageCreatesDraftsAndListsThem() {
    Session ada = Session.signIn("ada");
    String url = "page-import.example/story";
    Response response =
        ada.submitMultipart(
            "/editor/reports/new",
            "/editor/reports",
            Map.of("text", report(url, "Pasted one", "Pasted two")),
            "file",
            null);
    assertEquals(303, response.statusCode(), response.asString());
    String location = response.header("Location");
    assertTrue(location.contains("/editor/reports/imported?ids="), location);
    String page =
        ada.get(location.substring(location.indexOf("/editor")))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(page.contains("2 drafts created"), page);
    assertTrue(page.contains("Pasted one") && page.contains("Pasted two"));
    assertTrue(page.contains("2 without an address"));
    assertEquals(2, countFor(url));
    long id =
        Api.as("ada")
            .queryParam("url", url)
            .get("/api/corrections")
            .jsonPath()
            .getLong("corrections[0].id");
    ada.get("/editor/corrections/" + id)
        .then()
        .body(containsString("imported the correction from a report"))
        .body(
            containsString(
                "Imported from a fact-check report about page-import.example/story on "));
  }

  @Test
  void aBrokenPastedReportComesBackWithTheLineQuotedAndTheTextKept() {
    Session ada = Session.signIn("ada");
    String url = "page-broken.example/story";
    String text = report(url, "Kept claim").replace("Full reasoning", "Full Reasoning");
    Response response =
        ada.submitMultipart(
            "/editor/reports/new", "/editor/reports", Map.of("text", text), "file", null);
    assertEquals(422, response.statusCode());
    String page = response.asString();
    assertTrue(
        page.contains(
            "Nothing was imported: line 5: expected &quot;Full reasoning&quot; after the summary of correction 1"),
        page);
    assertTrue(
        page.contains("<span class=\"fault\"><span class=\"ln\">5</span> Full Reasoning</span>"),
        page);
    assertTrue(
        page.contains("Kept claim") && page.contains("Plans start at $10…"),
        "the text stays in the box");
    assertEquals(0, countFor(url));
  }

  @Test
  void uploadingAReportFileWorksAndAFileThatIsNotUtf8IsRefused() {
    Session ada = Session.signIn("ada");
    String url = "upload-import.example/story";
    byte[] file = report(url, "Uploaded claim — “curly”").getBytes(StandardCharsets.UTF_8);
    ada.submitMultipart("/editor/reports/new", "/editor/reports", Map.of("text", ""), "file", file)
        .then()
        .statusCode(303);
    Api.as("ada")
        .queryParam("url", url)
        .get("/api/corrections")
        .then()
        .body("corrections[0].passage", equalTo("Uploaded claim — “curly”"));

    byte[] latin1 =
        report("upload-latin.example/a", "Crème brûlée").getBytes(StandardCharsets.ISO_8859_1);
    Response refused =
        ada.submitMultipart(
            "/editor/reports/new", "/editor/reports", Map.of("text", ""), "file", latin1);
    assertEquals(422, refused.statusCode());
    assertTrue(refused.asString().contains("not UTF-8"));
    assertEquals(0, countFor("upload-latin.example/a"));
  }

  @Test
  void theImportFormHasLabelsAndAToken() {
    Session.signIn("ada")
        .get("/editor/reports/new")
        .then()
        .statusCode(200)
        .body(containsString("<label for=\"text\">Report text</label>"))
        .body(containsString("<label for=\"file\">"))
        .body(containsString("name=\"csrf-token\""))
        .body(containsString("Up to 1 MiB and 100 corrections"));
  }
}
