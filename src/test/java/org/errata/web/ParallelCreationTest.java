package org.errata.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.errata.system.Api;
import org.errata.system.Session;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Two editors proposing the first corrections of one article at the same moment both succeed. */
@QuarkusTest
class ParallelCreationTest {

  static final int AT_ONCE = 50;

  @Test
  void fiftyCreationsForOneNewArticleOverTheApiAllSucceed() throws Exception {
    String url = "https://parallel-api.example/first-story";
    List<Integer> statuses =
        all(
            () ->
                Api.as("ada")
                    .body(Api.correction(url, "A passage written at the same moment"))
                    .post("/api/corrections")
                    .statusCode());
    assertEquals(List.of(201), statuses.stream().distinct().toList(), statuses.toString());
    Api.as("ada")
        .queryParam("url", url)
        .queryParam("limit", 200)
        .get("/api/corrections")
        .then()
        .body("corrections.size()", Matchers.equalTo(AT_ONCE))
        .body("corrections.articleKey.unique().size()", Matchers.equalTo(1));
  }

  @Test
  void fiftyCreationsForOneNewArticleOverFormsAllSucceed() throws Exception {
    String url = "https://parallel-forms.example/first-story";
    Session ada = Session.signIn("ada");
    String token = ada.token("/editor/corrections/new");
    List<Integer> statuses =
        all(
            () ->
                ada.request()
                    .contentType("application/x-www-form-urlencoded")
                    .formParams(
                        Map.of(
                            "csrf-token", token,
                            "articleUrl", url,
                            "passage", "A passage typed at the same moment",
                            "summary", "It is wrong.",
                            "reasoning", "The vendor says otherwise.",
                            "sourceTitle", "Help",
                            "sourceQuote", "The vendor says otherwise."))
                    .post("/editor/corrections")
                    .statusCode());
    assertEquals(List.of(303), statuses.stream().distinct().toList(), statuses.toString());
  }

  private static List<Integer> all(Callable<Integer> creation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        futures.add(pool.submit(creation));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
