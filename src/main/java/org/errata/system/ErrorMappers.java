package org.errata.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.WorkflowRefusal;
import org.errata.report.ReportFormatException;
import org.errata.report.ReportImport;
import org.errata.web.ApiError;
import org.errata.web.ErrorPage;
import org.errata.web.Paths;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an answer a person or program can act on: JSON {@code {"error"}} under
 * /api, an HTML page elsewhere, and never a stack trace.
 */
public class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public Response notFound(CorrectionDesk.NotFound e, HttpServerRequest request) {
    return answer(request, 404, "Not found", e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response stale(CorrectionDesk.StaleVersion e, HttpServerRequest request) {
    return answer(request, 409, "Changed by someone else", e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response stale(OptimisticLockException e, HttpServerRequest request) {
    return concurrent(request);
  }

  @ServerExceptionMapper
  public Response stale(StaleStateException e, HttpServerRequest request) {
    return concurrent(request);
  }

  @ServerExceptionMapper
  public Response invalid(CorrectionDesk.InvalidContent e, HttpServerRequest request) {
    CorrectionDesk.Problem first = e.problems.get(0);
    return answer(request, 400, "Invalid", first.message(), first.field());
  }

  @ServerExceptionMapper
  public Response refused(WorkflowRefusal e, HttpServerRequest request) {
    return answer(request, e.kind.status, "Not possible", e.getMessage(), e.field);
  }

  @ServerExceptionMapper
  public Response badReport(ReportFormatException e, HttpServerRequest request) {
    if (isApi(request)) {
      return Response.status(422)
          .type(MediaType.APPLICATION_JSON)
          .entity(new ApiError(e.sentence(), null, e.line))
          .build();
    }
    return answer(request, 422, "Report refused", e.sentence(), null);
  }

  @ServerExceptionMapper
  public Response tooLarge(ReportImport.TooLarge e, HttpServerRequest request) {
    return answer(request, 413, "Report too large", e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e, HttpServerRequest request) {
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return answer(
        request,
        400,
        "Bad request",
        "The body is not the JSON this endpoint expects" + where + ".",
        null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, HttpServerRequest request) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, request);
    }
    String message =
        switch (status) {
          case 404 -> "There is nothing at this address.";
          case 405 -> "This address does not accept that method.";
          case 406 -> "This address cannot answer in the format asked for.";
          case 415 -> "Send the body as the media type this address expects.";
          default ->
              e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                  ? "The request could not be understood."
                  : e.getMessage();
        };
    return answer(request, status, title(status), message, null);
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, HttpServerRequest request) {
    LOG.error("Unexpected failure on " + request.method() + " " + request.path(), e);
    return answer(
        request,
        500,
        "Something went wrong",
        "Something went wrong on our side and was logged. Nothing you typed is wrong.",
        null);
  }

  private static Response concurrent(HttpServerRequest request) {
    return answer(
        request,
        409,
        "Changed by someone else",
        "Someone else changed this correction at the same moment. Nothing was overwritten: reload"
            + " and try again.",
        null);
  }

  private static String title(int status) {
    return ErrorPage.title(status);
  }

  static boolean isApi(HttpServerRequest request) {
    return Paths.isApi(request.path());
  }

  private static Response answer(
      HttpServerRequest request, int status, String title, String message, String field) {
    return ErrorPage.answer(request.path(), status, title, message, field);
  }
}
