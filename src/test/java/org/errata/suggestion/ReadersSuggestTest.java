package org.errata.suggestion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** "Readers can suggest a correction": the public form and API, and the desk's triage. */
@QuarkusTest
class ReadersSuggestTest {

  @Inject MockMailbox mailbox;

  /** A reader sends a suggestion through the public API; its id, as editors see it. */
  static long sent(String url, String problem, String email) {
    Map<String, Object> m = new HashMap<>();
    m.put("articleUrl", url);
    m.put("passage", "Cowork is sandboxed");
    m.put("problem", problem);
    m.put("sources", "https://support.vendor.example/computer-use");
    m.put("email", email);
    given()
        .contentType(ContentType.JSON)
        .body(m)
        .post("/api/public/suggestions")
        .then()
        .statusCode(202)
        .body("message", containsString("Thank you"));
    List<Map<String, Object>> all =
        Api.as("ada").get("/api/suggestions").jsonPath().getList("suggestions");
    return all.stream()
        .filter(s -> problem.equals(s.get("problem")))
        .map(s -> ((Number) s.get("id")).longValue())
        .findFirst()
        .orElseThrow();
  }

  List<Mail> mailsTo(String address, int count) throws InterruptedException {
    for (int i = 0; i < 50 && mailbox.getMailsSentTo(address).size() < count; i++) {
      Thread.sleep(100);
    }
    return mailbox.getMailsSentTo(address);
  }

  @Test
  void aReaderSuggestsFromTheArticlePageAndNothingIsPublicUntilAnEditorActs() {
    Api.published("suggest-page.example/story", "A published passage");
    String article =
        given().queryParam("url", "suggest-page.example/story").get("/articles").asString();
    assertThat(article, containsString("href=\"/suggest?url=suggest-page.example%2Fstory\""));

    Session reader = Session.anonymous();
    String form = reader.get("/suggest?url=suggest-page.example/story").asString();
    assertThat(form, containsString("value=\"suggest-page.example/story\""));
    assertThat(form, containsString("Up to 2,000 characters"));
    Response answer =
        reader.submit(
            "/suggest?url=suggest-page.example/story",
            "/suggest",
            Map.of(
                "articleUrl", "suggest-page.example/story",
                "passage", "The assistant stays in its sandbox",
                "problem", "The vendor says computer use runs outside the sandbox.",
                "sources", "support.vendor.example/computer-use",
                "email", "",
                "website", ""));
    assertEquals(303, answer.statusCode());
    assertTrue(answer.header("Location").startsWith("/suggest/sent?url="));
    assertThat(
        reader.get(answer.header("Location")).asString(),
        containsString("your suggestion was sent"));

    given()
        .queryParam("url", "suggest-page.example/story")
        .get("/articles")
        .then()
        .body(not(containsString("computer use runs outside the sandbox")));
    given().get("/").then().body(not(containsString("computer use runs outside the sandbox")));
    Session.signIn("grace")
        .get("/editor/suggestions")
        .then()
        .statusCode(200)
        .body(containsString("The vendor says computer use runs outside the sandbox."))
        .body(containsString("Turn into a draft"));
  }

  @Test
  void badInputComesBackWithASentenceBesideEachFieldAndEverythingTypedKept() {
    Session reader = Session.anonymous();
    Response answer =
        reader.submit(
            "/suggest",
            "/suggest",
            Map.of(
                "articleUrl", "ftp://bad.example/x",
                "passage", "Kept passage",
                "problem", "<script>alert(1)</script> is wrong",
                "sources", "x".repeat(801),
                "email", "not-an-address"));
    assertEquals(400, answer.statusCode());
    String page = answer.asString();
    assertThat(page, containsString("Only http:// and https://"));
    assertThat(page, containsString("What is wrong must be plain text, without HTML tags."));
    assertThat(page, containsString("The sources can be at most 800 characters."));
    assertThat(page, containsString("Enter an e-mail address such as name@example.org"));
    assertThat(page, containsString("Kept passage"));
    assertThat(page, containsString("&lt;script&gt;alert(1)&lt;/script&gt; is wrong"));
    assertThat(page, not(containsString("<script>alert(1)")));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("articleUrl", "ok.example/a"))
        .post("/api/public/suggestions")
        .then()
        .statusCode(400)
        .body("field", equalTo("problem"))
        .body("error", equalTo("Say what is wrong in the article."));
    given()
        .contentType(ContentType.JSON)
        .body("[1,2]")
        .post("/api/public/suggestions")
        .then()
        .statusCode(400);
  }

  @Test
  void theFieldPeopleNeverSeeMakesTheSuggestionVanish() {
    Response answer =
        Session.anonymous()
            .submit(
                "/suggest",
                "/suggest",
                Map.of(
                    "articleUrl", "robot.example/a",
                    "problem", "Buy cheap watches at robot.example",
                    "website", "https://robot.example"));
    assertEquals(303, answer.statusCode(), "a robot is thanked, as anyone");
    Api.as("ada")
        .get("/api/suggestions")
        .then()
        .body("suggestions.problem", not(hasItem("Buy cheap watches at robot.example")));
  }

  @Test
  void onlyEditorsSeeTheQueue() {
    given().get("/api/suggestions").then().statusCode(401);
    given().redirects().follow(false).get("/editor/suggestions").then().statusCode(303);
  }

  @Test
  void anEditorTurnsOneIntoADraftKeepingTheReadersWordsAsACommentAndTheReaderIsTold()
      throws InterruptedException {
    mailbox.clear();
    long id =
        sent("suggest-draft.example/a", "The price is 10 dollars, not 20.", "reader@mail.example");
    Map<String, Object> draft = Api.correction("suggest-draft.example/a", "Cowork is sandboxed");
    long correction =
        Api.as("grace")
            .body(draft)
            .post("/api/suggestions/" + id + "/draft")
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("author", equalTo("grace"))
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as("grace")
        .get("/api/corrections/" + correction + "/comments")
        .then()
        .statusCode(200)
        .body("comments[0].body", containsString("A reader suggested this correction"))
        .body("comments[0].body", containsString("The price is 10 dollars, not 20."));
    Api.as("ada")
        .get("/api/suggestions/" + id)
        .then()
        .body("status", equalTo("DRAFTED"))
        .body("correctionId", equalTo((int) correction))
        .body("handledBy", equalTo("grace"));
    Api.as("ada")
        .body(draft)
        .post("/api/suggestions/" + id + "/draft")
        .then()
        .statusCode(409)
        .body("error", containsString("already handled"));
    List<Mail> mails = mailsTo("reader@mail.example", 1);
    assertEquals(1, mails.size());
    assertThat(mails.get(0).getText(), containsString("An editor has started a correction"));
  }

  @Test
  void anEditorTurnsOneIntoADraftOnTheDesk() {
    long id = sent("suggest-form.example/a", "Wrong year: it was 2024.", null);
    Session ada = Session.signIn("ada");
    String form = ada.get("/editor/corrections/new?suggestion=" + id).asString();
    assertThat(form, containsString("What the reader wrote"));
    assertThat(form, containsString("Wrong year: it was 2024."));
    assertThat(form, containsString("value=\"suggest-form.example/a\""));
    Response saved =
        ada.submit(
            "/editor/corrections/new?suggestion=" + id,
            "/editor/corrections?suggestion=" + id,
            Map.of(
                "articleUrl", "suggest-form.example/a",
                "passage", "Cowork is sandboxed",
                "summary", "It was 2024.",
                "reasoning", "The vendor's changelog says 2024.",
                "sourceTitle", "Changelog",
                "sourceUrl", "https://vendor.example/changelog",
                "sourceQuote", "Released in 2024."));
    assertEquals(303, saved.statusCode(), saved.asString());
    assertThat(
        ada.get(saved.header("Location")).asString(), containsString("Wrong year: it was 2024."));
    Api.as("ada").get("/api/suggestions/" + id).then().body("status", equalTo("DRAFTED"));
  }

  @Test
  void declineNeedsAReasonKeepsWhatWasTypedAndTellsTheReader() throws InterruptedException {
    mailbox.clear();
    long id = sent("suggest-decline.example/a", "It is all wrong.", "decline@mail.example");
    Session grace = Session.signIn("grace");
    Response refused =
        grace.submit(
            "/editor/suggestions",
            "/editor/suggestions/" + id + "/decline",
            Map.of("reason", "x".repeat(1001)));
    assertEquals(400, refused.statusCode());
    assertThat(refused.asString(), containsString("The reason can be at most 1,000 characters."));
    assertThat(refused.asString(), containsString("x".repeat(1001)));
    refused =
        grace.submit(
            "/editor/suggestions", "/editor/suggestions/" + id + "/decline", Map.of("reason", " "));
    assertEquals(400, refused.statusCode());
    assertThat(refused.asString(), containsString("Say why the suggestion is declined."));

    Response declined =
        grace.submit(
            "/editor/suggestions",
            "/editor/suggestions/" + id + "/decline",
            Map.of("reason", "The article is right: the vendor's page says the same."));
    assertEquals(303, declined.statusCode());
    assertThat(
        grace.get(declined.header("Location")).asString(),
        containsString("The suggestion was declined."));
    Api.as("ada")
        .body(Map.of("reason", "Again"))
        .post("/api/suggestions/" + id + "/decline")
        .then()
        .statusCode(409);
    Api.as("ada").post("/api/suggestions/987654/decline").then().statusCode(404);
    List<Mail> mails = mailsTo("decline@mail.example", 1);
    assertEquals(1, mails.size());
    assertThat(
        mails.get(0).getText(),
        containsString("The article is right: the vendor's page says the same."));
  }
}
