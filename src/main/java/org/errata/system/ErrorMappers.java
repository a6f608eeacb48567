package org.errata.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import org.errata.article.Articles;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.WorkflowRefusal;
import org.errata.report.ReportFormatException;
import org.errata.report.ReportImport;
import org.errata.suggestion.Suggestion;
import org.errata.suggestion.Suggestions;
import org.errata.web.ApiError;
import org.errata.web.ErrorPage;
import org.errata.web.FieldRefusal;
import org.errata.web.NotFoundHere;
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
  public Response notFound(Articles.NotFound e, HttpServerRequest request) {
    return answer(request, 404, "Not found", e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response notFound(Suggestions.NotFound e, HttpServerRequest request) {
    return answer(request, 404, "Not found", e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundHere e, HttpServerRequest request) {
    return answer(request, 404, "Not found", e.getMessage(), null);
  }

  @ServerExceptionMapper
  public Response invalid(FieldRefusal e, HttpServerRequest request) {
    return answer(request, 400, "Invalid", e.getMessage(), e.field);
  }

  @ServerExceptionMapper
  public Response invalid(Suggestion.Refused e, HttpServerRequest request) {
    Suggestion.Problem first = e.problems.get(0);
    return answer(request, 400, "Invalid", first.message(), first.field());
  }

  @ServerExceptionMapper
  public Response tooMany(Suggestions.TooMany e, HttpServerRequest request) {
    return Response.fromResponse(answer(request, 429, "Please wait", e.getMessage(), null))
        .header("Retry-After", Math.max(1, e.retryAfter.toSeconds()))
        .build();
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

  /** Signed in, but not allowed here: the admins' pages and API, for an editor. */
  @ServerExceptionMapper
  public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
    return answer(
        request,
        403,
        "Not allowed",
        "Only an admin may do this. Ask one of your admins if it needs doing.",
        null);
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response badJson(JsonProcessingException e, HttpServerRequest request) {
    return answer(request, 400, "Bad request", jsonSentence(e), jsonField(e));
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response badJson(MismatchedInputException e, HttpServerRequest request) {
    return answer(request, 400, "Bad request", jsonSentence(e), jsonField(e));
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response badJson(JsonParseException e, HttpServerRequest request) {
    return answer(request, 400, "Bad request", jsonSentence(e), null);
  }

  /** "sources[0].url", from where in the body Jackson stopped. */
  static String jsonField(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return null;
    }
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        field.append('[').append(r.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? null : field.toString();
  }

  static String jsonSentence(JsonProcessingException e) {
    String field = jsonField(e);
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    if (e instanceof MismatchedInputException m) {
      if (field == null) {
        return "The body must be a JSON object" + where + ".";
      }
      return "\"" + field + "\" must be " + expected(m.getTargetType()) + where + ".";
    }
    return "The body is not the JSON this endpoint expects" + where + ".";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "text (a JSON string)";
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    return "a JSON object";
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
    if (whileReadingTheForm(e)) {
      return answer(
          request,
          400,
          "Bad request",
          "The form could not be read: it is malformed (a broken %-escape, too many fields or a"
              + " cut-off upload). Reload the page and send it again.",
          null);
    }
    LOG.error("Unexpected failure on " + request.method() + " " + request.path(), e);
    return answer(
        request,
        500,
        "Something went wrong",
        "Something went wrong on our side and was logged. Nothing you typed is wrong.",
        null);
  }

  /** A failure of the framework's own form parsing: the client's body, not Errata, is at fault. */
  static boolean whileReadingTheForm(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        String c = frame.getClassName();
        if (c.startsWith("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")
            || c.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
          return true;
        }
      }
    }
    return false;
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
