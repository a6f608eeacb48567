package org.errata.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.errata.account.Me;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.WorkflowRefusal;
import org.errata.evidence.Checking;
import org.errata.evidence.PageFetcher;
import org.errata.web.Redirect;

/**
 * The one way the correction page's forms answer: post/redirect/get when the change was made, and
 * otherwise the page again with the sentence and the text typed kept in the form. A refusal of what
 * was typed (an empty reason, a text too long, a page that could not be fetched) goes beside its
 * form; any other (the wrong state, the wrong person, a stale version) at the top of the page.
 */
@ApplicationScoped
public class PageAnswers {

  @Inject CorrectionDesk desk;
  @Inject Checking checking;
  @Inject Me me;

  /**
   * Makes the change and answers 303 to {@code then}, or the page again with the refusal at {@code
   * spot} and {@code text} kept.
   */
  public Response act(long id, String spot, String text, Runnable change, String then) {
    try {
      change.run();
      return Redirect.seeOther(then);
    } catch (WorkflowRefusal
        | CorrectionDesk.StaleVersion
        | CorrectionDesk.InvalidContent
        | PageFetcher.FetchFailed e) {
      return refused(id, spot, text, e);
    }
  }

  /** The page again after {@code e}, with its status. */
  public Response refused(long id, String spot, String text, RuntimeException e) {
    // A sentence about what was typed goes beside its form; with no form, at the top.
    boolean aboutWhatWasTyped =
        spot != null
            && ((e instanceof WorkflowRefusal r
                    && r.kind == WorkflowRefusal.Kind.INVALID
                    && (r.field == null || r.field.equals(spot)))
                || e instanceof PageFetcher.FetchFailed
                || e instanceof CorrectionDesk.InvalidContent);
    int status =
        e instanceof WorkflowRefusal r
            ? r.kind.status
            : e instanceof PageFetcher.FetchFailed
                ? 422
                : e instanceof CorrectionDesk.InvalidContent ? 400 : 409;
    PageView view =
        PageView.of(
            desk.find(id),
            me.account(),
            checking.canFetch(),
            aboutWhatWasTyped ? null : e.getMessage(),
            spot == null
                ? null
                : new PageView.Typed(
                    spot,
                    aboutWhatWasTyped ? e.getMessage() : null,
                    text,
                    e instanceof PageFetcher.FetchFailed));
    return Response.status(status).entity(CorrectionPage.Templates.page(view, false)).build();
  }
}
