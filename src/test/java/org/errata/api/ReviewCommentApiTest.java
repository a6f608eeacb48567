package org.errata.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.errata.system.Api;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The review thread through the API: comments on fields, resolving, and the approval it blocks. */
@QuarkusTest
class ReviewCommentApiTest {

  @Test
  void anUnresolvedCommentBlocksApprovalUntilResolved() {
    long id = Api.create("ada", "thread-api.example/a", "Thread passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    long comment =
        Api.as("grace")
            .body(Map.of("body", "Is this the 2025 pricing?", "field", "summary"))
            .post("/api/corrections/" + id + "/comments")
            .then()
            .statusCode(201)
            .body("author", equalTo("grace"))
            .body("field", equalTo("summary"))
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as("grace")
        .body(Map.of("body", " "))
        .post("/api/corrections/" + id + "/comments")
        .then()
        .statusCode(400);
    Api.as("grace")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(409)
        .body("error", containsString("1 review comment is not resolved"));
    Api.as("ada")
        .post("/api/corrections/" + id + "/comments/" + comment + "/resolve")
        .then()
        .statusCode(200)
        .body("comments", hasSize(1))
        .body("comments[0].resolvedBy", equalTo("ada"))
        .body("comments[0].resolvedAt", notNullValue());
    Api.as("ada")
        .post("/api/corrections/" + id + "/comments/" + comment + "/resolve")
        .then()
        .statusCode(409);
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    Api.as("grace")
        .get("/api/corrections/" + id + "/history")
        .then()
        .body("events.action", Matchers.hasItems("COMMENTED", "COMMENT_RESOLVED"));
  }

  @Test
  void requestingChangesAlwaysLeavesAComment() {
    long id = Api.create("ada", "thread-request.example/a", "Request passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .body(Map.of("comment", "Add the second source."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);
    Api.as("ada")
        .get("/api/corrections/" + id + "/comments")
        .then()
        .statusCode(200)
        .body("comments", hasSize(1))
        .body("comments[0].body", equalTo("Add the second source."));
  }
}
