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

  /**
   * Tracking and share parameters (BRIEF.md), dropped from keys and from what readers see. Names
   * ending in "_" are prefixes. {@code errata.url.tracking-parameters} adds more.
   */
  static final Set<String> TRACKING =
      Set.of(
          "utm_",
          "vero_",
          "oly_",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "fbclid",
          "msclkid",
          "yclid",
          "twclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "spm",
          "ncid",
          "cmpid",
          "ito",
          "ref",
          "ref_src",
          "ref_url",
          "share",
          "s",
          "smid",
          "sr_share",
          "r",
          "triedredirect",
          "showwelcome",
          "publication_id",
          "post_id",
          "isfreemail",
          // what AMP viewers and caches add
          "amp_",
          "usqp",
          "aoh",
          "_gsa");

  /** Values of {@code source} that name a channel rather than content. */
  static final Set<String> CHANNELS =
      Set.of(
          "rss",
          "feed",
          "atom",
          "twitter",
          "x",
          "facebook",
          "fb",
          "linkedin",
          "reddit",
          "hn",
          "hackernews",
          "email",
          "newsletter",
          "mail",
          "share",
          "social",
          "substack",
          "app",
          "mastodon",
          "bluesky",
          "threads",
          "instagram",
          "whatsapp",
          "telegram",
          "copy",
          "web",
          "direct",
          "post_page",
          "homepage",
          "frontpage");

  /** AMP variants of an address: a parameter and its value that only ask for the AMP page. */
  static final Set<String> AMP_PARAMETERS = Set.of("amp=1", "amp=true", "amp=", "outputtype=amp");

  private static volatile Set<String> configured;

  /** The table, with what configuration adds ({@code errata.url.tracking-parameters}). */
  static Set<String> tracking() {
    Set<String> t = configured;
    if (t == null) {
      java.util.HashSet<String> all = new java.util.HashSet<>(TRACKING);
      try {
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("errata.url.tracking-parameters", String.class)
            .ifPresent(
                extra -> {
                  for (String name : extra.split(",")) {
                    if (!name.isBlank()) {
                      all.add(name.strip().toLowerCase(Locale.ROOT));
                    }
                  }
                });
      } catch (RuntimeException | LinkageError e) {
        // No configuration here (a plain unit test): the built-in table.
      }
      t = Set.copyOf(all);
      configured = t;
    }
    return t;
  }

  /** Whether the parameter {@code name=value} only tracks or marks a share. */
  static boolean isTracking(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("source")) {
      return value != null && CHANNELS.contains(value.toLowerCase(Locale.ROOT));
    }
    if (AMP_PARAMETERS.contains(n + "=" + (value == null ? "" : value.toLowerCase(Locale.ROOT)))) {
      return true;
    }
    for (String t : tracking()) {
      if (t.endsWith("_") ? n.startsWith(t) : n.equals(t)) {
        return true;
      }
    }
    return false;
  }

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
    String hashBang = "";
    int hash = s.indexOf('#');
    if (hash >= 0) {
      // A hash-bang route (#!/story/1) is part of the address on sites that route that way.
      if (s.startsWith("#!", hash)) {
        hashBang = s.substring(hash);
      }
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
    String host = host(authority);
    String cached = ampCache(host, path, query);
    if (cached != null) {
      return key(cached);
    }
    return host + path(path) + query(query) + hashBang;
  }

  /**
   * The publisher's address inside an AMP cache address ({@code
   * example-com.cdn.ampproject.org/c/s/example.com/a}, {@code google.com/amp/s/example.com/a}), or
   * null.
   */
  private static String ampCache(String host, String path, String query) {
    String inner = null;
    if (host.endsWith(".cdn.ampproject.org") || host.equals("cdn.ampproject.org")) {
      for (String prefix : List.of("/c/s/", "/v/s/", "/i/s/", "/c/", "/v/", "/i/")) {
        if (path.startsWith(prefix)) {
          inner = path.substring(prefix.length());
          break;
        }
      }
    } else if (host.matches("google\\.[a-z.]+") && path.startsWith("/amp/")) {
      inner = path.startsWith("/amp/s/") ? path.substring(7) : path.substring(5);
    }
    if (inner == null || inner.isEmpty() || !inner.contains(".")) {
      return null;
    }
    return inner + (query.isEmpty() ? "" : "?" + query);
  }

  /**
   * What readers see of an address: as typed, but without tracking and share parameters and without
   * a fragment (a hash-bang route stays).
   */
  public static String clean(String url) {
    if (url == null) {
      return null;
    }
    String s = url.strip();
    String hashBang = "";
    int hash = s.indexOf('#');
    if (hash >= 0) {
      if (s.startsWith("#!", hash)) {
        hashBang = s.substring(hash);
      }
      s = s.substring(0, hash);
    }
    int q = s.indexOf('?');
    if (q < 0) {
      return s + hashBang;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : s.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq >= 0 ? pair.substring(0, eq) : pair;
      String value = eq >= 0 ? pair.substring(eq + 1) : null;
      if (!isTracking(name, value)) {
        kept.add(pair);
      }
    }
    return s.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + hashBang;
  }

  /**
   * The publication of an article with this key: its host, without port ({@code
   * oneusefulthing.org}). Also what a reader types for {@code /sites/{domain}}, folded the same
   * way.
   */
  public static String site(String keyOrDomain) {
    String s = keyOrDomain.strip().toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int end = s.length();
    for (char c : new char[] {'/', '?', '#', ':'}) {
      int at = s.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    s = s.substring(0, end);
    for (String prefix : List.of("www.", "m.", "mobile.", "amp.")) {
      if (s.startsWith(prefix) && s.indexOf('.', prefix.length()) > 0) {
        s = s.substring(prefix.length());
      }
    }
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
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
    for (String mobile : List.of("m.", "mobile.", "amp.")) {
      // Only when what is left is still a domain (m.example.com, not m.co).
      if (host.startsWith(mobile) && host.indexOf('.', mobile.length()) > 0) {
        host = host.substring(mobile.length());
        break;
      }
    }
    return port.isEmpty() ? host : host + ":" + port;
  }

  private static String path(String path) {
    String p = percent(path).replaceAll("/{2,}", "/");
    p = removeDotSegments(p);
    p = trimSlashes(p);
    for (String index : List.of("/index.html", "/index.htm", "/index.php")) {
      if (p.toLowerCase(Locale.ROOT).endsWith(index)) {
        p = trimSlashes(p.substring(0, p.length() - index.length()));
        break;
      }
    }
    if (p.endsWith("/amp") || p.equals("/amp")) {
      p = trimSlashes(p.substring(0, p.length() - 4));
    }
    return p.isEmpty() ? "/" : p;
  }

  private static String trimSlashes(String p) {
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
      String value = pair.contains("=") ? pair.substring(pair.indexOf('=') + 1) : null;
      if (isTracking(percent(name), value == null ? null : percent(value))) {
        continue;
      }
      // "+" and "%20" both mean a space in a query.
      kept.add(percent(pair.replace("+", "%20")));
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
