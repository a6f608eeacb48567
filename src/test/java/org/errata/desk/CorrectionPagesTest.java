package org.errata.desk;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.errata.system.Api;
import org.errata.system.Session;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The desk's HTML flows, with real sign-in, real CSRF tokens and redirects not followed. */
@QuarkusTest
class CorrectionPagesTest {

  static Map<String, Object> form(String articleUrl, String passage) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("articleUrl", articleUrl);
    fields.put("passage", passage);
    fields.put("summary", "The article overstates the isolation.");
    fields.put("reasoning", "The vendor says otherwise:\n- one\n- two");
    fields.put("verdict", "Overstated");
    fields.put("sourceTitle", List.of("Help page"));
    fields.put("sourcePublisher", List.of("Vendor Help Center"));
    fields.put("sourceUrl", List.of("https://help.example.com/a"));
    fields.put("sourceQuote", List.of("It runs outside the sandbox."));
    fields.put("op", "save");
    return fields;
  }

  @Test
  void theTextUnderReviewComesBeforeTheActionsAndTheEvidenceForms() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "https://text-first.example/a", "The text comes first");
    String page = ada.get("/editor/corrections/" + id).asString();
    int text = page.indexOf("id=\"preview-heading\"");
    int actions = page.indexOf("id=\"actions-heading\"");
    int evidence = page.indexOf("id=\"evidence-heading\"");
    assertTrue(
        text > 0 && text < actions && actions < evidence, text + " " + actions + " " + evidence);
  }

  @Test
  void refusingYourOwnApprovalIsSaidOnce() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "https://said-once.example/a", "Said once, not twice");
    act(ada, id, "submission", Map.of()).then().statusCode(303);
    String sentence = "You wrote this correction, so someone else must approve it.";
    String page = ada.get("/editor/corrections/" + id).asString();
    assertEquals(1, page.split(Pattern.quote(sentence), -1).length - 1, "on the page");
    String refused = act(ada, id, "approval", Map.of()).asString();
    assertEquals(1, refused.split(Pattern.quote(sentence), -1).length - 1, "when refused");
  }

  @Test
  void aPageErrataCannotReachIsSaidAtTheTopLinkedToWhereItsTextCanBePasted() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "https://unreachable-check.example/a", "A passage to check");
    Response r =
        ada.submit(
            "/editor/corrections/" + id,
            "/editor/corrections/" + id + "/passage-check",
            Map.of("op", "fetch", "text", ""));
    assertEquals(422, r.statusCode());
    String page = r.asString();
    int top = page.indexOf("id=\"unreachable\"");
    assertTrue(top > 0 && top < page.indexOf("id=\"preview-heading\""), "at the top");
    assertTrue(
        page.contains(
            "Errata could not reach that page: The host unreachable-check.example could not be"
                + " found."),
        page);
    assertTrue(page.contains("href=\"#passage-text\""), "linked to the box to paste into");
    assertTrue(page.contains("id=\"passage-text\""));
  }

  static long propose(Session session, String articleUrl, String passage) {
    Response response =
        session.submit("/editor/corrections/new", "/editor/corrections", form(articleUrl, passage));
    assertEquals(303, response.statusCode(), response.asString());
    String location = response.header("Location");
    assertTrue(location.matches(".*/editor/corrections/\\d+$"), location);
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  /** The version the correction is at now, as a page or a forged form would carry it. */
  static String version(Session session, long id) {
    return Api.as("ada").get("/api/corrections/" + id).jsonPath().getString("version");
  }

  static Response act(Session session, long id, String action, Map<String, Object> extra) {
    Map<String, Object> fields = new HashMap<>(extra);
    fields.put("version", version(session, id));
    return session.submit(
        "/editor/corrections/" + id, "/editor/corrections/" + id + "/" + action, fields);
  }

  @Test
  void readersWhoOpenTheDeskAreSentToSignIn() {
    Session.anonymous()
        .get("/editor")
        .then()
        .statusCode(303)
        .header("Location", equalTo("/login?next=%2Feditor"));
    Session.anonymous()
        .get("/editor/corrections/new")
        .then()
        .statusCode(303)
        .header("Location", equalTo("/login?next=%2Feditor%2Fcorrections%2Fnew"));
  }

  @Test
  void signingInSetsAnHttpOnlyStrictSessionCookie() {
    Session anonymous = Session.anonymous();
    Response response =
        anonymous.submit("/login", "/login", Map.of("username", "ada", "password", "errata-demo"));
    assertEquals(303, response.statusCode());
    assertEquals("/editor", response.header("Location"));
    String cookie =
        response.headers().getValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("errata-session="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
  }

  @Test
  void aWrongPasswordReturnsToTheSignInPageWithAMessage() {
    Response response =
        Session.anonymous()
            .submit("/login", "/login", Map.of("username", "ada", "password", "not-her-password"));
    assertEquals(401, response.statusCode());
    assertTrue(response.asString().contains("do not match an account"), response.asString());
    assertTrue(response.asString().contains("<label for=\"username\">"));
    assertTrue(response.asString().contains("value=\"ada\""), "the name typed is kept");
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    Session ada = Session.signIn("ada");
    String url = "csrf-refused.example/story";
    Response response = ada.postWithoutToken("/editor/corrections", form(url, "forged"));
    assertEquals(403, response.statusCode());
    Api.as("ada")
        .queryParam("url", url)
        .get("/api/corrections")
        .then()
        .body("corrections.size()", Matchers.equalTo(0));
  }

  @Test
  void theNewCorrectionFormStatesEveryLimitAndCarriesAToken() {
    Session.signIn("ada")
        .get("/editor/corrections/new")
        .then()
        .statusCode(200)
        .body(containsString("name=\"csrf-token\""))
        .body(containsString("Up to 2,000 characters"))
        .body(containsString("Up to 20,000 characters"))
        .body(containsString("Up to 60 characters"))
        .body(containsString("Up to 5,000 characters"))
        .body(containsString("<label for=\"passage\">Passage</label>"));
  }

  @Test
  void proposingMakesADraftAndRedirectsToIt() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "https://html-propose.example/story", "A passage from HTML");
    ada.get("/editor/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Draft"))
        .body(containsString("A passage from HTML"))
        .body(containsString("Submit for review"))
        .body(containsString("created the correction"))
        .body(not(containsString(">Approve<")));
  }

  @Test
  void invalidInputReShowsTheFormWithTheMessageBesideTheFieldAndEverythingKept() {
    Session ada = Session.signIn("ada");
    Map<String, Object> fields = form("ftp://bad.example/a", "");
    fields.put("summary", "A summary I spent time on — with “curly” quotes");
    fields.put("sourceUrl", List.of("not a url"));
    Response response = ada.submit("/editor/corrections/new", "/editor/corrections", fields);
    assertEquals(400, response.statusCode());
    String page = response.asString();
    assertTrue(page.contains("id=\"passage-error\""), "message beside the passage");
    assertTrue(page.contains("Enter the passage"), page);
    assertTrue(page.contains("id=\"articleUrl-error\""));
    assertTrue(page.contains("Only http:// and https://"));
    assertTrue(page.contains("id=\"source-0-url-error\""));
    assertTrue(page.contains("A summary I spent time on — with “curly” quotes"), "summary kept");
    assertTrue(page.contains("It runs outside the sandbox."), "source quote kept");
    assertTrue(page.contains("value=\"ftp://bad.example/a\""), "URL kept");
    assertTrue(page.contains("Nothing was saved"));
  }

  @Test
  void aFieldOverItsLimitIsRefusedAndTheWholeTextKept() {
    Session ada = Session.signIn("ada");
    String longVerdict = "V".repeat(61);
    Map<String, Object> fields = form("limits.example/a", "p");
    fields.put("verdict", longVerdict);
    Response response = ada.submit("/editor/corrections/new", "/editor/corrections", fields);
    assertEquals(400, response.statusCode());
    assertTrue(response.asString().contains("The verdict can be at most 60 characters."));
    assertTrue(response.asString().contains("value=\"" + longVerdict + "\""));
  }

  @Test
  void longFieldsUpToTheirLimitAreSavedAndOneCharacterMoreIsRefusedWithTheTextKept() {
    Session ada = Session.signIn("ada");
    String reasoning = ("A long line of reasoning. ".repeat(800)).substring(0, 20_000);
    Map<String, Object> fields = form("long-fields.example/a", "Long reasoning");
    fields.put("reasoning", reasoning);
    ada.submit("/editor/corrections/new", "/editor/corrections", fields).then().statusCode(303);

    fields.put("reasoning", reasoning + "!");
    Response refused = ada.submit("/editor/corrections/new", "/editor/corrections", fields);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.asString().contains("The full reasoning can be at most 20000 characters."));
    assertTrue(refused.asString().contains(reasoning + "!"), "all 20,001 characters kept");
  }

  @Test
  void sourceRowsAreAddedAndRemovedWithoutJavascript() {
    Session ada = Session.signIn("ada");
    Map<String, Object> fields = form("rows.example/a", "kept passage");
    fields.put("op", "add-source");
    Response added = ada.submit("/editor/corrections/new", "/editor/corrections", fields);
    assertEquals(200, added.statusCode());
    String page = added.asString();
    assertTrue(page.contains("<legend>Source 2</legend>"), "a second row appears");
    assertTrue(page.contains("kept passage") && page.contains("It runs outside the sandbox."));

    Map<String, Object> two = form("rows.example/a", "kept passage");
    two.put("sourceTitle", List.of("First", "Second"));
    two.put("sourcePublisher", List.of("", ""));
    two.put("sourceUrl", List.of("", ""));
    two.put("sourceQuote", List.of("first quote", "second quote"));
    two.put("op", "remove-source-0");
    String removed =
        ada.submit("/editor/corrections/new", "/editor/corrections", two)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(!removed.contains("first quote") && removed.contains("second quote"), removed);
    assertTrue(!removed.contains("<legend>Source 2</legend>"));
    Api.as("ada")
        .queryParam("url", "rows.example/a")
        .get("/api/corrections")
        .then()
        .body("corrections.size()", Matchers.equalTo(0));
  }

  @Test
  void aCorrectionGoesThroughReviewAndPublicationOnThePages() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    long id = propose(ada, "https://html-review.example/story", "Reviewed on the pages");

    act(ada, id, "submission", Map.of())
        .then()
        .statusCode(303)
        .header("Location", endsWith("/editor/corrections/" + id));
    ada.get("/editor/corrections/" + id)
        .then()
        .body(containsString("In review"))
        .body(containsString("You wrote this correction, so someone else must approve it."))
        .body(not(containsString(">Approve<")));
    grace.get("/editor").then().statusCode(200).body(containsString("Reviewed on the pages"));

    grace
        .get("/editor/corrections/" + id)
        .then()
        .body(containsString("Source 1 (“Help page”): the quote has not been checked"))
        .body(containsString("Approve with this reason"))
        .body(not(containsString(">Approve<")))
        .body(containsString("Request changes"));
    // grace checks the quote against the page's text, which she pastes: now she may approve.
    grace
        .submit(
            "/editor/corrections/" + id,
            "/editor/corrections/" + id + "/sources/1/quote-check",
            Map.of("op", "paste", "text", "Help page\nIt runs outside the sandbox. And more."))
        .then()
        .statusCode(303)
        .header("Location", endsWith("/editor/corrections/" + id + "#source-1"));
    grace
        .get("/editor/corrections/" + id)
        .then()
        .body(containsString(">Approve<"))
        .body(containsString("<mark>It runs outside the sandbox.</mark>"))
        .body(containsString("Found exactly"));
    Response empty = act(grace, id, "changes-request", Map.of("comment", "   "));
    assertEquals(400, empty.statusCode());
    assertTrue(empty.asString().contains("id=\"comment-error\""));
    act(grace, id, "changes-request", Map.of("comment", "Quote the whole sentence."))
        .then()
        .statusCode(303);
    ada.get("/editor/corrections/" + id)
        .then()
        .body(containsString("grace requested changes"))
        .body(containsString("Quote the whole sentence."));

    Map<String, Object> edited =
        form("https://html-review.example/story", "Reviewed on the pages, fixed");
    edited.put("version", version(ada, id));
    Response saved =
        ada.submit("/editor/corrections/" + id + "/edit", "/editor/corrections/" + id, edited);
    assertEquals(303, saved.statusCode());
    // Saving says so, on the page it lands on (and only there).
    ada.get(saved.header("Location")).then().body(containsString("Your changes are saved"));
    ada.get("/editor/corrections/" + id).then().body(not(containsString("Your changes are saved")));
    act(ada, id, "submission", Map.of()).then().statusCode(303);
    // Her request is an open comment until someone resolves it: approval waits for that.
    Response waiting = act(grace, id, "approval", Map.of());
    assertEquals(409, waiting.statusCode());
    assertTrue(waiting.asString().contains("1 review comment is not resolved"));
    var resolve =
        Pattern.compile("action=\"(/editor/corrections/" + id + "/comments/\\d+/resolution)\"")
            .matcher(grace.get("/editor/corrections/" + id).asString());
    assertTrue(resolve.find(), "a Resolve button for the open comment");
    grace.submit("/editor/corrections/" + id, resolve.group(1), Map.of()).then().statusCode(303);
    act(grace, id, "approval", Map.of()).then().statusCode(303);
    Session.anonymous().get("/corrections/" + id).then().statusCode(404);
    act(grace, id, "publication", Map.of()).then().statusCode(303);

    Session.anonymous()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Reviewed on the pages, fixed"))
        .body(not(containsString("Quote the whole sentence.")));
    ada.get("/editor/corrections/" + id)
        .then()
        .body(containsString("published it"))
        .body(containsString("approved it"))
        .body(containsString("requested changes (In review → Draft): “Quote the whole sentence.”"));
  }

  @Test
  void approvingYourOwnCorrectionIsRefusedEvenByAForgedForm() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "own-html.example/a", "Mine");
    act(ada, id, "submission", Map.of()).then().statusCode(303);
    Response response = act(ada, id, "approval", Map.of());
    assertEquals(403, response.statusCode());
    assertTrue(
        response
            .asString()
            .contains("You wrote this correction, so someone else must approve it."));
    Api.as("ada")
        .get("/api/corrections/" + id)
        .then()
        .body("status", Matchers.equalTo("IN_REVIEW"));
  }

  @Test
  void publishingSomethingNotApprovedIsRefusedOnThePage() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "publish-html.example/a", "Not approved");
    Response response = act(ada, id, "publication", Map.of());
    assertEquals(409, response.statusCode());
    assertTrue(
        response
            .asString()
            .contains("Only a correction a second editor approved can be published"));
  }

  @Test
  void twoEditorsSavingTheSameDraftGetAConflictPageThatKeepsTheSecondText() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    long id = propose(ada, "conflict.example/a", "Original words");
    String staleVersion = version(grace, id);

    Map<String, Object> adas = form("conflict.example/a", "Ada's words");
    adas.put("version", staleVersion);
    ada.submit("/editor/corrections/" + id + "/edit", "/editor/corrections/" + id, adas)
        .then()
        .statusCode(303);

    Map<String, Object> graces = form("conflict.example/a", "Grace's words");
    graces.put("version", staleVersion);
    Response conflict =
        grace.submit("/editor/corrections/" + id + "/edit", "/editor/corrections/" + id, graces);
    assertEquals(409, conflict.statusCode());
    String page = conflict.asString();
    assertTrue(page.contains("Someone else saved this correction"));
    assertTrue(
        page.contains("Grace&#39;s words") || page.contains("Grace's words"), "her text is kept");
    assertTrue(
        page.contains("Ada&#39;s words") || page.contains("Ada's words"),
        "the current text is shown");
    Api.as("ada")
        .get("/api/corrections/" + id)
        .then()
        .body("passage", Matchers.equalTo("Ada's words"));
  }

  @Test
  void whatPeopleTypeIsEscapedOnEveryPage() {
    Session ada = Session.signIn("ada");
    long id = propose(ada, "escape.example/a", "<script>alert('x')</script>");
    String page = ada.get("/editor/corrections/" + id).asString();
    assertTrue(!page.contains("<script>alert"), "no raw markup from input");
    assertTrue(page.contains("&lt;script&gt;"));
  }

  @Test
  void htmlPagesCarrySecurityHeaders() {
    Session.anonymous()
        .get("/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("Content-Security-Policy", not(containsString("unsafe-inline")))
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", matchesPattern(".+"));
  }

  @Test
  void signingOutClearsTheSessionCookie() {
    Session ada = Session.signIn("ada");
    Response out = ada.submit("/editor", "/logout", Map.of());
    assertEquals(303, out.statusCode());
    List<String> cookies = out.headers().getValues("Set-Cookie");
    assertTrue(
        cookies.stream().anyMatch(c -> c.startsWith("errata-session=;") && c.contains("Max-Age=0")),
        cookies.toString());
  }

  @Test
  void commentsAreAddedOnAFieldAndResolvedOnThePage() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    long id = propose(ada, "comments-page.example/a", "Discuss me");
    String page = "/editor/corrections/" + id;
    Response empty = grace.submit(page, page + "/comments", Map.of("body", "", "field", "summary"));
    assertEquals(400, empty.statusCode());
    assertTrue(empty.asString().contains("id=\"comment-new-error\""));
    grace
        .submit(
            page,
            page + "/comments",
            Map.of("body", "This quote is cut mid-sentence.", "field", "source-1"))
        .then()
        .statusCode(303);
    String shown = ada.get(page).asString();
    assertTrue(shown.contains("Discussion (1 unresolved)"), shown);
    assertTrue(shown.contains("on source 1") && shown.contains("This quote is cut mid-sentence."));
    Session.anonymous().get("/corrections/" + id).then().statusCode(404);
  }
}
