package org.errata.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's to-do list holds what still waits for this editor and empties as the work is
 * done; notices of their work are new until their dashboard has shown them once; the header counts
 * both.
 */
@QuarkusTest
class ToDoTest {

  private static final Pattern COUNT =
      Pattern.compile("<span class=\"count\">(\\d+)<span class=\"visually-hidden\">");

  private static String toDo(Session who) {
    String page = who.get("/editor").asString();
    int start = page.indexOf("<h2 id=\"todo\">");
    return page.substring(start, page.indexOf("<h2 id=\"inbox\">"));
  }

  private static int headerCount(Session who) {
    Matcher m = COUNT.matcher(who.get("/editor/account").asString());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void aReviewLeavesTheReviewersListOnceSheActsAndChangesWaitForTheAuthorUntilResubmitted() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    long id = Api.create("ada", "todo.example/review", "To-do review passage");
    assertThat(toDo(grace), not(containsString("To-do review passage")));

    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    assertThat(toDo(grace), containsString("ada asks for a review of “To-do review passage”"));
    assertThat(toDo(grace), containsString("/editor/corrections/" + id));
    assertThat("nobody reviews their own", toDo(ada), not(containsString("To-do review")));

    Api.as("grace")
        .body(Map.of("comment", "Name the product."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);
    assertThat(toDo(grace), not(containsString("To-do review passage")));
    assertThat(
        toDo(ada),
        containsString("grace requested changes on “To-do review passage”: Name the product."));

    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    assertThat(toDo(ada), not(containsString("To-do review passage")));
    assertThat(toDo(grace), containsString("ada asks for a review of “To-do review passage”"));
  }

  @Test
  void aCommentWaitsForTheAuthorUntilResolvedAndApprovedWorkUntilPublished() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    long id = Api.create("ada", "todo.example/comment", "To-do comment passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    long comment =
        Api.as("grace")
            .body(Map.of("body", "Which year is this?"))
            .post("/api/corrections/" + id + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    assertThat(toDo(ada), containsString("grace commented on “To-do comment passage”"));
    Api.as("ada")
        .post("/api/corrections/" + id + "/comments/" + comment + "/resolve")
        .then()
        .statusCode(200);
    assertThat(toDo(ada), not(containsString("To-do comment passage")));

    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    String approved = "grace approved “To-do comment passage”; it is not published";
    assertThat(toDo(ada), containsString(approved));
    assertThat("she approved it", toDo(grace), containsString(approved));
    assertThat(
        "neither wrote nor approved it",
        toDo(Session.signIn("admin")),
        not(containsString(approved)));
    Api.as("ada").post("/api/corrections/" + id + "/publish").then().statusCode(200);
    assertThat(toDo(ada), not(containsString("To-do comment passage")));
    assertThat(toDo(grace), not(containsString("To-do comment passage")));
  }

  @Test
  void aReadersSuggestionWaitsForEveryEditorUntilTriaged() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "articleUrl", "todo-suggest.example/story",
                "passage", "It is sandboxed",
                "problem", "The vendor says otherwise (to-do test).",
                "sources", "https://support.vendor.example/x"))
        .post("/api/public/suggestions")
        .then()
        .statusCode(202);
    List<Map<String, Object>> all =
        Api.as("ada").get("/api/suggestions").jsonPath().getList("suggestions");
    long id =
        all.stream()
            .filter(s -> "The vendor says otherwise (to-do test).".equals(s.get("problem")))
            .map(s -> ((Number) s.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    String item = "A reader suggests a correction to todo-suggest.example/story";
    assertThat(toDo(Session.signIn("ada")), containsString(item));
    assertThat(
        toDo(Session.signIn("grace")), containsString("/editor/suggestions#suggestion-" + id));
    Api.as("grace")
        .body(Map.of("reason", "The article is right."))
        .post("/api/suggestions/" + id + "/decline")
        .then()
        .statusCode(200);
    assertThat(toDo(Session.signIn("ada")), not(containsString(item)));
  }

  @Test
  void aNoticeIsNewUntilTheDashboardShowedItAndTheHeaderCountsWhatIsUnread() {
    Session ada = Session.signIn("ada");
    ada.get("/editor"); // everything before this test is read
    int before = headerCount(ada);

    long id = Api.create("ada", "todo.example/notice", "To-do notice passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);
    // Two notices (approved, published), nothing to do: the header on any desk page counts them.
    assertEquals(before + 2, headerCount(ada), "two unread notices");

    String first = ada.get("/editor").asString();
    assertThat(
        first,
        containsString(
            "<strong class=\"new\">New</strong> <a href=\"/editor/corrections/"
                + id
                + "\">Your correction was published: “To-do notice passage”"));
    assertThat(
        first,
        containsString(
            "<strong class=\"new\">New</strong> <a href=\"/editor/corrections/"
                + id
                + "\">grace approved your correction “To-do notice passage”"));
    assertEquals(before, headerCount(ada), "seen once, so read");

    String again = ada.get("/editor").asString();
    assertThat(again, containsString("Your correction was published: “To-do notice passage”"));
    assertThat(
        again,
        not(
            containsString(
                "New</strong> <a href=\"/editor/corrections/"
                    + id
                    + "\">Your correction was published")));
  }

  @Test
  void theReadMarkNeverMovesBackSoAnOlderTabCannotMakeSeenNoticesNewAgain() {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "todo.example/tabs", "To-do two tabs passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    ada.get("/editor"); // seen
    int seen = headerCount(ada);
    org.errata.account.Account me =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(() -> org.errata.account.Account.findByUsername("ada").orElseThrow());
    Inbox.markRead(me, 1); // what a tab opened long ago would mark
    assertEquals(seen, headerCount(ada), "nothing seen became new again");
    assertThat(
        ada.get("/editor").asString(),
        not(containsString("New</strong> <a href=\"/editor/corrections/" + id + "\">")));
  }
}
