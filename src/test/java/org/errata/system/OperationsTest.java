package org.errata.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.evidence.PageFetcher;
import org.errata.web.RequestIds;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches: health and Prometheus metrics on the management interface only, and a
 * request id on every answer, in the log and on error pages.
 */
@QuarkusTest
class OperationsTest {

  /** The management interface's port in tests (Quarkus' default test port for it). */
  static final String MANAGEMENT = "http://localhost:9001";

  @Inject PageFetcher fetcher;

  @Test
  void healthSaysTheDatabaseAndTheMailServerAreReady() {
    given()
        .get(MANAGEMENT + "/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("mail server"))
        .body("checks.name", hasItem(containsString("Database connections")));
    given().get(MANAGEMENT + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void healthAndMetricsAreNotOnThePublicPort() {
    given().get("/q/health").then().statusCode(404);
    given().get("/q/metrics").then().statusCode(404);
    given().post("/q/errata/backup").then().statusCode(not(equalTo(201)));
  }

  @Test
  void publicationsImportsSignInFailuresAndFetchFailuresAreCounted() throws Exception {
    double published = metric("errata_publications_total");
    double signInFailures = metric("errata_sign_in_failures_total");
    double unreachable = metric("errata_fetch_failures_total{reason=\"unreachable\"}");
    double imported = metric("errata_imports_total");

    Api.published("https://news.example.com/metrics-" + System.nanoTime(), "Metrics count it.");
    given()
        .auth()
        .preemptive()
        .basic("ada", "not-her-password")
        .get("/api/corrections")
        .then()
        .statusCode(401);
    assertThrows(PageFetcher.FetchFailed.class, () -> fetcher.fetch("http://127.0.0.1:1/gone"));
    String report =
        org.errata.report.ReportParserTest.seed()
            .replace("oneusefulthing.org", "metrics-" + System.nanoTime() + ".example");
    Api.as("ada")
        .contentType("text/plain; charset=utf-8")
        .body(report.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/reports")
        .then()
        .statusCode(201);

    assertEquals(published + 1, metric("errata_publications_total"));
    assertEquals(signInFailures + 1, metric("errata_sign_in_failures_total"));
    assertEquals(unreachable + 1, metric("errata_fetch_failures_total{reason=\"unreachable\"}"));
    assertEquals(imported + 1, metric("errata_imports_total"));
    String all = metrics();
    assertTrue(all.contains("errata_reader_cache_hit_ratio"), "cache hit ratio");
    assertTrue(all.contains("errata_drift_flags_open"), "drift flags open");
    assertTrue(all.contains("http_server_requests_seconds_count"), "request latency");
  }

  @Test
  void everyAnswerCarriesARequestIdAndAProxysSensibleIdIsKept() {
    String id = given().get("/").then().statusCode(200).extract().header(RequestIds.HEADER);
    assertTrue(id != null && id.matches("[0-9a-f]{16}"), id);
    given()
        .header(RequestIds.HEADER, "proxy-1234-abcd")
        .get("/")
        .then()
        .header(RequestIds.HEADER, "proxy-1234-abcd");
    given()
        .header(RequestIds.HEADER, "<script>")
        .get("/")
        .then()
        .header(RequestIds.HEADER, matchesPattern("[0-9a-f]{16}"));
  }

  @Test
  void anErrorPageQuotesItsRequestId() {
    String page =
        given()
            .header(RequestIds.HEADER, "report-me-42")
            .get("/corrections/999999999")
            .then()
            .statusCode(404)
            .extract()
            .asString();
    assertTrue(page.contains("report-me-42"), page);
  }

  static String metrics() {
    return given().get(MANAGEMENT + "/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of one series (0 when it has not appeared yet). */
  static double metric(String series) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(metrics());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
