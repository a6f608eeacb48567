package org.errata.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

/**
 * The answer to any failure that happens outside a resource (a body over the size limit, a request
 * refused before it reached one): the usual JSON sentence or a plain Errata page, with the usual
 * headers, never Quarkus' default page and never a stack trace. Only failures that are Errata's own
 * fault are 5xx, and those are logged.
 */
@ApplicationScoped
public class LastResort {

  private static final Logger LOG = Logger.getLogger(LastResort.class);

  @Inject
  @Location("system/plain-error.html")
  Template page;

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::handle);
  }

  void handle(RoutingContext rc) {
    if (rc.response().ended() || rc.response().headWritten()) {
      return;
    }
    Throwable failure = rc.failure();
    int status = rc.statusCode();
    if (failure instanceof WebApplicationException w) {
      status = w.getResponse().getStatus();
    }
    if (status < 400) {
      status = 500;
    }
    if (status >= 500) {
      LOG.error(
          "Unexpected failure on " + rc.request().method() + " " + rc.request().path(), failure);
    }
    answer(rc, status);
  }

  /** Ends the response with {@code status}, its sentence, and the usual headers. */
  void answer(RoutingContext rc, int status) {
    String message = sentence(status);
    rc.response().setStatusCode(status);
    if (Paths.isApi(rc.normalizedPath())) {
      rc.response()
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(new JsonObject().put("error", message).encode());
    } else {
      rc.response()
          .putHeader("Content-Type", "text/html; charset=UTF-8")
          .end(
              page.data("status", status)
                  .data("title", ErrorPage.title(status))
                  .data("message", message)
                  .data("requestId", RequestIds.of(rc))
                  .render());
    }
  }

  static String sentence(int status) {
    return switch (status) {
      case 400 -> "The request could not be understood.";
      case 401 -> "Sign in first.";
      case 403 -> "You may not do that.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that method.";
      case 413 ->
          "The request is larger than Errata accepts (2 MiB); send less, or split a report into"
              + " several.";
      case 414 -> "The address is too long.";
      case 415 -> "Send the body as the media type this address expects.";
      case 431 -> "The request's headers are too large.";
      default ->
          status >= 500
              ? "Something went wrong on our side and was logged. Nothing you sent is wrong."
              : "The request could not be accepted.";
    };
  }
}
