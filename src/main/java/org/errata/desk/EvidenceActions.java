package org.errata.desk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.CheckTarget;
import org.errata.correction.CorrectionDesk;
import org.errata.evidence.Checking;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Checking the passage against the article and a quote against its page, from pasted text ({@code
 * op=paste}) or by fetching the page ({@code op=fetch}).
 */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class EvidenceActions {

  @Inject Checking checking;
  @Inject PageAnswers answers;
  @Inject Me me;

  @POST
  @Path("{id}/passage-check")
  public Response checkPassage(@RestPath long id, @RestForm String op, @RestForm String text) {
    return check(id, CheckTarget.PASSAGE, op, text);
  }

  /** Source {@code n} (1-based). */
  @POST
  @Path("{id}/sources/{n}/quote-check")
  public Response checkQuote(
      @RestPath long id, @RestPath int n, @RestForm String op, @RestForm String text) {
    if (n < 1) {
      throw new CorrectionDesk.NotFound(id);
    }
    return check(id, CheckTarget.source(n - 1), op, text);
  }

  private Response check(long id, CheckTarget target, String op, String text) {
    String spot = PageView.spot(target);
    return answers.act(
        id,
        spot,
        text,
        () ->
            checking.check(
                id, target, "fetch".equals(op) ? null : text == null ? "" : text, me.account()),
        Links.correction(id, spot));
  }
}
