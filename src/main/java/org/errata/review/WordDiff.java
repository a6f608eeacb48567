package org.errata.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level difference between two texts (Myers' algorithm on words, spaces and punctuation),
 * for editors to see exactly what changed between revisions. Pure Java.
 */
public final class WordDiff {

  private static final Pattern TOKEN =
      Pattern.compile("\\s+|[\\p{L}\\p{N}_'’-]+|.", Pattern.DOTALL);

  private WordDiff() {}

  /** What happened to a run of text. */
  public enum Kind {
    SAME,
    ADDED,
    REMOVED
  }

  /** A run of text with what happened to it. */
  public record Segment(Kind kind, String text) {
    public boolean added() {
      return kind == Kind.ADDED;
    }

    public boolean removed() {
      return kind == Kind.REMOVED;
    }
  }

  public static List<Segment> diff(String before, String after) {
    List<String> a = tokens(before == null ? "" : before);
    List<String> b = tokens(after == null ? "" : after);
    List<Segment> out = new ArrayList<>();
    for (Edit e : edits(a, b)) {
      append(out, e.kind, e.token);
    }
    return out;
  }

  public static boolean changed(List<Segment> segments) {
    return segments.stream().anyMatch(s -> s.kind != Kind.SAME);
  }

  static List<String> tokens(String s) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  private record Edit(Kind kind, String token) {}

  /** Myers' O((N+M)D) shortest edit script, traced back into edits in order. */
  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    List<int[]> trace = new ArrayList<>();
    int[] v = new int[2 * max + 3];
    outer:
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          trace.add(v.clone());
          break outer;
        }
      }
    }
    List<Edit> edits = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 2; d >= 0 && (x > 0 || y > 0); d--) {
      int[] vd = trace.get(d);
      int k = x - y;
      int prevK;
      if (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) {
        prevK = k + 1;
      } else {
        prevK = k - 1;
      }
      int prevX = vd[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        edits.add(new Edit(Kind.SAME, a.get(x - 1)));
        x--;
        y--;
      }
      if (d > 0) {
        if (x == prevX) {
          edits.add(new Edit(Kind.ADDED, b.get(y - 1)));
        } else {
          edits.add(new Edit(Kind.REMOVED, a.get(x - 1)));
        }
      }
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      edits.add(new Edit(Kind.SAME, a.get(x - 1)));
      x--;
      y--;
    }
    Collections.reverse(edits);
    return edits;
  }

  private static void append(List<Segment> out, Kind kind, String token) {
    if (!out.isEmpty() && out.get(out.size() - 1).kind == kind) {
      Segment last = out.remove(out.size() - 1);
      out.add(new Segment(kind, last.text + token));
    } else {
      out.add(new Segment(kind, token));
    }
  }
}
