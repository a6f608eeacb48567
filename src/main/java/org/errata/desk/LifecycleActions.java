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
import org.errata.correction.CorrectionDesk;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * After publication: an amendment (with its public change note) or a withdrawal (with a reason).
 */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LifecycleActions {

  @Inject CorrectionDesk desk;
  @Inject PageAnswers answers;
  @Inject Me me;

  /** Starts an amendment with its public change note, then opens it for editing. */
  @POST
  @Path("{id}/amendment")
  public Response amend(@RestPath long id, @RestForm String version, @RestForm String changeNote) {
    return answers.act(
        id,
        PageView.CHANGE_NOTE,
        changeNote,
        () -> desk.amend(id, CorrectionForm.parseVersion(version), changeNote, me.account()),
        Links.edit(id));
  }

  /** Withdraws with a public reason; the correction stays readable, marked withdrawn. */
  @POST
  @Path("{id}/withdrawal")
  public Response withdraw(@RestPath long id, @RestForm String version, @RestForm String reason) {
    return answers.act(
        id,
        PageView.WITHDRAWAL,
        reason,
        () -> desk.withdraw(id, CorrectionForm.parseVersion(version), me.account(), reason),
        Links.correction(id));
  }
}
