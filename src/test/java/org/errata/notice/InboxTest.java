package org.errata.notice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** The dashboard tells each editor the news of their work, and lists what needs them. */
@QuarkusTest
class InboxTest {

  @Test
  void eachEditorIsToldWhatNeedsThem() {
    long id = Api.create("ada", "inbox.example/a", "Inbox passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    // A request for review is something to do (ToDoTest), not news.
    Session.signIn("grace")
        .get("/editor")
        .then()
        .body(containsString("ada asks for a review of “Inbox passage”"))
        .body(not(containsString("ada submitted a correction for review: “Inbox passage”")));

    Api.as("grace")
        .body(Map.of("comment", "Add a date."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);
    Session.signIn("ada")
        .get("/editor")
        .then()
        .body(containsString("grace requested changes on “Inbox passage”: Add a date."));

    long published = Api.create("ada", "inbox.example/b", "Inbox published");
    Api.as("ada").post("/api/corrections/" + published + "/submit").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + published + "/approve").then().statusCode(200);
    Session.signIn("ada")
        .get("/editor")
        .then()
        .body(containsString("grace approved your correction “Inbox published”"));
    Api.as("ada").post("/api/corrections/" + published + "/publish").then().statusCode(200);
    Session.signIn("grace")
        .get("/editor")
        .then()
        .body(containsString("A correction you approved was published: “Inbox published”"))
        .body(containsString("/editor/corrections/" + published));
  }
}
