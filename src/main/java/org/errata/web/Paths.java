package org.errata.web;

/**
 * The three kinds of address Errata answers, in one place: the editors' desk (signed in with the
 * session cookie, forms with CSRF tokens), the editors' JSON API (HTTP Basic or an API token, never
 * the cookie) and everything public (no credentials at all).
 */
public final class Paths {

  private Paths() {}

  /** The desk: {@code /editor} and below. */
  public static boolean isDesk(String path) {
    return path != null && (path.equals("/editor") || path.startsWith("/editor/"));
  }

  /** Any JSON API address, public or not. */
  public static boolean isApi(String path) {
    return path != null && (path.equals("/api") || path.startsWith("/api/"));
  }

  /** The API anyone may read, which ignores credentials. */
  public static boolean isPublicApi(String path) {
    return path != null && (path.equals("/api/public") || path.startsWith("/api/public/"));
  }

  /** The editors' API: every API address that is not public. */
  public static boolean isEditorApi(String path) {
    return isApi(path) && !isPublicApi(path);
  }
}
