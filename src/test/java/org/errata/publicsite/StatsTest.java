package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The public statistics: true numbers, in tables, and charts drawn on the server as SVG. */
@QuarkusTest
class StatsTest {

  @Inject Stats stats;

  static long verdict(String url, String passage, String verdict) {
    Map<String, Object> body = Api.correction(url, passage);
    body.put("verdict", verdict);
    long id = Api.id(Api.created(body));
    Api.submitApprovePublish(id);
    return id;
  }

  static long verdicts(Stats.Figures f, String verdict) {
    return f.byVerdict().stream()
        .filter(c -> c.label().equals(verdict))
        .mapToLong(Stats.Count::count)
        .sum();
  }

  @Test
  void theNumbersAreCountedFromWhatWasPublishedAmendedAndWithdrawn() {
    Stats.Figures before = stats.count();
    long one =
        verdict("stats.example/a", "The first claim the statistics count", "Stretched too far");
    verdict("stats.example/b", "A quite different sentence about tariffs", "Stretched too far");
    Api.withdraw(one, "Mistaken.");
    Stats.Figures after = stats.count();
    assertEquals(before.published() + 2, after.published());
    assertEquals(before.withdrawn() + 1, after.withdrawn());
    assertEquals(before.live() + 1, after.live());
    assertEquals(verdicts(before, "Stretched too far") + 2, verdicts(after, "Stretched too far"));
    assertTrue(after.quotesConfirmed() > 0);
    assertTrue(after.medianToPublication() != null);
    long thisMonth = after.perMonth().get(after.perMonth().size() - 1).count();
    assertTrue(thisMonth >= 2, "this month: " + thisMonth);

    String page = given().get("/stats").then().statusCode(200).extract().asString();
    assertThat(page, containsString("<dd id=\"published\">" + after.published() + "</dd>"));
    assertThat(page, containsString("<dd id=\"withdrawn\">" + after.withdrawn() + "</dd>"));
    assertThat(
        page,
        containsString(
            "<th scope=\"row\">Stretched too far</th><td>"
                + verdicts(after, "Stretched too far")
                + "</td>"));
    assertThat(page, containsString("<img src=\"/stats/per-month.svg\""));
    assertThat(page, containsString("<caption>Corrections published per month"));
  }

  @Test
  void theChartsAreSvgDrawnOnTheServerWithTheirOwnPolicy() throws Exception {
    verdict("chart-site.example/a", "A claim drawn in the charts", "Wrong");
    for (String chart : new String[] {"per-month", "by-site", "by-verdict", "quotes"}) {
      byte[] svg =
          given()
              .get("/stats/" + chart + ".svg")
              .then()
              .statusCode(200)
              .contentType(containsString("image/svg+xml"))
              .header("Content-Security-Policy", containsString("default-src 'none'"))
              .extract()
              .asByteArray();
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
      assertEquals("svg", d.getDocumentElement().getLocalName());
      assertTrue(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength() > 0);
      assertTrue(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength() == 0);
    }
    String bySite = given().get("/stats/by-verdict.svg").asString();
    assertThat(bySite, containsString("Wrong"));
    given().get("/stats/nothing.svg").then().statusCode(404);
    given().get("/stats/..%2F..%2Fetc.svg").then().statusCode(404);
  }
}
