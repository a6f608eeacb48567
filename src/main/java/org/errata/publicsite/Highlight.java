package org.errata.publicsite;

import java.util.ArrayList;
import java.util.List;

/** Text cut into pieces, the words a reader searched for marked, for a template to escape. */
public final class Highlight {

  private Highlight() {}

  /** A piece of text; {@code hit}: one of the words searched for. */
  public record Piece(String text, boolean hit) {}

  /** {@code text} whole, with every word whose folded form is in {@code terms} marked. */
  public static List<Piece> of(String text, List<String> terms) {
    List<Piece> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int at = 0;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String folded = SearchIndex.fold(text.substring(start, i));
        if (folded != null && terms.contains(folded)) {
          if (start > at) {
            out.add(new Piece(text.substring(at, start), false));
          }
          out.add(new Piece(text.substring(start, i), true));
          at = i;
        }
        start = -1;
      }
    }
    if (at < text.length()) {
      out.add(new Piece(text.substring(at), false));
    }
    return out;
  }

  /**
   * About {@code width} characters of {@code text} around the first word searched for (the start
   * when none is there), cut at spaces, with "…" where it was cut.
   */
  public static List<Piece> around(String text, List<String> terms, int width) {
    if (text == null) {
      return List.of();
    }
    if (text.length() <= width) {
      return of(text, terms);
    }
    int first = -1;
    int start = -1;
    for (int i = 0; i <= text.length() && first < 0; i++) {
      boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String folded = SearchIndex.fold(text.substring(start, i));
        if (folded != null && terms.contains(folded)) {
          first = start;
        }
        start = -1;
      }
    }
    int from = first < 0 ? 0 : Math.max(0, first - width / 3);
    int to = Math.min(text.length(), from + width);
    if (from > 0) {
      int space = text.indexOf(' ', from);
      from = space < 0 || space >= (first < 0 ? to : first) ? from : space + 1;
    }
    if (to < text.length()) {
      int space = text.lastIndexOf(' ', to);
      to = space > from ? space : to;
    }
    String cut = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    return of(cut, terms);
  }
}
