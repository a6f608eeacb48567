package org.errata.correction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a proposed correction repeats one that is already live or under way for the same article:
 * its passage the same once spacing, quotation marks, dashes, punctuation and case are folded, or a
 * near match (similarity {@value #THRESHOLD} or more, one minus the edit distance over the longer
 * length).
 */
public final class Duplicates {

  public static final double THRESHOLD = 0.8;

  private Duplicates() {}

  /** Corrections of the same article, live or under way, whose passage is the same or near. */
  public static List<Correction> of(Correction c) {
    if (c.article == null || c.current == null) {
      return List.of();
    }
    List<Correction> others =
        c.id == null
            ? Correction.list("article = ?1 order by id", c.article)
            : Correction.list("article = ?1 and id <> ?2 order by id", c.article, c.id);
    List<Correction> found = new ArrayList<>();
    for (Correction other : others) {
      if (other.isWithdrawn() || other.status() == Status.DELETED) {
        continue;
      }
      Revision words = other.published != null ? other.published : other.current;
      if (similar(c.current.passage, words.passage)
          || (other.current != words && similar(c.current.passage, other.current.passage))) {
        found.add(other);
      }
    }
    return found;
  }

  /** The passages say the same, or nearly. */
  public static boolean similar(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = fold(a);
    String y = fold(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    if (x.equals(y)) {
      return true;
    }
    int longer = Math.max(x.length(), y.length());
    int shorter = Math.min(x.length(), y.length());
    // The distance is at least the difference in length: skip what cannot reach the threshold.
    if (shorter < THRESHOLD * longer) {
      return false;
    }
    return 1.0 - (double) distance(x, y, longer) / longer >= THRESHOLD;
  }

  /** Lower case, letters and digits only, single spaces. */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(n.length());
    boolean space = false;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        b.appendCodePoint(cp);
      } else {
        space = true;
      }
    }
    return b.toString();
  }

  /** Levenshtein distance, in two rows. */
  private static int distance(String a, String b, int cap) {
    int[] prev = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = row;
      row = t;
    }
    return Math.min(prev[b.length()], cap);
  }
}
