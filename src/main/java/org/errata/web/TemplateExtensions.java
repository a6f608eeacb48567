package org.errata.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display helpers for every template, in one place. */
@TemplateExtension
public class TemplateExtensions {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** "27 November 2026". */
  static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  /** "27 Nov 2026, 23:40 UTC". */
  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  /** ISO-8601 for datetime attributes. */
  static String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /**
   * A link target (and the address to fetch) for an address typed with or without its scheme: one
   * typed without is taken to be https.
   */
  public static String href(String url) {
    if (url == null) {
      return "";
    }
    String a = url.strip();
    String lower = a.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return a;
    }
    return "https://" + (a.startsWith("//") ? a.substring(2) : a);
  }

  /** For a query parameter. */
  static String encoded(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** "1 correction", "2 corrections". */
  static String count(Integer n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  /** The first {@code max} characters, with an ellipsis when cut. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1).stripTrailing() + "…";
  }
}
