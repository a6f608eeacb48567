package org.errata.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.errata.source.Check;
import org.errata.source.CheckStatus;

/**
 * Finds a passage or quote in a page's text: exactly first, then with white space, quotation marks,
 * dashes, non-breaking spaces and case folded, then the best approximate match with a similarity
 * score (only {@value #THRESHOLD} or more counts as found). A quote with an ellipsis matches when
 * every part is found, in order. When the words occur more than once, the occurrence whose
 * surroundings best match the remembered prefix and suffix wins. Pure Java, no state.
 */
public final class TextMatcher {

  public static final double THRESHOLD = 0.8;
  public static final int CONTEXT = 32;

  private static final Pattern ELLIPSIS = Pattern.compile("\\.\\.\\.+|…");
  private static final int MAX_OCCURRENCES = 10_000;
  private static final int GRAM = 4;
  private static final int CANDIDATES = 4;

  private TextMatcher() {}

  /** Where and how well the words were found; {@code start}/{@code end} index the page text. */
  public record Match(
      CheckStatus status, double score, int start, int end, String prefix, String suffix) {

    static Match notFound(double score) {
      return new Match(CheckStatus.NOT_FOUND, score, -1, -1, null, null);
    }

    public boolean found() {
      return status.found();
    }

    /** This match as the check to store beside the words, against snapshot {@code snapshotId}. */
    public Check toCheck(Long snapshotId, Instant now) {
      return Check.result(status, score, start, end, prefix, suffix, snapshotId, now);
    }
  }

  public static Match find(String needle, String text) {
    return find(needle, text, null, null);
  }

  /**
   * Finds {@code needle} in {@code text}; {@code prefixHint} and {@code suffixHint} (the text seen
   * around it before, may be null) choose among repeated occurrences.
   */
  public static Match find(String needle, String text, String prefixHint, String suffixHint) {
    if (needle == null || needle.isBlank() || text == null || text.isEmpty()) {
      return Match.notFound(0);
    }
    List<String> parts = parts(needle);
    if (parts.isEmpty()) {
      return Match.notFound(0);
    }
    Folded folded = null;
    int from = 0;
    CheckStatus worst = CheckStatus.EXACT;
    double score = 1.0;
    int start = -1;
    int end = -1;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      String prefix = i == 0 ? prefixHint : null;
      String suffix = i == parts.size() - 1 ? suffixHint : null;
      int[] exact = best(occurrences(text, part, from), text, part.length(), prefix, suffix);
      Span span;
      if (exact != null) {
        span = new Span(CheckStatus.EXACT, 1.0, exact[0], exact[1]);
      } else {
        if (folded == null) {
          folded = Folded.of(text);
        }
        span = folded(part, folded, from, prefix, suffix);
      }
      if (!span.status.found()) {
        return Match.notFound(span.score);
      }
      if (span.status.ordinal() > worst.ordinal()) {
        worst = span.status;
      }
      score = Math.min(score, span.score);
      if (i == 0) {
        start = span.start;
      }
      end = span.end;
      from = span.end;
    }
    return new Match(
        worst,
        score,
        start,
        end,
        text.substring(Math.max(0, start - CONTEXT), start),
        text.substring(end, Math.min(text.length(), end + CONTEXT)));
  }

  /** The words on a page closest to a needle that was not found, and how close they are. */
  public record Closest(int start, int end, double score) {}

  /**
   * The run of {@code text} closest to {@code needle} (its parts between ellipses read as one),
   * however far it is, for showing an editor what the page says instead; empty when nothing on the
   * page shares a few letters with it.
   */
  public static Optional<Closest> closest(String needle, String text) {
    if (needle == null || text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String joined = String.join(" ", parts(needle));
    String folded = Folded.of(joined).text.strip();
    if (folded.isEmpty()) {
      return Optional.empty();
    }
    Folded page = Folded.of(text);
    Approximate near = Approximate.find(folded, page.text, 0);
    if (near == null || near.end <= near.start) {
      return Optional.empty();
    }
    double score = Math.max(0, 1.0 - (double) near.distance / folded.length());
    // Whole words: the alignment may begin or end inside one.
    int start = page.original(near.start);
    int end = page.originalEnd(near.end);
    while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      start--;
    }
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return Optional.of(new Closest(start, end, round(score)));
  }

  /** The parts of a quote between ellipses, trimmed; the whole quote when it has none. */
  public static List<String> parts(String needle) {
    List<String> parts = new ArrayList<>();
    for (String part : ELLIPSIS.split(needle.strip())) {
      String p = part.strip();
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return parts;
  }

  private record Span(CheckStatus status, double score, int start, int end) {}

  private static Span folded(String part, Folded text, int from, String prefix, String suffix) {
    String needle = Folded.of(part).text.strip();
    if (needle.isEmpty()) {
      return new Span(CheckStatus.NOT_FOUND, 0, -1, -1);
    }
    int foldedFrom = text.foldedIndex(from);
    int[] hit =
        best(
            occurrences(text.text, needle, foldedFrom),
            text.text,
            needle.length(),
            prefix == null ? null : Folded.of(prefix).text,
            suffix == null ? null : Folded.of(suffix).text);
    if (hit != null) {
      return new Span(CheckStatus.NORMALIZED, 1.0, text.original(hit[0]), text.originalEnd(hit[1]));
    }
    Approximate near = Approximate.find(needle, text.text, foldedFrom);
    if (near == null) {
      return new Span(CheckStatus.NOT_FOUND, 0, -1, -1);
    }
    double score = Math.max(0, 1.0 - (double) near.distance / needle.length());
    if (score < THRESHOLD) {
      return new Span(CheckStatus.NOT_FOUND, round(score), -1, -1);
    }
    return new Span(
        CheckStatus.APPROXIMATE,
        round(score),
        text.original(near.start),
        text.originalEnd(near.end));
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }

  private static List<Integer> occurrences(String text, String needle, int from) {
    List<Integer> found = new ArrayList<>();
    int at = text.indexOf(needle, from);
    while (at >= 0 && found.size() < MAX_OCCURRENCES) {
      found.add(at);
      at = text.indexOf(needle, at + 1);
    }
    return found;
  }

  /** The occurrence whose surroundings share the most with the hints; the first on a tie. */
  private static int[] best(
      List<Integer> starts, String text, int length, String prefix, String suffix) {
    if (starts.isEmpty()) {
      return null;
    }
    int bestStart = starts.get(0);
    int bestScore = -1;
    if (starts.size() > 1 && (prefix != null || suffix != null)) {
      for (int start : starts) {
        int score = commonSuffix(text, start, prefix) + commonPrefix(text, start + length, suffix);
        if (score > bestScore) {
          bestScore = score;
          bestStart = start;
        }
      }
    }
    return new int[] {bestStart, bestStart + length};
  }

  private static int commonSuffix(String text, int end, String hint) {
    if (hint == null) {
      return 0;
    }
    int n = 0;
    while (n < hint.length()
        && end - 1 - n >= 0
        && text.charAt(end - 1 - n) == hint.charAt(hint.length() - 1 - n)) {
      n++;
    }
    return n;
  }

  private static int commonPrefix(String text, int start, String hint) {
    if (hint == null) {
      return 0;
    }
    int n = 0;
    while (n < hint.length()
        && start + n < text.length()
        && text.charAt(start + n) == hint.charAt(n)) {
      n++;
    }
    return n;
  }

  /**
   * A text with white space runs as one space, curly and straight quotes alike, every dash as "-",
   * no zero-width characters and lower case, remembering where each character came from.
   */
  static final class Folded {
    final String text;
    private final int[] origin; // origin[i]: index in the original text of folded char i
    private final int originalLength;

    private Folded(String text, int[] origin, int originalLength) {
      this.text = text;
      this.origin = origin;
      this.originalLength = originalLength;
    }

    static Folded of(String s) {
      StringBuilder out = new StringBuilder(s.length());
      int[] origin = new int[s.length() + 1];
      boolean space = false;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        int width = Character.charCount(cp);
        if (isSpace(cp)) {
          if (!space) {
            origin[out.length()] = i;
            out.append(' ');
            space = true;
          }
        } else if (cp < 0x80 && cp != '`') {
          // Plain ASCII, nearly every character of a page: lower-case it in place.
          space = false;
          origin[out.length()] = i;
          out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        } else if (!isIgnorable(cp)) {
          space = false;
          String folded = fold(cp);
          for (int k = 0; k < folded.length(); k++) {
            if (out.length() >= origin.length) {
              origin = Arrays.copyOf(origin, origin.length * 2 + 4);
            }
            origin[out.length()] = i;
            out.append(folded.charAt(k));
          }
        }
        i += width;
      }
      return new Folded(out.toString(), origin, s.length());
    }

    /** Original index of folded index {@code i}. */
    int original(int i) {
      return i >= text.length() ? originalLength : origin[i];
    }

    /** Original end (exclusive) for a folded end (exclusive). */
    int originalEnd(int end) {
      if (end <= 0) {
        return 0;
      }
      if (end >= text.length()) {
        return originalLength;
      }
      return origin[end];
    }

    /** The first folded index whose original index is at least {@code original}. */
    int foldedIndex(int original) {
      if (original <= 0) {
        return 0;
      }
      int lo = 0;
      int hi = text.length();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (origin[mid] < original) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private static boolean isSpace(int cp) {
      if (cp < 0x80) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
      }
      return Character.isWhitespace(cp)
          || cp == 0x00A0
          || cp == 0x2007
          || cp == 0x202F
          || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isIgnorable(int cp) {
      return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD;
    }

    private static String fold(int cp) {
      switch (cp) {
        case '“', '”', '„', '‟', '″', '«', '»', '＂' -> {
          return "\"";
        }
        case '‘', '’', '‚', '‛', '′', '`', '´', '＇' -> {
          return "'";
        }
        case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－' -> {
          return "-";
        }
        case '…' -> {
          return "...";
        }
        default -> {
          return new String(Character.toChars(Character.toLowerCase(cp)));
        }
      }
    }
  }

  /** Where a near match ends and starts in the folded text, and how many edits it is away. */
  record Approximate(int start, int end, int distance) {

    /**
     * Seeds candidate windows with the needle's 4-grams (one pass over the text), then aligns the
     * needle to each candidate with a semi-global edit distance (any start and end in the text).
     */
    static Approximate find(String needle, String text, int from) {
      int m = needle.length();
      if (m < GRAM || text.length() - from < GRAM) {
        return align(needle, text, from, text.length());
      }
      LongSet grams = new LongSet(m * 2);
      for (int i = 0; i + GRAM <= m; i++) {
        grams.add(gram(needle, i));
      }
      int n = text.length();
      int window = Math.max(1, m - GRAM + 1);
      // hits in the sliding window [s, s + window)
      int[] bestStarts = new int[CANDIDATES];
      int[] bestCounts = new int[CANDIDATES];
      Arrays.fill(bestStarts, -1);
      int count = 0;
      int floor = 0; // the weakest kept count once every candidate slot is taken
      boolean[] hit = new boolean[n];
      long g = gram(text, from) >>> 16;
      for (int i = from; i + GRAM <= n; i++) {
        g = (g << 16) | text.charAt(i + GRAM - 1); // rolling: the oldest character drops out
        hit[i] = grams.contains(g);
        if (hit[i]) {
          count++;
        }
        int leaving = i - window;
        if (leaving >= from && hit[leaving]) {
          count--;
        }
        if (count > floor) {
          remember(bestStarts, bestCounts, Math.max(from, i - window + 1), count, m);
          if (bestStarts[CANDIDATES - 1] >= 0) {
            floor = Arrays.stream(bestCounts).min().orElse(0);
          }
        }
      }
      Approximate best = null;
      for (int c = 0; c < CANDIDATES; c++) {
        if (bestStarts[c] < 0) {
          continue;
        }
        int lo = Math.max(from, bestStarts[c] - m / 2);
        int hi = Math.min(n, bestStarts[c] + m + m / 2);
        Approximate a = align(needle, text, lo, hi);
        if (a != null && (best == null || a.distance < best.distance)) {
          best = a;
        }
      }
      return best;
    }

    private static void remember(int[] starts, int[] counts, int start, int count, int m) {
      // Keep the best windows that do not overlap one another.
      for (int c = 0; c < starts.length; c++) {
        if (starts[c] >= 0 && Math.abs(starts[c] - start) < m) {
          if (count > counts[c]) {
            starts[c] = start;
            counts[c] = count;
          }
          return;
        }
      }
      int weakest = 0;
      for (int c = 1; c < starts.length; c++) {
        if (starts[c] < 0 || counts[c] < counts[weakest]) {
          weakest = c;
        }
      }
      if (starts[weakest] < 0 || count > counts[weakest]) {
        starts[weakest] = start;
        counts[weakest] = count;
      }
    }

    private static long gram(String s, int i) {
      return ((long) s.charAt(i) << 48)
          | ((long) s.charAt(i + 1) << 32)
          | ((long) s.charAt(i + 2) << 16)
          | s.charAt(i + 3);
    }

    /** Sellers' algorithm on text[lo, hi): fewest edits turning some substring into needle. */
    static Approximate align(String needle, String text, int lo, int hi) {
      int m = needle.length();
      int width = hi - lo;
      if (width <= 0) {
        return null;
      }
      int[] prev = new int[m + 1];
      int[] cur = new int[m + 1];
      int[] prevStart = new int[m + 1];
      int[] curStart = new int[m + 1];
      for (int i = 0; i <= m; i++) {
        prev[i] = i;
        prevStart[i] = lo;
      }
      int bestDistance = prev[m];
      int bestEnd = lo;
      int bestStart = lo;
      for (int j = 1; j <= width; j++) {
        char t = text.charAt(lo + j - 1);
        cur[0] = 0;
        curStart[0] = lo + j;
        for (int i = 1; i <= m; i++) {
          int substitute = prev[i - 1] + (needle.charAt(i - 1) == t ? 0 : 1);
          int delete = prev[i] + 1; // a text character the needle lacks
          int insert = cur[i - 1] + 1; // a needle character the text lacks
          if (substitute <= delete && substitute <= insert) {
            cur[i] = substitute;
            curStart[i] = prevStart[i - 1];
          } else if (delete <= insert) {
            cur[i] = delete;
            curStart[i] = prevStart[i];
          } else {
            cur[i] = insert;
            curStart[i] = curStart[i - 1];
          }
        }
        if (cur[m] < bestDistance) {
          bestDistance = cur[m];
          bestEnd = lo + j;
          bestStart = curStart[m];
        }
        int[] swap = prev;
        prev = cur;
        cur = swap;
        swap = prevStart;
        prevStart = curStart;
        curStart = swap;
      }
      return new Approximate(bestStart, bestEnd, bestDistance);
    }
  }

  /** A small open-addressing set of longs, to avoid boxing two million look-ups. */
  static final class LongSet {
    private final long[] keys;
    private final boolean[] used;
    private final int mask;

    LongSet(int expected) {
      int size = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
      keys = new long[size];
      used = new boolean[size];
      mask = size - 1;
    }

    void add(long key) {
      int i = slot(key);
      while (used[i] && keys[i] != key) {
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
    }

    boolean contains(long key) {
      int i = slot(key);
      while (used[i]) {
        if (keys[i] == key) {
          return true;
        }
        i = (i + 1) & mask;
      }
      return false;
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 40) & mask;
    }
  }
}
