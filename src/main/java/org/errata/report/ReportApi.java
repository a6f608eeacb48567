package org.errata.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import org.errata.api.CorrectionJson;
import org.errata.api.Idempotency;
import org.jboss.resteasy.reactive.RestHeader;

/** {@code POST /api/reports}: a plain-text report in, its corrections out as drafts. */
@Path("/api/reports")
@RolesAllowed(Account.EDITOR)
public class ReportApi {

  @Inject ReportImport reports;
  @Inject Me me;
  @Inject Idempotency idempotency;

  /** The drafts a report became, in report order. */
  public record Imported(List<CorrectionJson> corrections) {}

  @POST
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "One draft per correction in the report, in report order",
      content = @Content(schema = @Schema(implementation = Imported.class)))
  public Response importReport(byte[] body, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
    byte[] report = body == null ? new byte[0] : body;
    return idempotency.once(
        idempotencyKey,
        me.account().id,
        "POST /api/reports",
        report,
        () -> {
          // Committed before the answer is stored for retries.
          List<CorrectionJson> created =
              QuarkusTransaction.requiringNew()
                  .call(
                      () ->
                          reports.importBytes(report, me.account()).stream()
                              .map(c -> CorrectionJson.of(c, me.account()))
                              .toList());
          return Response.status(Response.Status.CREATED).entity(new Imported(created)).build();
        });
  }
}
