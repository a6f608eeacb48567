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

/** The review's steps, each its own small resource: submission, approval, changes, publication. */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ReviewActions {

  @Inject CorrectionDesk desk;
  @Inject PageAnswers answers;
  @Inject Me me;

  @POST
  @Path("{id}/submission")
  public Response submit(@RestPath long id, @RestForm String version, @RestForm String reviewer) {
    return answers.act(
        id,
        PageView.REVIEWER,
        reviewer,
        () -> desk.submit(id, CorrectionForm.parseVersion(version), me.account(), reviewer),
        Links.correction(id));
  }

  /** The author takes the submission back, before a reviewer has started on it. */
  @POST
  @Path("{id}/recall")
  public Response recall(@RestPath long id, @RestForm String version) {
    return answers.act(
        id,
        null,
        null,
        () -> desk.recall(id, CorrectionForm.parseVersion(version), me.account()),
        Links.correction(id));
  }

  /** Deletes a never-submitted draft; its page stays, marked deleted, with its history. */
  @POST
  @Path("{id}/deletion")
  public Response delete(@RestPath long id, @RestForm String version) {
    return answers.act(
        id,
        null,
        null,
        () -> desk.delete(id, CorrectionForm.parseVersion(version), me.account()),
        Links.correction(id));
  }

  @POST
  @Path("{id}/approval")
  public Response approve(@RestPath long id, @RestForm String version, @RestForm String override) {
    return answers.act(
        id,
        PageView.OVERRIDE,
        override,
        () -> desk.approve(id, CorrectionForm.parseVersion(version), me.account(), override),
        Links.correction(id));
  }

  @POST
  @Path("{id}/changes-request")
  public Response requestChanges(
      @RestPath long id, @RestForm String version, @RestForm String comment) {
    return answers.act(
        id,
        PageView.CHANGE_REQUEST,
        comment,
        () -> desk.requestChanges(id, CorrectionForm.parseVersion(version), me.account(), comment),
        Links.correction(id));
  }

  @POST
  @Path("{id}/publication")
  public Response publish(@RestPath long id, @RestForm String version) {
    return answers.act(
        id,
        null,
        null,
        () -> desk.publish(id, CorrectionForm.parseVersion(version), me.account()),
        Links.correction(id));
  }
}
