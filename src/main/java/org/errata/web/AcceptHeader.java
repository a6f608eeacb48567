package org.errata.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Accept} header that cannot be read ({@code *}{@code /*;q=abc}) is a 400 with a
 * sentence, rather than a failure deep inside content negotiation.
 */
public class AcceptHeader {

  @ServerRequestFilter(preMatching = true, priority = 10)
  public Response check(ContainerRequestContext request) {
    for (String header : request.getHeaders().getOrDefault("Accept", List.of())) {
      if (!readable(header)) {
        return ErrorPage.answer(
            request.getUriInfo().getPath(),
            400,
            ErrorPage.title(400),
            "The Accept header cannot be read; send a list of media types such as text/html.",
            null);
      }
    }
    return null;
  }

  /** Media ranges with, at most, quality values between 0 and 1 (three decimals). */
  static boolean readable(String header) {
    if (header.length() > 2000) {
      return false;
    }
    for (String range : header.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip();
      if (!type.isEmpty()
          && !type.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        return false;
      }
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("q=")
            && !p.substring(2).strip().matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
          return false;
        }
      }
    }
    return true;
  }
}
