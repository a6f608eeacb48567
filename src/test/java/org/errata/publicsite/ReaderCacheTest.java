package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.errata.db.PublicGeneration;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * What readers see is kept in memory and served again without rendering, yet a publication, an
 * amendment and a withdrawal show at once; 304 never hides a change; no public answer sets a
 * cookie.
 */
@QuarkusTest
class ReaderCacheTest {

  @Inject ReaderCache cache;
  @Inject PublicGeneration generations;
  @Inject AgroalDataSource db;

  private static String article(String url) {
    return "/articles?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  /** A reader's request: addresses are sent as written here (already encoded). */
  private static io.restassured.specification.RequestSpecification reader() {
    return given().urlEncodingEnabled(false);
  }

  private static String page(String path) {
    return reader().get(path).then().statusCode(200).extract().asString();
  }

  private void sql(String statement) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private long number(String query) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void aSecondReadIsServedFromMemoryWithoutAskingTheDatabase() throws Exception {
    long id = Api.published("cache-memory.example/a", "Memory kept passage about rivers");
    Thread.sleep(1100); // kept once the change is a second old (its date is then safe to give)
    String first = page("/corrections/" + id);
    assertTrue(first.contains("Memory kept passage about rivers"));
    long hitsBefore = cache.hits();
    // Changed behind Errata's back, without counting a generation: the kept page is still served,
    // which shows it came from memory rather than from the database.
    sql(
        "update revision set summary = 'Rewritten in the database only.' where correction_id = "
            + id);
    String second = page("/corrections/" + id);
    assertEquals(first, second);
    assertEquals(hitsBefore + 1, cache.hits());
  }

  @Test
  void anotherInstancesChangeIsSeenWithinASecond() throws Exception {
    long id = Api.published("cache-other.example/a", "Another instance passage about lakes");
    Thread.sleep(1100); // kept once the change is a second old (its date is then safe to give)
    String first = page("/corrections/" + id);
    sql("update revision set summary = 'Changed by another instance.' where correction_id = " + id);
    // What another instance's publication does in the shared database: count a generation.
    sql("update public_generation set generation = generation + 1 where id = 1");
    long deadline = System.nanoTime() + 1_000_000_000L;
    String now = first;
    while (System.nanoTime() < deadline && now.equals(first)) {
      Thread.sleep(20);
      now = page("/corrections/" + id);
    }
    assertTrue(now.contains("Changed by another instance."), "not seen within a second");
  }

  @Test
  void aPublicationOnAKnownArticleIsVisibleAtOnce() {
    String url = "cache-publish.example/story";
    Api.published(url, "The first passage about mountains");
    String before = page(article(url));
    page(article(url)); // now kept
    Api.published(url, "A second passage about deserts and dunes");
    String after = page(article(url));
    assertFalse(before.contains("deserts and dunes"));
    assertTrue(after.contains("deserts and dunes"));
    assertTrue(page("/").contains("deserts and dunes"));
    assertTrue(page("/feeds/corrections.atom").contains("deserts and dunes"));
  }

  @Test
  void anAmendmentIsVisibleAtOnceOnEveryKeptAnswer() {
    String url = "cache-amend.example/story";
    String passage = "An amended passage about glaciers";
    long id = Api.published(url, passage);
    List<String> addresses =
        List.of(
            "/corrections/" + id,
            article(url),
            "/corrections/" + id + ".txt",
            "/api/public/corrections/" + id,
            "/feeds/articles.atom?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8),
            "/embed/notice?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    for (String a : addresses) {
      page(a);
      page(a);
    }
    Api.amendAndPublish(id, url, passage, "A summary amended for the cache.", "Clarified.");
    for (String a : addresses) {
      assertTrue(page(a).replaceAll("\\s+", " ").contains("A summary amended for the cache."), a);
    }
  }

  @Test
  void aWithdrawalIsVisibleAtOnce() {
    String url = "cache-withdraw.example/story";
    long id = Api.published(url, "A withdrawn passage about volcanoes");
    String badge = page("/badge.svg?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    page("/corrections/" + id);
    Api.withdraw(id, "The publisher fixed the article itself.");
    assertTrue(page("/corrections/" + id).contains("Withdrawn correction"));
    assertNotEquals(
        badge, page("/badge.svg?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)));
    reader()
        .get("/api/public/corrections/" + id)
        .then()
        .body(containsString("The publisher fixed the article itself."));
  }

  @Test
  void aNewAddressOfAnArticleFindsItsCorrectionsAtOnce() throws Exception {
    String url = "cache-alias.example/story";
    long id = Api.published(url, "A passage found under another address");
    String other = "cache-alias.example/story-moved";
    assertFalse(page(article(other)).contains("found under another address"));
    page(article(other));
    long articleId = number("select article_id from correction where id = " + id);
    Session.signIn("ada")
        .submit(
            "/editor/articles/" + articleId,
            "/editor/articles/" + articleId + "/aliases",
            java.util.Map.of("url", "https://" + other))
        .then()
        .statusCode(303);
    assertTrue(page(article(other)).contains("found under another address"));
  }

  @Test
  void aConditionalRequestGets304UntilTheAnswerChangesAndNeverAfter() throws Exception {
    String url = "cache-304.example/story";
    Api.published(url, "The passage a browser keeps about forests");
    Thread.sleep(1100); // see anAnswerMadeWithinTheSecondOfAChangeHasNoDate
    Response first = reader().get(article(url));
    String etag = first.header("ETag");
    String modified = first.header("Last-Modified");
    assertNotNull(etag);
    assertTrue(etag.startsWith("\""), "a strong ETag");
    assertNotNull(modified);
    for (int i = 0; i < 2; i++) { // rendered, then from memory
      reader()
          .header("If-None-Match", etag)
          .get(article(url))
          .then()
          .statusCode(304)
          .header("ETag", etag);
      reader().header("If-Modified-Since", modified).get(article(url)).then().statusCode(304);
    }
    Api.published(url, "A newer passage the browser does not have about oceans");
    reader()
        .header("If-None-Match", etag)
        .get(article(url))
        .then()
        .statusCode(200)
        .body(containsString("about oceans"))
        .header("ETag", not(etag));
    reader()
        .header("If-Modified-Since", modified)
        .get(article(url))
        .then()
        .statusCode(200)
        .body(containsString("about oceans"));
  }

  @Test
  void anAnswerMadeWithinTheSecondOfAChangeHasNoDate() {
    // HTTP dates have whole seconds: a date given within the second of a change could also be
    // the date of another change in that same second, and If-Modified-Since would hide it.
    java.time.Instant now = java.time.Instant.now();
    assertNull(Conditional.dateOf(now));
    assertNull(Conditional.dateOf(now.minusMillis(10)));
    assertEquals(
        now.minusSeconds(2).getEpochSecond(),
        Conditional.dateOf(now.minusSeconds(2)).toInstant().getEpochSecond());
  }

  @Test
  void everyPublicAnswerSaysHowLongItMayBeKeptAndSetsNoCookieEvenForASignedInEditor() {
    String url = "cache-cookie.example/story";
    long id = Api.published(url, "A passage read by a signed-in editor about caves");
    Session ada = Session.signIn("ada");
    String u = URLEncoder.encode(url, StandardCharsets.UTF_8);
    for (String path :
        List.of(
            "/",
            article(url),
            "/corrections/" + id,
            "/corrections/" + id + "/revisions/1",
            "/corrections/" + id + ".txt",
            "/articles.txt?url=" + u,
            "/search?q=caves",
            "/sites/cache-cookie.example",
            "/feeds/corrections.atom",
            "/badge.svg?url=" + u,
            "/embed/notice?url=" + u,
            "/api/public/corrections/" + id,
            "/sitemap.xml",
            "/robots.txt",
            "/stats")) {
      for (int i = 0; i < 2; i++) {
        for (Response r :
            List.of(reader().get(path), ada.request().urlEncodingEnabled(false).get(path))) {
          assertEquals(200, r.statusCode(), path);
          assertNull(r.header("Set-Cookie"), path);
          assertNotNull(r.header("ETag"), path);
          assertTrue(
              r.header("Cache-Control").startsWith("public, max-age="), path + " " + r.headers());
          assertTrue(r.header("Cache-Control").contains("stale-while-revalidate="), path);
          assertFalse(r.asString().contains("Sign out"), path);
        }
      }
    }
  }

  @Test
  void headGetsTheHeadersOfAKeptPageWithoutItsBody() {
    long id = Api.published("cache-head.example/a", "A passage asked for its head about hills");
    Response get = reader().get("/corrections/" + id);
    Response head = reader().head("/corrections/" + id);
    assertEquals(200, head.statusCode());
    assertEquals(get.header("ETag"), head.header("ETag"));
    assertEquals("", head.asString());
  }

  @Test
  void publicPagesAreCompressedAndTheDeskIsNot() {
    long id = Api.published("cache-gzip.example/a", "A compressed passage about meadows");
    for (int i = 0; i < 2; i++) {
      reader()
          .header("Accept-Encoding", "gzip")
          .get("/corrections/" + id)
          .then()
          .statusCode(200)
          .header("Content-Encoding", "gzip")
          .body(containsString("about meadows"));
    }
    // Pages with secrets (CSRF tokens) and what a person typed are never compressed (BREACH).
    Session ada = Session.signIn("ada");
    Response desk = ada.request().header("Accept-Encoding", "gzip").get("/editor");
    assertEquals(200, desk.statusCode());
    assertNull(desk.header("Content-Encoding"));
    Response login = reader().header("Accept-Encoding", "gzip").get("/login");
    assertNull(login.header("Content-Encoding"));
  }
}
