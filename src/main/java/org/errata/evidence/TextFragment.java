package org.errata.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Links that take a browser to the quoted words and highlight them: the page's address with a text
 * fragment ({@code #:~:text=…}, WICG Text Fragments), with "-", "&amp;" and "," escaped as the
 * syntax requires. A quote with an ellipsis, or a long one, becomes {@code textStart,textEnd}.
 */
public final class TextFragment {

  /** Quotes of more words than this link by their first and last words. */
  static final int LONG = 12;

  static final int EDGE_WORDS = 5;

  private TextFragment() {}

  public static String link(String url, String words) {
    if (url == null || words == null || words.isBlank()) {
      return url;
    }
    String base = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
    return base + "#:~:text=" + directive(words);
  }

  /** The {@code text=} value for {@code words}. */
  static String directive(String words) {
    List<String> parts = TextMatcher.parts(words);
    if (parts.isEmpty()) {
      return encode(words.strip());
    }
    String first = parts.get(0);
    String last = parts.get(parts.size() - 1);
    if (parts.size() == 1) {
      List<String> w = words(first);
      if (w.size() <= LONG) {
        return encode(first);
      }
      return encode(String.join(" ", w.subList(0, EDGE_WORDS)))
          + ","
          + encode(String.join(" ", w.subList(w.size() - EDGE_WORDS, w.size())));
    }
    List<String> start = words(first);
    List<String> end = words(last);
    return encode(String.join(" ", start.subList(0, Math.min(EDGE_WORDS, start.size()))))
        + ","
        + encode(String.join(" ", end.subList(Math.max(0, end.size() - EDGE_WORDS), end.size())));
  }

  private static List<String> words(String s) {
    return new ArrayList<>(Arrays.asList(s.strip().split("\\s+")));
  }

  /** Percent-encodes everything but letters, digits and {@code . _ ~} (so "-", "&", "," too). */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
