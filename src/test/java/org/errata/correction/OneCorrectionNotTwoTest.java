package org.errata.correction;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Issue "One correction, not two", over the API, the desk's pages and report import. */
@QuarkusTest
class OneCorrectionNotTwoTest {

  @Test
  void proposingTheSamePassageAgainShowsTheLiveOneAndApprovingItNeedsAReason() {
    String url = "dup.example/story";
    long live = Api.published(url, "Cowork is sandboxed, safer but more limited");
    Map<String, Object> again =
        Api.correction(
            "https://www.dup.example/story?utm_source=x",
            "Cowork is sandboxed — safer, but more limited.");
    long id =
        Api.id(
            Api.created(again)
                .body("possibleDuplicates", hasSize(1))
                .body("possibleDuplicates[0].id", equalTo((int) live))
                .body("possibleDuplicates[0].status", equalTo("PUBLISHED")));

    Session grace = Session.signIn("grace");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    grace
        .get("/editor/corrections/" + id)
        .then()
        .body(
            containsString(
                "Possible duplicate of <a href=\"/editor/corrections/"
                    + live
                    + "\">correction "
                    + live
                    + "</a>"))
        .body(containsString("It may repeat correction " + live));
    Api.as("grace")
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(409)
        .body("error", containsString("It may repeat correction " + live));
    Api.as("grace")
        .body(Map.of("override", "A second, different error in the same sentence."))
        .post("/api/corrections/" + id + "/approve")
        .then()
        .statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);
  }

  @Test
  void aDifferentPassageOrAWithdrawnCorrectionIsNoDuplicate() {
    String url = "nodup.example/story";
    long gone = Api.published(url, "The first claim, since withdrawn");
    Api.as("ada")
        .body(Map.of("reason", "Mistaken."))
        .post("/api/corrections/" + gone + "/withdraw")
        .then()
        .statusCode(200);
    Api.published(url, "A claim about prices");
    Api.created(Api.correction(url, "The first claim, since withdrawn"))
        .body("possibleDuplicates", hasSize(0));
    Api.created(Api.correction(url, "Something else entirely about the sandbox"))
        .body("possibleDuplicates", hasSize(0));
  }

  @Test
  void importSaysWhichDraftsMayRepeatLiveCorrections() {
    String url = "dup-import.example/story";
    long live = Api.published(url, "Imported twice");
    String report =
        url
            + "\n1 correction found\nImported twice\nSummary.\nFull reasoning\nBecause.\n1 source\n"
            + "- Docs | Vendor\nA quote.\n";
    long id =
        Api.as("ada")
            .contentType("text/plain")
            .body(report)
            .post("/api/reports")
            .then()
            .statusCode(201)
            .body("corrections[0].possibleDuplicates[0].id", equalTo((int) live))
            .extract()
            .jsonPath()
            .getLong("corrections[0].id");
    Session.signIn("ada")
        .get("/editor/reports/imported?ids=" + id)
        .then()
        .body(
            containsString(
                "<a href=\"/editor/corrections/" + live + "\">correction " + live + "</a>"));
  }
}
