package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * For log shippers: with ERRATA_JSON_LOGS=true every line Errata writes is a JSON object, and a
 * line written while serving a request names the request's id, the one answered in X-Request-Id.
 */
class JsonLogsIT {

  @Test
  void everyLineIsJsonAndRequestLinesCarryTheRequestId() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (PackagedApp app =
        new PackagedApp(Files.createTempDirectory("errata-json-logs").resolve("data"))
            .env("ERRATA_JSON_LOGS", "true")) {
      app.start("-Derrata.demo=true");
      var failed =
          app.send(PackagedApp.basic("ada", "not-her-password"), "GET", "/api/corrections", null);
      assertEquals(401, failed.statusCode());
      String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
      app.stop();
      String out = app.output();
      List<String> lines =
          out.lines().filter(l -> !l.isBlank() && !l.startsWith("Preparing")).toList();
      assertTrue(lines.size() > 3, out);
      for (String line : lines) {
        JsonNode node = json.readTree(line);
        assertTrue(node.has("message") && node.has("level"), line);
      }
      // The refused sign-in is logged on a worker thread while that request is served.
      String refused =
          lines.stream()
              .filter(l -> l.contains("Sign-in refused for"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no sign-in line: " + out));
      assertEquals(id, json.readTree(refused).path("mdc").path("request.id").asText(), refused);
    }
  }
}
