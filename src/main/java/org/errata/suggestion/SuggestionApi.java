package org.errata.suggestion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.api.CorrectionJson;
import org.errata.correction.Correction;
import org.errata.evidence.Checking;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestPath;

/**
 * api.md, "Suggestions from readers": editors list them and turn each into a draft or decline it.
 */
@Path("/api/suggestions")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionApi {

  /** A suggestion as editors see it. */
  public record SuggestionJson(
      long id,
      String status,
      String articleUrl,
      String passage,
      String problem,
      String sources,
      String email,
      Instant createdAt,
      String handledBy,
      Instant handledAt,
      String declineReason,
      Long correctionId,
      String correctionUrl) {
    static SuggestionJson of(Suggestion s) {
      return new SuggestionJson(
          s.id,
          s.status.name(),
          s.articleUrl,
          s.passage,
          s.problem,
          s.sources,
          s.email,
          s.createdAt,
          s.handledBy == null ? null : s.handledBy.username,
          s.handledAt,
          s.declineReason,
          s.correction == null ? null : s.correction.id,
          s.correction == null ? null : Links.apiCorrection(s.correction.id));
    }
  }

  /** Every suggestion, waiting ones first. */
  public record Queue(List<SuggestionJson> suggestions) {}

  /** Why a suggestion is declined. */
  public record Decline(String reason) {}

  @Inject Suggestions suggestions;
  @Inject Checking checking;
  @Inject Me me;

  @GET
  @RolesAllowed(Account.EDITOR)
  public Queue list() {
    return new Queue(Suggestion.queue(200).stream().map(SuggestionJson::of).toList());
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Account.EDITOR)
  public SuggestionJson get(@RestPath long id) {
    return SuggestionJson.of(suggestions.find(id));
  }

  /**
   * Turns the suggestion into a draft with the correction in the body (as POST /api/corrections).
   */
  @POST
  @Path("{id}/draft")
  @RolesAllowed(Account.EDITOR)
  public Response draft(@RestPath long id, CorrectionJson.Request body) {
    if (body == null) {
      throw new BadRequestException("Send the draft correction as a JSON object.");
    }
    long correction = suggestions.draft(id, body.content(), me.account()).id;
    List<String> problems =
        checking.checkAll(correction, body.articleText(), body.pageTexts(), me.account());
    return Response.status(Response.Status.CREATED)
        .header("Location", Links.apiCorrection(correction))
        .entity(
            QuarkusTransaction.requiringNew()
                .call(() -> CorrectionJson.of(Correction.findById(correction), me.account()))
                .withCheckProblems(problems))
        .build();
  }

  @POST
  @Path("{id}/decline")
  @RolesAllowed(Account.EDITOR)
  public SuggestionJson decline(@RestPath long id, Decline body) {
    return SuggestionJson.of(
        suggestions.decline(id, body == null ? null : body.reason(), me.account()));
  }
}
