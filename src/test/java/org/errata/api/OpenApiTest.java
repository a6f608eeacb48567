package org.errata.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, read by a real OpenAPI parser, describes every endpoint of api.md. */
@QuarkusTest
class OpenApiTest {

  /** Every endpoint api.md names (kept here so the test runs without ../shared). */
  static final List<String> CONTRACT =
      List.of(
          "POST /api/corrections",
          "GET /api/corrections",
          "GET /api/corrections/{}",
          "PUT /api/corrections/{}",
          "POST /api/corrections/{}/submit",
          "POST /api/corrections/{}/approve",
          "POST /api/corrections/{}/request-changes",
          "POST /api/corrections/{}/publish",
          "POST /api/corrections/{}/withdraw",
          "POST /api/corrections/{}/check",
          "GET /api/corrections/{}/history",
          "GET /api/corrections/{}/comments",
          "POST /api/corrections/{}/comments",
          "POST /api/corrections/{}/comments/{}/resolve",
          "POST /api/reports",
          "GET /api/public/corrections",
          "GET /api/public/corrections/{}",
          "GET /api/public/corrections/{}/revisions/{}",
          "POST /api/public/suggestions",
          "GET /api/suggestions",
          "POST /api/tokens",
          "GET /api/tokens",
          "DELETE /api/tokens/{}",
          "GET /corrections/{}.txt",
          "GET /articles.txt",
          "GET /feeds/corrections.atom",
          "GET /feeds/articles.atom",
          "GET /feeds/sites/{}.atom",
          "GET /feeds/search.atom",
          "GET /badge.svg",
          "GET /embed.js",
          "GET /q/openapi");

  static final Pattern NAMED = Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`?\\s]*)");

  static String normal(String method, String path) {
    return method + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  @Test
  void everyEndpointOfTheContractIsDescribedWithItsErrorsAndSignIns() throws Exception {
    String document =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
    assertEquals(List.of(), parsed.getMessages(), "a valid OpenAPI document");
    OpenAPI api = parsed.getOpenAPI();
    assertTrue(api.getOpenapi().startsWith("3."));

    Set<String> described = new TreeSet<>();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          e.getValue().readOperationsMap().entrySet()) {
        described.add(normal(op.getKey().name(), e.getKey()));
        assertNotNull(
            op.getValue().getResponses().get("default"), e.getKey() + " describes its errors");
      }
    }
    Set<String> wanted = new LinkedHashSet<>(CONTRACT);
    Path contract = Path.of("..", "shared", "product", "api.md");
    if (Files.exists(contract)) {
      Matcher m = NAMED.matcher(Files.readString(contract));
      while (m.find()) {
        wanted.add(normal(m.group(1), m.group(2)));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String w : wanted) {
      if (!described.contains(w)) {
        missing.add(w);
      }
    }
    assertEquals(List.of(), missing, "described: " + described);
    assertTrue(
        described.stream().noneMatch(d -> d.contains(" /editor") || d.equals("GET /")),
        "no HTML pages");

    Operation create = api.getPaths().get("/api/corrections").getPost();
    assertNotNull(
        create.getResponses().get("201").getContent().get("application/json").getSchema());
    assertNotNull(create.getResponses().get("401"));
    assertEquals(2, create.getSecurity().size(), "a token or a password");
    assertNotNull(api.getComponents().getSchemas().get("Error").getProperties().get("error"));
    assertTrue(api.getComponents().getSchemas().containsKey("CorrectionJson"));
    assertTrue(
        api.getComponents().getSchemas().values().stream()
            .map(schema -> (io.swagger.v3.oas.models.media.Schema<?>) schema)
            .filter(schema -> schema.getProperties() != null)
            .map(schema -> schema.getProperties().get("passage"))
            .filter(java.util.Objects::nonNull)
            .anyMatch(
                p ->
                    "Cowork is sandboxed, safer but more limited".equals(p.getExample())
                        || (p.getExamples() != null
                            && p.getExamples()
                                .contains("Cowork is sandboxed, safer but more limited"))),
        "bodies come with examples");
    assertTrue(
        api.getPaths().get("/api/public/corrections/{id}").getGet().getSecurity().isEmpty(),
        "reading needs no sign-in");
  }
}
