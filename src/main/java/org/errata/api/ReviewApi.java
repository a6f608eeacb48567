package org.errata.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.ReviewComment;
import org.jboss.resteasy.reactive.RestPath;

/** A correction's review thread and history (api.md, "Review comments" and "history"). */
@Path("/api/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewApi {

  @Inject CorrectionDesk desk;
  @Inject Me me;

  /** The working revision's review thread. */
  @GET
  @Path("{id}/comments")
  public CorrectionJson.Thread comments(@RestPath long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new CorrectionJson.Thread(
                    desk.find(id).thread().stream().map(CorrectionJson.CommentJson::of).toList()));
  }

  /** Adds a comment, optionally on a field ("summary") or a source ("source-2"). */
  @POST
  @Path("{id}/comments")
  public Response comment(@RestPath long id, CorrectionJson.CommentBody body) {
    ReviewComment c =
        desk.comment(
            id,
            me.account(),
            body == null ? null : body.body(),
            body == null ? null : body.field());
    return Response.status(201)
        .entity(
            QuarkusTransaction.requiringNew()
                .call(() -> CorrectionJson.CommentJson.of(ReviewComment.findById(c.id))))
        .build();
  }

  @POST
  @Path("{id}/comments/{comment}/resolve")
  public CorrectionJson.Thread resolve(@RestPath long id, @RestPath long comment) {
    desk.resolveComment(id, comment, me.account());
    return comments(id);
  }

  /** Every event of the correction, oldest first. */
  @GET
  @Path("{id}/history")
  public CorrectionJson.History history(@RestPath long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new CorrectionJson.History(
                    desk.find(id).history.stream().map(CorrectionJson.EventJson::of).toList()));
  }
}
