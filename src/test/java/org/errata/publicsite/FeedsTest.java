package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.List;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** Atom feeds, read with a real feed parser (ROME). */
@QuarkusTest
class FeedsTest {

  static SyndFeed parse(Response response) throws Exception {
    assertEquals(200, response.statusCode(), response.asString());
    assertTrue(response.contentType().startsWith("application/atom+xml"), response.contentType());
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    SyndFeed feed = input.build(new InputSource(new ByteArrayInputStream(response.asByteArray())));
    assertEquals("atom_1.0", feed.getFeedType());
    return feed;
  }

  static SyndEntry entry(SyndFeed feed, String link) {
    return feed.getEntries().stream()
        .filter(e -> e.getLink().endsWith(link))
        .filter(e -> !e.getTitle().startsWith("Withdrawn"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theFeedOfEverythingIsValidAtomWithStableIdsAndHonestDates() throws Exception {
    long id = Api.published("feeds.example/everything", "A passage for the feed of everything");
    SyndFeed feed = parse(given().get("/feeds/corrections.atom"));
    assertNotNull(feed.getTitle());
    assertNotNull(feed.getPublishedDate(), "the feed's updated");
    SyndEntry e = entry(feed, "/corrections/" + id);
    assertNotNull(e, "the new correction is an entry");
    assertTrue(e.getUri().startsWith("tag:localhost,"), e.getUri());
    assertTrue(e.getUri().endsWith(":corrections/" + id), e.getUri());
    assertEquals(e.getPublishedDate(), e.getUpdatedDate(), "not amended: updated = published");
    assertTrue(e.getContents().get(0).getValue().contains("A passage for the feed of everything"));
    assertFalse(feed.getPublishedDate().before(e.getUpdatedDate()), "feed updated ≥ entries");

    // Asked again: the same id.
    SyndFeed again = parse(given().get("/feeds/corrections.atom"));
    assertEquals(e.getUri(), entry(again, "/corrections/" + id).getUri());
  }

  @Test
  void anAmendmentUpdatesItsEntryAndAWithdrawalIsAnEntryOfItsOwn() throws Exception {
    String url = "feeds.example/amended";
    long id = Api.published(url, "The amended passage in a feed");
    SyndFeed before = parse(given().queryParam("url", url).get("/feeds/articles.atom"));
    SyndEntry first = entry(before, "/corrections/" + id);
    Date firstUpdated = first.getUpdatedDate();

    Thread.sleep(1100);
    Api.amendAndPublish(
        id, url, "The amended passage in a feed", "A better summary.", "Says it better.");

    Response afterResponse = given().queryParam("url", url).get("/feeds/articles.atom");
    SyndFeed after = parse(afterResponse);
    SyndEntry amended = entry(after, "/corrections/" + id);
    assertEquals(first.getUri(), amended.getUri(), "the same entry, updated");
    assertTrue(amended.getUpdatedDate().after(firstUpdated), afterResponse.asString());
    assertEquals(first.getPublishedDate(), amended.getPublishedDate());
    assertTrue(amended.getContents().get(0).getValue().contains("Updated: Says it better."));

    Api.withdraw(id, "It was right after all.");
    SyndFeed withdrawn = parse(given().queryParam("url", url).get("/feeds/articles.atom"));
    List<SyndEntry> entries = withdrawn.getEntries();
    SyndEntry withdrawal =
        entries.stream()
            .filter(e -> e.getTitle().startsWith("Withdrawn"))
            .findFirst()
            .orElseThrow();
    assertTrue(withdrawal.getUri().endsWith(":corrections/" + id + "/withdrawal"));
    assertTrue(withdrawal.getContents().get(0).getValue().contains("It was right after all."));
    assertEquals(withdrawal.getUri(), entries.get(0).getUri(), "newest first");
    assertEquals(withdrawal.getUpdatedDate(), withdrawn.getPublishedDate());
    assertNotNull(entry(withdrawn, "/corrections/" + id), "the correction's own entry stays");

    SyndFeed everything = parse(given().get("/feeds/corrections.atom"));
    assertTrue(
        everything.getEntries().stream().anyMatch(e -> e.getUri().equals(withdrawal.getUri())));
  }

  @Test
  void siteAndSearchFeedsHoldWhatTheirPagesHold() throws Exception {
    long onSite = Api.published("https://www.feedsite.example/a?utm_source=x", "Capybara passage");
    Api.published("elsewhere.example/b", "Another capybara passage");
    SyndFeed site = parse(given().get("/feeds/sites/feedsite.example.atom"));
    assertEquals(1, site.getEntries().size());
    assertTrue(site.getEntries().get(0).getLink().endsWith("/corrections/" + onSite));
    assertTrue(
        site.getLinks().stream()
            .anyMatch(
                l ->
                    "alternate".equals(l.getRel())
                        && l.getHref().endsWith("/sites/feedsite.example")));

    SyndFeed search = parse(given().queryParam("q", "capybara").get("/feeds/search.atom"));
    assertEquals(2, search.getEntries().size());
    assertTrue(search.getTitle().contains("capybara"));
    SyndFeed none = parse(given().queryParam("q", "zzqqxx").get("/feeds/search.atom"));
    assertEquals(0, none.getEntries().size());
    parse(given().queryParam("url", "never-corrected.example/x").get("/feeds/articles.atom"));
  }

  @Test
  void aReaderWhoHasTheFeedGets304() throws InterruptedException {
    Api.published("feeds.example/conditional", "A passage for conditional requests");
    Thread.sleep(1100); // dates are given once the newest change is a second old
    Response first = given().get("/feeds/corrections.atom");
    String etag = first.header("ETag");
    String modified = first.header("Last-Modified");
    assertNotNull(etag);
    assertNotNull(modified);
    assertTrue(first.header("Cache-Control").contains("max-age"));
    given()
        .header("If-None-Match", etag)
        .get("/feeds/corrections.atom")
        .then()
        .statusCode(304)
        .header("ETag", etag);
    given()
        .header("If-Modified-Since", modified)
        .get("/feeds/corrections.atom")
        .then()
        .statusCode(304);
    given()
        .header("If-None-Match", "\"other\"")
        .get("/feeds/corrections.atom")
        .then()
        .statusCode(200);
    // A date that cannot be read is ignored, never an error.
    given()
        .header("If-Modified-Since", "yesterday")
        .get("/feeds/corrections.atom")
        .then()
        .statusCode(200);
    given()
        .header("If-None-Match", etag)
        .header("If-Modified-Since", "yesterday")
        .get("/feeds/corrections.atom")
        .then()
        .statusCode(304);

    Api.published("feeds.example/conditional-2", "Another passage makes the feed change");
    given().header("If-None-Match", etag).get("/feeds/corrections.atom").then().statusCode(200);
  }

  @Test
  void badFeedAddressesAreSentencesAndPagesLinkTheirFeeds() {
    given().get("/feeds/articles.atom").then().statusCode(400).body(containsString("?url="));
    given().get("/feeds/search.atom").then().statusCode(400);
    given().queryParam("q", "x".repeat(300)).get("/feeds/search.atom").then().statusCode(400);
    given()
        .queryParam("url", "javascript:alert(1)")
        .get("/feeds/articles.atom")
        .then()
        .statusCode(400);
    given()
        .get("/")
        .then()
        .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\""));
    given()
        .get("/sites/feedsite.example")
        .then()
        .body(containsString("href=\"/feeds/sites/feedsite.example.atom\""));
    given()
        .queryParam("url", "feeds.example/everything")
        .get("/articles")
        .then()
        .body(containsString("/feeds/articles.atom?url="));
    given()
        .queryParam("q", "capybara")
        .get("/search")
        .then()
        .body(containsString("href=\"/feeds/search.atom?q=capybara\""))
        .contentType(startsWith("text/html"));
  }
}
