package org.errata.publicsite;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A correction's page and an article's page answer {@code Accept: text/plain} with their report
 * (see {@link Exports}); browsers, which prefer HTML, keep getting the page. Both answers say they
 * vary by {@code Accept}, so no cache hands one to the other.
 */
public class PlainTextPages {

  private static final Pattern NEGOTIATED = Pattern.compile("/corrections/[0-9]{1,18}|/articles");

  @ServerRequestFilter(preMatching = true, priority = 20)
  public void negotiate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!NEGOTIATED.matcher(path).matches()
        || !prefersPlainText(request.getHeaders().getOrDefault("Accept", List.of()))) {
      return;
    }
    URI uri = request.getUriInfo().getRequestUri();
    String query = uri.getRawQuery();
    request.setRequestUri(
        uri.resolve(uri.getRawPath() + ".txt" + (query == null ? "" : "?" + query)));
  }

  @ServerResponseFilter
  public void vary(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (NEGOTIATED
        .matcher(path.endsWith(".txt") ? path.substring(0, path.length() - 4) : path)
        .matches()) {
      response.getHeaders().add("Vary", "Accept");
    }
  }

  /** Whether the client ranks text/plain above text/html (a bare "*" + "/*" ranks them equal). */
  static boolean prefersPlainText(List<String> headers) {
    double plain = 0;
    double html = 0;
    int plainSpecific = -1;
    int htmlSpecific = -1;
    for (String header : headers) {
      for (String range : header.split(",")) {
        String[] parts = range.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        double q = 1;
        for (int i = 1; i < parts.length; i++) {
          String p = parts[i].strip().toLowerCase(Locale.ROOT);
          if (p.startsWith("q=")) {
            try {
              q = Double.parseDouble(p.substring(2).strip());
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        int s = specificity(type, "text/plain");
        if (s > plainSpecific) {
          plainSpecific = s;
          plain = q;
        }
        s = specificity(type, "text/html");
        if (s > htmlSpecific) {
          htmlSpecific = s;
          html = q;
        }
      }
    }
    return plain > 0 && plain > html;
  }

  /** How closely {@code range} names {@code type}: 2 exactly, 1 "text/*", 0 "*" + "/*", -1 not. */
  private static int specificity(String range, String type) {
    if (range.equals(type)) {
      return 2;
    }
    if (range.equals("text/*")) {
      return 1;
    }
    return range.equals("*/*") ? 0 : -1;
  }
}
