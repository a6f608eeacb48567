package org.errata.suggestion;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.errata.web.ClientAddress;

/**
 * api.md, "Suggestions from readers": anyone may send one, limited per client (429 with
 * Retry-After); 202 with a sentence, never what happens inside.
 */
@Path("/api/public/suggestions")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReaderSuggestionApi {

  /** A reader's suggestion, as sent. */
  public record Sent(
      String articleUrl, String passage, String problem, String sources, String email) {}

  /** The answer to a reader. */
  public record Received(String message) {}

  @Inject Suggestions suggestions;
  @Inject RoutingContext rc;

  @POST
  public Response send(Sent body) {
    if (body == null) {
      throw new BadRequestException("Send the suggestion as a JSON object.");
    }
    suggestions.submit(
        new Suggestion.Input(
            body.articleUrl(), body.passage(), body.problem(), body.sources(), body.email()),
        ClientAddress.of(rc));
    return Response.accepted(
            new Received("Thank you: your suggestion was sent to Errata's editors."))
        .build();
  }
}
