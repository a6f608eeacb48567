package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.errata.report.Report;
import org.errata.report.ReportParser;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** Published corrections in the report format: the seed exports as the report it came from. */
@QuarkusTest
class ExportsTest {

  static final String SEED = "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of";

  static byte[] example() throws Exception {
    // The seed is imported from this file, a byte-for-byte copy of
    // ../shared/examples/fact-check-report.txt (compared below when that is present).
    try (InputStream in = ExportsTest.class.getResourceAsStream("/seed/fact-check-report.txt")) {
      return in.readAllBytes();
    }
  }

  static long seedId() {
    return given()
        .queryParam("url", SEED)
        .get("/api/public/corrections")
        .jsonPath()
        .getLong("corrections[0].id");
  }

  @Test
  void theSeedCorrectionExportsByteForByteAsTheExampleReport() throws Exception {
    Path shared = Path.of("..", "shared", "examples", "fact-check-report.txt");
    if (Files.exists(shared)) {
      assertArrayEquals(Files.readAllBytes(shared), example(), "the seed is the canonical example");
    }
    long id = seedId();
    byte[] exported =
        given()
            .get("/corrections/" + id + ".txt")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/plain"))
            .header("Content-Type", containsString("charset=utf-8"))
            .extract()
            .asByteArray();
    assertArrayEquals(example(), exported);

    byte[] negotiated =
        given()
            .accept("text/plain")
            .get("/corrections/" + id)
            .then()
            .statusCode(200)
            .header("Vary", containsString("Accept"))
            .extract()
            .asByteArray();
    assertArrayEquals(example(), negotiated);

    byte[] byArticle =
        given()
            .queryParam("url", "oneusefulthing.org/p/claude-dispatch-and-the-power-of?utm_source=x")
            .get("/articles.txt")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(example(), byArticle);
    byte[] articleNegotiated =
        given()
            .accept("text/plain, text/html;q=0.5")
            .queryParam("url", SEED)
            .get("/articles")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(example(), articleNegotiated);
  }

  @Test
  void browsersKeepGettingThePages() {
    long id = seedId();
    given()
        .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .get("/corrections/" + id)
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Vary", containsString("Accept"));
    given().accept("*/*").get("/corrections/" + id).then().contentType(startsWith("text/html"));
    given()
        .accept("text/*")
        .queryParam("url", SEED)
        .get("/articles")
        .then()
        .contentType(startsWith("text/html"));
  }

  @Test
  void everyLiveCorrectionOfAnArticleIsOneReportThatImportsBack() {
    long first = Api.published("exports.example/story", "The first wrong passage");
    Map<String, Object> body = Api.correction("exports.example/story", "The second wrong passage");
    body.put("reasoning", "Para one.\n\nPara two:\n- a bullet\n- another");
    long second = Api.id(Api.created(body));
    Api.submitApprovePublish(second);

    String text =
        given()
            .queryParam("url", "https://exports.example/story?utm_medium=social")
            .get("/articles.txt")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Report report = ReportParser.parse(text);
    assertEquals("exports.example/story", report.articleUrl());
    assertEquals(2, report.corrections().size());
    assertTrue(text.startsWith("exports.example/story\n2 corrections found\n"), text);
    assertTrue(
        report.corrections().stream()
            .anyMatch(i -> i.reasoning().equals("Para one.\n\nPara two:\n- a bullet\n- another")));

    Api.withdraw(first, "Mistaken.");
    given()
        .get("/corrections/" + first + ".txt")
        .then()
        .statusCode(404)
        .body(containsString("withdrawn"));
    String after =
        given().queryParam("url", "exports.example/story").get("/articles.txt").asString();
    assertTrue(after.contains("1 correction found"), after);
    assertFalse(after.contains("The first wrong passage"));
  }

  @Test
  void unpublishedUnknownAndBadAddressesAreSentences() {
    long draft = Api.create("ada", "exports.example/draft", "A draft passage");
    given().get("/corrections/" + draft + ".txt").then().statusCode(404);
    given().get("/corrections/99999999.txt").then().statusCode(404);
    given()
        .queryParam("url", "nothing-here.example/a")
        .get("/articles.txt")
        .then()
        .statusCode(404)
        .body(equalTo("No corrections found for nothing-here.example/a.\n"));
    given().get("/articles.txt").then().statusCode(400).body(containsString("?url="));
    given().queryParam("url", "javascript:alert(1)").get("/articles.txt").then().statusCode(400);
    given().get("/corrections/abc.txt").then().statusCode(404);
    given().get("/corrections/" + "9".repeat(30) + ".txt").then().statusCode(404);
  }
}
