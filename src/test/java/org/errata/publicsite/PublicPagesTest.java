package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** Readers' pages: the seed's layout, look-up by any spelling, and nothing unpublished. */
@QuarkusTest
class PublicPagesTest {

  static final String SEED = "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of";

  @Test
  void theSeedCorrectionRendersWithAllItsParts() {
    given()
        .queryParam("url", "oneusefulthing.org/p/claude-dispatch-and-the-power-of/?utm_source=x#y")
        .get("/articles")
        .then()
        .statusCode(200)
        .body(containsString("www.oneusefulthing.org/p/claude-dispatch-and-the-power-of"))
        .body(containsString("1 correction found"))
        .body(containsString("“Cowork is sandboxed, safer but more limited”"))
        .body(
            containsString(
                "That overstates Cowork’s isolation. Anthropic says Cowork’s computer-use feature runs outside the VM sandbox and interacts with your actual desktop and apps."))
        .body(containsString("<h3>Full reasoning</h3>"))
        .body(
            containsString(
                "<p>Anthropic’s own documentation distinguishes between regular Cowork task execution and computer use:</p>"))
        .body(
            containsString(
                "<li>In Cowork generally, code and shell commands run in an isolated VM.</li>"))
        .body(containsString("<li>But when Claude uses computer use—the capability"))
        .body(
            containsString(
                "<p>So describing Cowork flatly as “sandboxed” is inaccurate in this context."))
        .body(containsString("<h3>3 sources</h3>"))
        .body(containsString("Get started with Claude Cowork | Claude Help Center"))
        .body(containsString("Let Claude use your computer in Cowork | Claude Help Center"))
        .body(containsString("Assign tasks from anywhere in Claude Cowork | Claude Help Center"))
        .body(
            containsString(
                "Cowork runs directly on your computer... Code runs safely in an isolated space... Runs code and shell commands in an isolated virtual machine (VM) on your computer."))
        .body(
            containsString(
                "This means Claude is interacting with your actual desktop and apps, rather than an isolated sandbox."))
        .body(
            containsString(
                "Current limitations... Computer use runs outside the virtual machine. When Claude uses your apps through computer use, it operates outside the Cowork sandbox."));
  }

  @Test
  void anArticleWithNoCorrectionsSaysSo() {
    given()
        .queryParam("url", "no-corrections.example/a")
        .get("/articles")
        .then()
        .statusCode(200)
        .body(containsString("No corrections found"));
  }

  @Test
  void anInvalidAddressIsASentenceNotAnError() {
    given()
        .queryParam("url", "ftp://x.example/a")
        .get("/articles")
        .then()
        .statusCode(400)
        .body(containsString("Only http:// and https://"));
  }

  @Test
  void theFrontPageListsRecentCorrectionsAndHasTheLookUpBox() {
    long id = Api.published("front-page.example/a", "On the front page");
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(containsString("<label for=\"lookup-url\">"))
        .body(containsString("/corrections/" + id))
        .body(containsString("On the front page"));
  }

  @Test
  void sourcesWithAnAddressAreLinked() {
    long id = Api.published("linked.example/a", "Linked source");
    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .body(
            containsString(
                "<a href=\"https://help.example.com/page#:~:text=The%20feature%20runs%20outside%20the%20sandbox.\""))
        .body(containsString("Quote checked against text supplied by the editor"))
        .body(containsString("Help page | Vendor Help Center"));
  }

  @Test
  void unpublishedCorrectionsDoNotExistForReaders() {
    long id = Api.create("ada", "hidden-page.example/a", "Hidden draft");
    given()
        .get("/corrections/" + id)
        .then()
        .statusCode(404)
        .body(not(containsString("Hidden draft")));
    given()
        .queryParam("url", "hidden-page.example/a")
        .get("/articles")
        .then()
        .body(not(containsString("Hidden draft")));
    given().get("/corrections/99999999").then().statusCode(404);
  }

  @Test
  void theFrontPageShowsAFullPageOfLiveCorrectionsWhateverWasWithdrawnAndPagesOn() {
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 22; i++) {
      ids.add(org.errata.system.Api.published("front-page-" + i + ".example/a", "Front page " + i));
    }
    // The newest three are withdrawn: the page must still hold twenty live ones.
    for (long id : ids.subList(19, 22)) {
      org.errata.system.Api.as("admin")
          .body(java.util.Map.of("reason", "Withdrawn for the test."))
          .post("/api/corrections/" + id + "/withdraw")
          .then()
          .statusCode(200);
    }
    String first = given().get("/").asString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<a href=\"/corrections/(\\d+)\">").matcher(first);
    List<Long> shown = new java.util.ArrayList<>();
    while (m.find()) {
      shown.add(Long.parseLong(m.group(1)));
    }
    assertEquals(20, shown.size(), first);
    for (long withdrawn : ids.subList(19, 22)) {
      assertTrue(!shown.contains(withdrawn));
    }
    java.util.regex.Matcher older =
        java.util.regex.Pattern.compile("href=\"(/\\?after=[0-9:]+)\" rel=\"next\"").matcher(first);
    assertTrue(older.find(), "a link to older corrections");
    String second = given().get(older.group(1)).asString();
    for (long live : ids.subList(0, 19)) {
      assertTrue(shown.contains(live), "every live one of them is on the first page: " + live);
    }
    assertTrue(second.contains("href=\"/corrections/"), "the next page lists older ones");
    for (long id : shown) {
      assertTrue(!second.contains("href=\"/corrections/" + id + "\""), "no repeats: " + id);
    }
  }
}
