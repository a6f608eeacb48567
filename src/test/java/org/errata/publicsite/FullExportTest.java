package org.errata.publicsite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** An admin's full export: every published correction, as JSON Lines and as CSV. */
@QuarkusTest
class FullExportTest {

  @Test
  void everyPublishedCorrectionIsALineAndDraftsAreNot() throws Exception {
    long live = Api.published("export.example/a", "A passage in the archive");
    long withdrawn = Api.published("export.example/b", "A claim later withdrawn from view");
    Api.withdraw(withdrawn, "Mistaken.");
    long draft = Api.create("ada", "export.example/c", "A draft never exported");

    String body =
        Api.as("admin")
            .accept("*/*")
            .get("/api/exports/corrections.jsonl")
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("errata-corrections.jsonl"))
            .extract()
            .asString();
    List<Long> ids = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : body.split("\n")) {
      JsonNode c = json.readTree(line);
      ids.add(c.path("id").asLong());
      assertFalse(c.has("author"), "as the public sees it");
    }
    assertTrue(ids.contains(live));
    assertTrue(ids.contains(withdrawn));
    assertFalse(ids.contains(draft));
    assertEquals(ids.stream().sorted().toList(), ids, "in id order");

    Api.as("ada").accept("*/*").get("/api/exports/corrections.jsonl").then().statusCode(403);
    given().get("/api/exports/corrections.csv").then().statusCode(401);
  }

  @Test
  void theCsvIsQuotedAndNeverRunsAsAFormula() {
    Map<String, Object> body =
        Api.correction("export.example/formula", "=HYPERLINK(\"x\") is a claim");
    body.put("reasoning", "Says \"quoted\" things,\nover two lines.");
    long id = Api.id(Api.created(body));
    Api.submitApprovePublish(id);

    Session admin = Session.signIn("admin");
    String csv =
        admin
            .get("/editor/admin/exports/corrections.csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    assertTrue(csv.startsWith("id,status,published_at,"), csv.substring(0, 60));
    assertThat(csv, containsString("\"'=HYPERLINK(\"\"x\"\") is a claim\""));
    assertThat(csv, containsString("\"Says \"\"quoted\"\" things,\nover two lines.\""));
    assertThat(
        admin.get("/editor/admin/accounts").asString(),
        containsString("/editor/admin/exports/corrections.csv"));
    Session.signIn("ada").get("/editor/admin/exports/corrections.csv").then().statusCode(403);
  }
}
