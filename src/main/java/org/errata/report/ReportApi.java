package org.errata.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.api.CorrectionJson;

/** {@code POST /api/reports}: a plain-text report in, its corrections out as drafts. */
@Path("/api/reports")
@RolesAllowed(Account.EDITOR)
@Transactional
public class ReportApi {

  @Inject ReportImport reports;
  @Inject Me me;

  /** The drafts a report became, in report order. */
  public record Imported(List<CorrectionJson> corrections) {}

  @POST
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
  @Produces(MediaType.APPLICATION_JSON)
  public Response importReport(byte[] body) {
    List<CorrectionJson> created =
        reports.importBytes(body == null ? new byte[0] : body, me.account()).stream()
            .map(c -> CorrectionJson.of(c, me.account()))
            .toList();
    return Response.status(Response.Status.CREATED).entity(new Imported(created)).build();
  }
}
