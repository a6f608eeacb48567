package org.errata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /q/openapi} describes the contract of docs/api.md, not the HTML
 * pages: only the JSON API, the feeds, the exports and the badge stay. Every operation gets the
 * error body every refusal has ({@code {"error", "field", "line"}}), and the editors' API its two
 * ways to sign in (an API token, or HTTP Basic) and its 401.
 */
public class OpenApiFilter implements OASFilter {

  static final Pattern KEPT =
      Pattern.compile("/api/.*|/feeds/.*|/badge\\.svg|/corrections/\\{id\\}\\.txt|/articles\\.txt");

  static final String ERROR = "#/components/schemas/Error";

  @Override
  public void filterOpenAPI(OpenAPI api) {
    if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
      for (String path : new ArrayList<>(api.getPaths().getPathItems().keySet())) {
        if (!KEPT.matcher(path).matches()) {
          api.getPaths().removePathItem(path);
        }
      }
    }
    api.getPaths()
        .addPathItem(
            "/embed.js",
            OASFactory.createPathItem()
                .GET(
                    OASFactory.createOperation()
                        .summary("The script a publisher includes to show corrections")
                        .description(
                            "Include <script src=\".../embed.js\" data-url=\"<article>\">"
                                + " where the notice should appear; see docs/publishers.md.")
                        .responses(
                            OASFactory.createAPIResponses()
                                .addAPIResponse(
                                    "200",
                                    OASFactory.createAPIResponse()
                                        .description("The script (application/javascript)")))));
    api.getPaths()
        .addPathItem(
            "/q/openapi",
            OASFactory.createPathItem()
                .GET(
                    OASFactory.createOperation()
                        .summary("This description of the API (YAML; ?format=json for JSON)")
                        .responses(
                            OASFactory.createAPIResponses()
                                .addAPIResponse(
                                    "200",
                                    OASFactory.createAPIResponse().description("OpenAPI 3")))));
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    api.getComponents()
        .addSchema(
            "Error",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("Every refusal: a sentence a person can act on.")
                .addProperty(
                    "error",
                    OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .examples(
                            List.of(
                                "That API token is unknown or revoked, or its account is"
                                    + " disabled; nothing was done.")))
                .addProperty(
                    "field",
                    OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .description("The field at fault, for validation")
                        .examples(List.of("sources[0].url")))
                .addProperty(
                    "line",
                    OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.INTEGER))
                        .description("The report line at fault, for imports"))
                .required(List.of("error")));
    api.getComponents()
        .addSecurityScheme(
            "token",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("A personal API token from POST /api/tokens or the account page"))
        .addSecurityScheme(
            "password",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description(
                    "An editor's user name and password (each call costs a bcrypt check)"));
    for (Map.Entry<String, PathItem> e : api.getPaths().getPathItems().entrySet()) {
      boolean editors = e.getKey().startsWith("/api/") && !e.getKey().startsWith("/api/public");
      for (Map.Entry<PathItem.HttpMethod, Operation> op : e.getValue().getOperations().entrySet()) {
        describe(op.getValue(), editors, op.getKey() != PathItem.HttpMethod.GET);
      }
    }
  }

  private static void describe(Operation op, boolean editors, boolean changes) {
    if (op.getResponses() == null) {
      op.setResponses(OASFactory.createAPIResponses());
    }
    op.getResponses().addAPIResponse("default", error("A refusal, with a sentence saying why"));
    if (editors) {
      op.setSecurity(
          List.of(
              OASFactory.createSecurityRequirement().addScheme("token"),
              OASFactory.createSecurityRequirement().addScheme("password")));
      op.getResponses().addAPIResponse("401", error("Missing or wrong credentials"));
      if (changes) {
        op.getResponses().addAPIResponse("403", error("A rule forbids it (or a read-only token)"));
      }
    } else {
      op.setSecurity(List.<SecurityRequirement>of());
    }
  }

  private static APIResponse error(String description) {
    MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR));
    Content content = OASFactory.createContent().addMediaType("application/json", json);
    return OASFactory.createAPIResponse().description(description).content(content);
  }
}
