package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What search engines and social networks read on a correction's page, and where to find it. */
@QuarkusTest
class MarkupTest {

  static final Pattern LD =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

  static List<JsonNode> jsonLd(String page) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    Matcher m = LD.matcher(page);
    while (m.find()) {
      found.add(new ObjectMapper().readTree(m.group(1)));
    }
    return found;
  }

  /** Google's fact-check markup: what it requires and what it recommends, all present. */
  static void assertClaimReview(JsonNode review, long id) {
    assertEquals("https://schema.org", review.path("@context").asText());
    assertEquals("ClaimReview", review.path("@type").asText());
    assertEquals("http://localhost:8081/corrections/" + id, review.path("url").asText());
    assertFalse(review.path("claimReviewed").asText().isBlank(), "claimReviewed");
    JsonNode rating = review.path("reviewRating");
    assertEquals("Rating", rating.path("@type").asText());
    assertFalse(rating.path("alternateName").asText().isBlank(), "reviewRating.alternateName");
    JsonNode author = review.path("author");
    assertEquals("Organization", author.path("@type").asText());
    assertEquals("Errata", author.path("name").asText());
    assertTrue(
        review.path("datePublished").asText().matches("\\d{4}-\\d{2}-\\d{2}"), "datePublished");
    JsonNode claim = review.path("itemReviewed");
    assertEquals("Claim", claim.path("@type").asText());
    assertTrue(claim.path("appearance").path("url").asText().startsWith("https://"));
  }

  @Test
  void aPublishedCorrectionCarriesAClaimReviewWithEveryRequiredProperty() throws Exception {
    Map<String, Object> body =
        Api.correction("markup.example/story?utm_source=x", "The moon is made of cheese");
    body.put("verdict", "False");
    body.put("summary", "The moon is rock </script><script>alert(1)</script> & dust.");
    long id = Api.id(Api.created(body));
    Api.submitApprovePublish(id);

    String page = given().get("/corrections/" + id).then().statusCode(200).extract().asString();
    List<JsonNode> found = jsonLd(page);
    assertEquals(1, found.size());
    JsonNode review = found.get(0);
    assertClaimReview(review, id);
    assertEquals("The moon is made of cheese", review.path("claimReviewed").asText());
    assertEquals("False", review.path("reviewRating").path("alternateName").asText());
    assertEquals(
        "https://markup.example/story",
        review.path("itemReviewed").path("appearance").path("url").asText());
    assertEquals(
        "The moon is rock </script><script>alert(1)</script> & dust.",
        review.path("reviewBody").asText(),
        "typed text survives as data");
    assertThat(page, not(containsString("<script>alert(1)")));

    assertThat(
        page,
        containsString("<link rel=\"canonical\" href=\"http://localhost:8081/corrections/" + id));
    assertThat(page, containsString("<meta property=\"og:type\" content=\"article\">"));
    assertThat(
        page,
        containsString(
            "<meta property=\"og:url\" content=\"http://localhost:8081/corrections/" + id));
    assertThat(page, containsString("<meta name=\"twitter:card\" content=\"summary\">"));
    assertThat(
        page,
        containsString(
            "<meta name=\"description\" content=\"The moon is rock &lt;/script&gt;&lt;script&gt;"));
    assertThat(page, containsString("application/atom+xml"));
    assertThat(page, containsString("rel=\"icon\""));
  }

  @Test
  void anAmendmentIsACorrectionCommentAndOnlyTheStandingVersionIsAClaimReview() throws Exception {
    String url = "markup.example/amended";
    long id = Api.published(url, "A passage to amend for markup");
    Api.amendAndPublish(
        id, url, "A passage to amend for markup", "A clearer summary.", "Clarified the summary.");

    JsonNode review = jsonLd(given().get("/corrections/" + id).asString()).get(0);
    assertClaimReview(review, id);
    assertEquals(
        "Correction published", review.path("reviewRating").path("alternateName").asText());
    JsonNode change = review.path("correction").get(0);
    assertEquals("CorrectionComment", change.path("@type").asText());
    assertEquals("Clarified the summary.", change.path("text").asText());
    assertFalse(review.path("dateModified").asText().isBlank());

    String older = given().get("/corrections/" + id + "/revisions/1").asString();
    assertTrue(jsonLd(older).isEmpty(), "an earlier version is not a standing fact-check");
    assertThat(
        older,
        containsString("<link rel=\"canonical\" href=\"http://localhost:8081/corrections/" + id));

    Api.withdraw(id, "Mistaken.");
    assertTrue(jsonLd(given().get("/corrections/" + id).asString()).isEmpty(), "withdrawn");
  }

  static Document xml(String path) throws Exception {
    byte[] body =
        given()
            .get(path)
            .then()
            .statusCode(200)
            .contentType(containsString("xml"))
            .extract()
            .asByteArray();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  static List<String> locs(Document d) {
    List<String> out = new ArrayList<>();
    NodeList n = d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
    for (int i = 0; i < n.getLength(); i++) {
      out.add(n.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void theSitemapListsEveryPublicPageAndRobotsKeepCrawlersOffTheDesk() throws Exception {
    long live = Api.published("https://www.sitemap.example/a?x=1&y=2", "A passage for the sitemap");
    long draft = Api.create("ada", "sitemap.example/draft", "A draft never in the sitemap");

    List<String> maps = locs(xml("/sitemap.xml"));
    assertTrue(maps.contains("http://localhost:8081/sitemaps/pages.xml"), maps.toString());
    List<String> all = new ArrayList<>();
    for (String map : maps) {
      all.addAll(locs(xml(map.substring("http://localhost:8081".length()))));
    }
    assertTrue(all.contains("http://localhost:8081/"));
    assertTrue(all.contains("http://localhost:8081/corrections/" + live));
    assertFalse(all.contains("http://localhost:8081/corrections/" + draft));
    assertTrue(
        all.contains(
            "http://localhost:8081/articles?url=https%3A%2F%2Fwww.sitemap.example%2Fa%3Fx%3D1%26y%3D2"),
        all.toString());
    assertTrue(all.contains("http://localhost:8081/sites/sitemap.example"));

    String robots =
        given()
            .get("/robots.txt")
            .then()
            .statusCode(200)
            .contentType(containsString("text/plain"))
            .extract()
            .asString();
    assertThat(robots, containsString("Disallow: /editor"));
    assertThat(robots, containsString("Disallow: /api/"));
    assertThat(robots, containsString("Sitemap: http://localhost:8081/sitemap.xml"));
    given().get("/sitemaps/corrections-999999.xml").then().statusCode(404);
  }
}
