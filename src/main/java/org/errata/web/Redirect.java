package org.errata.web;

import jakarta.ws.rs.core.Response;

/**
 * Redirects with a relative {@code Location}, so the address a client sent in its Host header is
 * never echoed into one (JAX-RS would make {@code seeOther(URI)} absolute from that header).
 */
public final class Redirect {

  private Redirect() {}

  /** 303 See Other to {@code path}, which must be a path on this site. */
  public static Response seeOther(String path) {
    return to(path).build();
  }

  /** The same, as a builder for adding cookies. */
  public static Response.ResponseBuilder to(String path) {
    if (!isLocal(path)) {
      throw new IllegalArgumentException("not a path on this site: " + path);
    }
    return Response.status(Response.Status.SEE_OTHER).header("Location", path);
  }

  /**
   * A path on this site and nothing else: starts with one slash, no scheme, no host, no backslash
   * and no control character.
   */
  public static boolean isLocal(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
