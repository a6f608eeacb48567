package org.errata.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error as the asker understands it: JSON {@code {"error"}} for the API, Errata's own page for a
 * browser. Never a stack trace.
 */
public final class ErrorPage {

  private ErrorPage() {}

  @CheckedTemplate(basePath = "system")
  static class Templates {
    static native TemplateInstance error(
        int status, String title, String message, String requestId);
  }

  /** The answer for {@code path}: JSON under /api, a page elsewhere. */
  public static Response answer(
      String path, int status, String title, String message, String field) {
    if (Paths.isApi(path)) {
      return json(status, new ApiError(message, field, null));
    }
    return html(status, title, message);
  }

  public static Response json(int status, ApiError error) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }

  public static Response html(int status, String title, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(Templates.error(status, title, message, RequestIds.current()))
        .build();
  }

  /** The usual title of a status. */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Sign-in needed";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Changed by someone else";
      case 413 -> "Too large";
      case 414 -> "Address too long";
      case 415 -> "Unsupported format";
      case 429 -> "Too many attempts";
      case 431 -> "Headers too large";
      default -> status >= 500 ? "Something went wrong" : "Error " + status;
    };
  }
}
