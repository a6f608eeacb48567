package org.errata.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JSON API requests as an integrator makes them: HTTP Basic, JSON bodies. */
public final class Api {

  private Api() {}

  public static RequestSpecification as(String username) {
    return given()
        .auth()
        .preemptive()
        .basic(username, "errata-demo")
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  /**
   * A valid correction body for a fresh article, so tests never share one, with the article's and
   * the source page's text so that the passage and the quote check out.
   */
  public static Map<String, Object> correction(String articleUrl, String passage) {
    return new HashMap<>(
        Map.of(
            "articleUrl",
            articleUrl,
            "passage",
            passage,
            "summary",
            "The article overstates it; the vendor's page says otherwise.",
            "reasoning",
            "The vendor documents the opposite:\n- first point\n- second point",
            "articleText",
            "An article. " + passage + " The end.",
            "sources",
            List.of(
                Map.of(
                    "title", "Help page",
                    "publisher", "Vendor Help Center",
                    "url", "https://help.example.com/page",
                    "quote", "The feature runs outside the sandbox.",
                    "pageText", "Help page\nThe feature runs outside the sandbox. More."))));
  }

  /** Creates a correction from {@code body} as ada: the 201 answer, to check further. */
  public static ValidatableResponse created(Map<String, Object> body) {
    return as("ada").body(body).post("/api/corrections").then().statusCode(201);
  }

  /** The id in a correction's answer. */
  public static long id(ValidatableResponse answer) {
    return answer.extract().jsonPath().getLong("id");
  }

  /** Creates a correction as {@code username} and returns its id. */
  public static long create(String username, String articleUrl, String passage) {
    return id(
        as(username)
            .body(correction(articleUrl, passage))
            .post("/api/corrections")
            .then()
            .statusCode(201));
  }

  /** ada submits her draft, grace approves and publishes it. */
  public static void submitApprovePublish(long id) {
    as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);
  }

  /** Takes a new correction by ada through grace's review to publication; returns its id. */
  public static long published(String articleUrl, String passage) {
    long id = create("ada", articleUrl, passage);
    submitApprovePublish(id);
    return id;
  }

  /** Withdraws published correction {@code id} as ada, for {@code reason}. */
  public static void withdraw(long id, String reason) {
    as("ada")
        .body(Map.of("reason", reason))
        .post("/api/corrections/" + id + "/withdraw")
        .then()
        .statusCode(200);
  }

  /** Amends published correction {@code id} with a new summary and publishes the amendment. */
  public static void amendAndPublish(
      long id, String articleUrl, String passage, String summary, String changeNote) {
    Map<String, Object> body = correction(articleUrl, passage);
    body.put("summary", summary);
    body.put("changeNote", changeNote);
    body.put("version", as("ada").get("/api/corrections/" + id).jsonPath().getLong("version"));
    as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    submitApprovePublish(id);
  }
}
