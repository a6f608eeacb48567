package org.errata.suggestion;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.errata.correction.WorkflowRefusal;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The desk's triage queue of readers' suggestions. */
@Path("/editor/suggestions")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class SuggestionDesk {

  @Inject Suggestions suggestions;
  @Inject Me me;

  /** One suggestion as listed; {@code error} and {@code typed}: its decline form came back. */
  public record Row(
      long id,
      String status,
      boolean waiting,
      String articleUrl,
      String passage,
      String problem,
      String sources,
      boolean email,
      Instant createdAt,
      String handledBy,
      Instant handledAt,
      String declineReason,
      Long correctionId,
      String error,
      String typed) {
    static Row of(Suggestion s, Long refusedId, String error, String typed) {
      boolean refused = refusedId != null && refusedId.equals(s.id);
      return new Row(
          s.id,
          s.status.label,
          s.isWaiting(),
          s.articleUrl,
          s.passage,
          s.problem,
          s.sources,
          s.email != null,
          s.createdAt,
          s.handledBy == null ? null : s.handledBy.username,
          s.handledAt,
          s.declineReason,
          s.correction == null ? null : s.correction.id,
          refused ? error : null,
          refused ? typed : null);
    }

    public String draftLink() {
      return Links.newCorrection() + "?suggestion=" + id;
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance queue(List<Row> rows, int waiting, String done);
  }

  @GET
  public TemplateInstance queue(@RestQuery String done) {
    return page(null, null, null, done);
  }

  @POST
  @Path("{id}/decline")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response decline(@RestPath long id, @RestForm String reason) {
    try {
      suggestions.decline(id, reason, me.account());
      return Redirect.seeOther("/editor/suggestions?done=declined");
    } catch (WorkflowRefusal e) {
      return Response.status(e.kind.status).entity(page(id, e.getMessage(), reason, null)).build();
    }
  }

  private static TemplateInstance page(Long id, String error, String typed, String done) {
    List<Row> rows = Suggestion.queue(200).stream().map(s -> Row.of(s, id, error, typed)).toList();
    return Templates.queue(
        rows,
        (int) Suggestion.count("status", Suggestion.State.WAITING),
        "declined".equals(done) ? "The suggestion was declined." : null);
  }
}
