package org.errata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.CorrectionDesk;
import org.errata.evidence.Checking;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The editors' JSON API (api.md, "Corrections" and "Checking passages and quotes"). Each method is
 * one call into the desk (and, on saving, the checks); the answer is read back in its own
 * transaction, from exactly what was stored, with the actions the caller may take next.
 */
@Path("/api/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CorrectionApi {

  @Inject CorrectionDesk desk;
  @Inject Checking checking;
  @Inject Me me;
  @Inject Idempotency idempotency;
  @Inject ObjectMapper mapper;

  @POST
  @APIResponse(
      responseCode = "201",
      description = "The new draft; Location says where it lives",
      content = @Content(schema = @Schema(implementation = CorrectionJson.class)))
  public Response create(
      CorrectionJson.Request body, @RestHeader(Idempotency.HEADER) String idempotencyKey)
      throws JsonProcessingException {
    CorrectionJson.Request request = body(body);
    return idempotency.once(
        idempotencyKey,
        me.account().id,
        "POST /api/corrections",
        mapper.writeValueAsBytes(request),
        () -> {
          long id = desk.propose(request.content(), me.account()).id;
          List<String> problems =
              checking.checkAll(id, request.articleText(), request.pageTexts(), me.account());
          // A relative Location: never built from the Host header the client sent.
          return Response.status(Response.Status.CREATED)
              .header("Location", Links.apiCorrection(id))
              .entity(json(id).withCheckProblems(problems))
              .build();
        });
  }

  @GET
  public CorrectionJson.Page list(
      @RestQuery String url,
      @RestQuery String status,
      @RestQuery String limit,
      @RestQuery String before) {
    return QuarkusTransaction.requiringNew()
        .call(() -> CorrectionJson.page(url, status, limit, before, me.account()));
  }

  @GET
  @Path("{id}")
  public CorrectionJson get(@RestPath long id) {
    return json(id);
  }

  @PUT
  @Path("{id}")
  public CorrectionJson update(@RestPath long id, CorrectionJson.Request body) {
    CorrectionJson.Request request = body(body);
    desk.save(id, request.version(), request.content(), request.changeNote(), me.account());
    List<String> problems =
        checking.checkAll(id, request.articleText(), request.pageTexts(), me.account());
    return json(id).withCheckProblems(problems);
  }

  /** Checks the passage and every quote again, fetching the pages when fetching is on. */
  @POST
  @Path("{id}/check")
  public CorrectionJson check(@RestPath long id) {
    List<String> problems = checking.checkAll(id, null, null, me.account());
    return json(id).withCheckProblems(problems);
  }

  @POST
  @Path("{id}/submit")
  public CorrectionJson submit(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.submit(id, version(body), me.account(), body == null ? null : body.reviewer());
    return json(id);
  }

  @POST
  @Path("{id}/recall")
  public CorrectionJson recall(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.recall(id, version(body), me.account());
    return json(id);
  }

  @POST
  @Path("{id}/delete")
  public CorrectionJson delete(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.delete(id, version(body), me.account());
    return json(id);
  }

  @POST
  @Path("{id}/approve")
  public CorrectionJson approve(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.approve(id, version(body), me.account(), body == null ? null : body.override());
    return json(id);
  }

  @POST
  @Path("{id}/request-changes")
  public CorrectionJson requestChanges(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.requestChanges(id, version(body), me.account(), body == null ? null : body.comment());
    return json(id);
  }

  @POST
  @Path("{id}/publish")
  public CorrectionJson publish(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.publish(id, version(body), me.account());
    return json(id);
  }

  @POST
  @Path("{id}/withdraw")
  public CorrectionJson withdraw(@RestPath long id, CorrectionJson.ActionRequest body) {
    desk.withdraw(id, version(body), me.account(), body == null ? null : body.reason());
    return json(id);
  }

  private CorrectionJson json(long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> CorrectionJson.of(desk.find(id), me.account()));
  }

  /** The version the client read, when it sent one: a stale one is refused with 409. */
  private static Long version(CorrectionJson.ActionRequest body) {
    return body == null ? null : body.version();
  }

  private static CorrectionJson.Request body(CorrectionJson.Request body) {
    if (body == null) {
      throw new BadRequestException("Send the correction as a JSON object.");
    }
    return body;
  }
}
