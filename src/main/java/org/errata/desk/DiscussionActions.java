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

/** The review thread: a comment, optionally on one field or source, and its resolution. */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class DiscussionActions {

  @Inject CorrectionDesk desk;
  @Inject PageAnswers answers;
  @Inject Me me;

  @POST
  @Path("{id}/comments")
  public Response comment(@RestPath long id, @RestForm String body, @RestForm String field) {
    return answers.act(
        id,
        PageView.NEW_COMMENT,
        body,
        () -> desk.comment(id, me.account(), body, field),
        Links.correction(id, "discussion"));
  }

  @POST
  @Path("{id}/comments/{comment}/resolution")
  public Response resolve(@RestPath long id, @RestPath long comment) {
    return answers.act(
        id,
        null,
        null,
        () -> desk.resolveComment(id, comment, me.account()),
        Links.correction(id, "discussion"));
  }
}
