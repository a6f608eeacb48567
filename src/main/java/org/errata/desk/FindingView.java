package org.errata.desk;

import java.time.Instant;
import org.errata.correction.Finding;
import org.errata.correction.Revision;
import org.errata.evidence.TextMatcher;
import org.errata.source.Check;
import org.errata.source.Snapshot;

/** A finding laid out for comparison: the page at publication beside the page as found again. */
public record FindingView(
    long id,
    long correctionId,
    String target,
    String quoted,
    boolean open,
    Instant detectedAt,
    String failure,
    String status,
    Side then,
    Side now,
    String resolvedBy,
    Instant resolvedAt,
    boolean found,
    String foundBy) {

  /** One page version: where it came from, when, and the text around the quoted words. */
  public record Side(
      String url, Instant at, String before, String match, String after, String text) {}

  static final int AROUND = 300;

  public static FindingView of(Finding flag) {
    Revision r = flag.correction.published;
    Check check =
        flag.sourceIndex == null ? r.passageCheck() : r.sources.get(flag.sourceIndex).check();
    Side then = null;
    Snapshot old = flag.oldSnapshotId == null ? null : Snapshot.findById(flag.oldSnapshotId);
    if (old != null) {
      then = around(old, check.matchStart, check.matchEnd);
    }
    Side now = null;
    Snapshot fresh = flag.newSnapshotId == null ? null : Snapshot.findById(flag.newSnapshotId);
    if (fresh != null) {
      TextMatcher.Match near =
          TextMatcher.find(flag.quoted, fresh.pageText, check.prefix, check.suffix);
      Integer start = near.found() ? near.start() : anchor(fresh.pageText, check);
      Integer end = near.found() ? near.end() : start;
      now = around(fresh, start, end);
    }
    return new FindingView(
        flag.id,
        flag.correction.id,
        flag.describe(),
        flag.quoted,
        flag.isOpen(),
        flag.detectedAt,
        flag.failure,
        flag.newStatus.label(),
        then,
        now,
        flag.resolvedBy == null ? null : flag.resolvedBy.username,
        flag.resolvedAt,
        flag.newStatus.found(),
        flag.foundBy == null ? null : flag.foundBy.username);
  }

  /**
   * Where the words used to stand in the new text: after their old prefix, if it is still there.
   */
  private static Integer anchor(String text, Check check) {
    if (check.prefix != null && !check.prefix.isBlank()) {
      int at = text.indexOf(check.prefix.strip());
      if (at >= 0) {
        return at + check.prefix.strip().length();
      }
    }
    return null;
  }

  private static Side around(Snapshot s, Integer start, Integer end) {
    String page = s.pageText;
    String url = s.finalUrl;
    if (start == null || end == null) {
      String head = page.substring(0, Math.min(page.length(), 2 * AROUND));
      return new Side(
          url, s.takenAt, null, null, null, head + (page.length() > head.length() ? "…" : ""));
    }
    int a = Math.max(0, Math.min(start, page.length()));
    int b = Math.max(a, Math.min(end, page.length()));
    return new Side(
        url,
        s.takenAt,
        (a > AROUND ? "…" : "") + page.substring(Math.max(0, a - AROUND), a),
        page.substring(a, b),
        page.substring(b, Math.min(page.length(), b + AROUND))
            + (b + AROUND < page.length() ? "…" : ""),
        null);
  }
}
