package org.errata.article;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any spelling of an article's address into one key, so that readers find an article however
 * they pasted its URL (BRIEF.md, "URL normalization").
 *
 * <p>The key has no scheme (http and https are one article): {@code host[:port]/path[?query]}.
 */
public final class ArticleUrl {

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(//)?");
  private static final Set<String> TRACKING = Set.of("gclid", "fbclid", "mc_cid", "mc_eid");
  private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");
  private static final Pattern HOST_LABELS = Pattern.compile("[a-z0-9.-]+|\\[[0-9a-f:.]+\\]");

  private ArticleUrl() {}

  /** Thrown with a sentence a person can act on. */
  public static final class InvalidUrl extends IllegalArgumentException {
    InvalidUrl(String message) {
      super(message);
    }
  }

  /** The normalized key of {@code url}; throws {@link InvalidUrl} when it is not a web address. */
  public static String key(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidUrl("Enter the article's address.");
    }
    String s = url.strip();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
        throw new InvalidUrl("A web address cannot contain spaces.");
      }
    }
    Matcher scheme = SCHEME.matcher(s);
    if (scheme.find() && (scheme.group(2) != null || !looksLikeHostAndPort(s))) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("http") && !name.equals("https")) {
        throw new InvalidUrl("Only http:// and https:// addresses can be used, not " + name + ":.");
      }
      s = s.substring(scheme.end());
    } else if (s.startsWith("//")) {
      s = s.substring(2);
    }
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int end = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?') {
        end = i;
        break;
      }
    }
    String authority = s.substring(0, end);
    String rest = s.substring(end);
    String path = rest;
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      path = rest.substring(0, q);
      query = rest.substring(q + 1);
    }
    return host(authority) + path(path) + query(query);
  }

  /** True when {@code url} can be turned into a key. */
  public static boolean isValid(String url) {
    try {
      key(url);
      return true;
    } catch (InvalidUrl e) {
      return false;
    }
  }

  // "example.com:8080/x" parses as scheme "example.com" without this check.
  private static boolean looksLikeHostAndPort(String s) {
    return s.matches("^[^:/]+:\\d+(?:[/?#].*)?$");
  }

  private static String host(String authority) {
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String host = authority;
    String port = "";
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && !authority.endsWith("]")) {
      host = authority.substring(0, colon);
      port = authority.substring(colon + 1);
    }
    if (!port.isEmpty() && !port.matches("\\d{1,5}")) {
      throw new InvalidUrl("The port in that address is not a number.");
    }
    if (port.equals("80") || port.equals("443")) {
      port = "";
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new InvalidUrl("That address has no host name (like example.com).");
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidUrl("The host name in that address is not valid.");
    }
    if (!HOST_LABELS.matcher(host).matches() || host.startsWith(".") || host.contains("..")) {
      throw new InvalidUrl("The host name in that address is not valid.");
    }
    if (host.startsWith("www.") && host.length() > 4) {
      host = host.substring(4);
    }
    return port.isEmpty() ? host : host + ":" + port;
  }

  private static String path(String path) {
    String p = percent(path).replaceAll("/{2,}", "/");
    p = removeDotSegments(p);
    if (p.isEmpty()) {
      return "/";
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    List<String> out = new ArrayList<>();
    String[] parts = path.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(part);
    }
    return "/" + String.join("/", out);
  }

  private static String query(String query) {
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("utm_") || TRACKING.contains(lower)) {
        continue;
      }
      kept.add(percent(pair));
    }
    if (kept.isEmpty()) {
      return "";
    }
    kept.sort(null);
    return "?" + String.join("&", kept);
  }

  /** Upper-cases percent-escapes and decodes the ones that stand for unreserved characters. */
  private static String percent(String s) {
    Matcher m = PERCENT.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int value = Integer.parseInt(m.group(1), 16);
      char c = (char) value;
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              unreserved ? String.valueOf(c) : "%" + m.group(1).toUpperCase(Locale.ROOT)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
