package org.errata.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.errata.correction.Finding;
import org.errata.system.Api;
import org.errata.system.LocalSite;
import org.errata.system.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-checking published corrections' pages: flags for editors, never a change to what is published.
 */
@QuarkusTest
class DriftWatchTest {

  static LocalSite site;

  @Inject DriftWatch watch;

  @BeforeAll
  static void start() {
    site = new LocalSite();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static long publishedWithSourceAt(String articleUrl, String pageUrl, String quote) {
    Map<String, Object> body = new HashMap<>(Api.correction(articleUrl, "A passage"));
    body.put("sources", List.of(Map.of("title", "Status page", "url", pageUrl, "quote", quote)));
    long id = Api.id(Api.created(body).body("sources[0].quoteCheck.status", equalTo("EXACT")));
    Api.submitApprovePublish(id);
    return id;
  }

  static List<Finding> openFlags(long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Finding.list("correction.id = ?1 and resolvedAt is null", id));
  }

  @Test
  void aQuoteThatDisappearsFromItsPageIsFlaggedOnceAndThePublishedCorrectionStays() {
    String page =
        site.page(
            "/drift/status", "<p>Intro.</p><p>The service runs in three regions.</p><p>Outro.</p>");
    long id =
        publishedWithSourceAt("drift-news.example/a", page, "The service runs in three regions.");

    watch.sweep();
    assertEquals(0, openFlags(id).size(), "unchanged page: no flag");

    site.page(
        "/drift/status",
        "<p>Intro.</p><p>The service now runs in one region only.</p><p>Outro.</p>");
    watch.sweep();
    watch.sweep();
    List<Finding> flags = openFlags(id);
    assertEquals(1, flags.size(), "flagged once, however often the watch runs");
    assertEquals(0, flags.get(0).sourceIndex);

    Api.as("ada")
        .get("/api/corrections/" + id)
        .then()
        .body("status", equalTo("PUBLISHED"))
        .body("sources[0].quote", equalTo("The service runs in three regions."))
        .body("sources[0].quoteCheck.status", equalTo("EXACT"));

    Session grace = Session.signIn("grace");
    grace.get("/editor").then().body(containsString("Source changed since publication"));
    long flag = flags.get(0).id;
    String compare =
        grace
            .get("/editor/corrections/" + id + "/drift/" + flag)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        compare.contains("<mark>The service runs in three regions.</mark>"),
        "the old page, highlighted");
    assertTrue(
        compare.contains("The service now runs in one region only."), "the new page beside it");

    grace
        .submit(
            "/editor/corrections/" + id + "/drift/" + flag,
            "/editor/corrections/" + id + "/drift/" + flag + "/dismissal",
            Map.of())
        .then()
        .statusCode(303);
    assertEquals(0, openFlags(id).size());
    grace.get("/editor").then().body(not(containsString("/drift/" + flag)));
  }

  @Test
  void aSourcePageThatIsGoneIsFlaggedWithTheReason() {
    String page = site.page("/drift/gone", "<p>Pricing starts at ten dollars.</p>");
    long id = publishedWithSourceAt("drift-news.example/b", page, "Pricing starts at ten dollars.");
    site.page("/drift/gone", null);
    watch.sweep();
    List<Finding> flags = openFlags(id);
    assertEquals(1, flags.size());
    assertTrue(flags.get(0).failure.startsWith("The page answered 404"), flags.get(0).failure);
  }

  @Test
  void aWithdrawnCorrectionIsNoLongerWatched() {
    String page = site.page("/drift/withdrawn", "<p>Backups run every hour.</p>");
    long id = publishedWithSourceAt("drift-news.example/c", page, "Backups run every hour.");
    Api.as("ada")
        .body(Map.of("reason", "The article was taken down."))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(200);
    site.page("/drift/withdrawn", "<p>Backups run once a day.</p>");
    watch.sweep();
    assertEquals(0, openFlags(id).size(), "nobody needs to act on a withdrawn correction's page");
  }
}
