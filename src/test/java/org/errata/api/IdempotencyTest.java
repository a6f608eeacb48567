package org.errata.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.errata.report.ReportImportTest;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** api.md, "Retries": an Idempotency-Key makes a retried POST safe. */
@QuarkusTest
class IdempotencyTest {

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() {
    String url = "idempotent.example/a";
    Map<String, Object> body = Api.correction(url, "A passage sent twice");
    String key = UUID.randomUUID().toString();
    Response first =
        Api.as("ada").header("Idempotency-Key", key).body(body).post("/api/corrections");
    first.then().statusCode(201);
    Response retry =
        Api.as("ada").header("Idempotency-Key", key).body(body).post("/api/corrections");
    retry.then().statusCode(201).header("Location", first.header("Location"));
    assertEquals(first.jsonPath().getLong("id"), retry.jsonPath().getLong("id"));
    assertEquals(first.asString(), retry.asString(), "the same body");
    assertEquals(1, ReportImportTest.countFor(url));

    // The same key with another body is refused; another key creates.
    body.put("summary", "Something else entirely.");
    Api.as("ada")
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/corrections")
        .then()
        .statusCode(422)
        .body("error", containsString("different body"));
    // Keys are per account: grace's same key is hers.
    Api.as("grace")
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/corrections")
        .then()
        .statusCode(201);
    assertEquals(2, ReportImportTest.countFor(url));
  }

  @Test
  void copiesSentAtOnceCreateOneCorrection() throws Exception {
    String url = "idempotent.example/race";
    Map<String, Object> body = Api.correction(url, "A passage sent by an impatient client");
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Integer> send =
            () ->
                Api.as("ada")
                    .header("Idempotency-Key", key)
                    .body(body)
                    .post("/api/corrections")
                    .statusCode();
        answers.add(pool.submit(send));
      }
      for (Future<Integer> a : answers) {
        int status = a.get();
        assertEquals(true, status == 201 || status == 409, "201 or 409, got " + status);
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, ReportImportTest.countFor(url));
  }

  @Test
  void aFailedRequestReleasesItsKeyAndReportsAreIdempotentToo() {
    String key = UUID.randomUUID().toString();
    Api.as("ada")
        .header("Idempotency-Key", key)
        .body(Map.of("articleUrl", "idempotent.example/bad"))
        .post("/api/corrections")
        .then()
        .statusCode(400);
    Api.as("ada")
        .header("Idempotency-Key", key)
        .body(Api.correction("idempotent.example/bad", "Now a whole correction"))
        .post("/api/corrections")
        .then()
        .statusCode(201);

    String report =
        "idempotent.example/report\n1 correction found\nA passage from a report\nIt is wrong.\n"
            + "Full reasoning\nBecause.\n1 source\n- Help | Vendor\nThe vendor says so.\n";
    String reportKey = UUID.randomUUID().toString();
    Response first =
        Api.as("ada")
            .contentType("text/plain")
            .header("Idempotency-Key", reportKey)
            .body(report)
            .post("/api/reports");
    first.then().statusCode(201);
    Api.as("ada")
        .contentType("text/plain")
        .header("Idempotency-Key", reportKey)
        .body(report)
        .post("/api/reports")
        .then()
        .statusCode(201)
        .body(equalTo(first.asString()));
    assertEquals(1, ReportImportTest.countFor("idempotent.example/report"));

    Api.as("ada")
        .header("Idempotency-Key", "x".repeat(256))
        .body(Api.correction("idempotent.example/long", "A passage"))
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("error", containsString("Idempotency-Key"));
    Api.as("ada")
        .header("Idempotency-Key", "has space")
        .body(Api.correction("idempotent.example/space", "A passage"))
        .post("/api/corrections")
        .then()
        .statusCode(400);
  }
}
