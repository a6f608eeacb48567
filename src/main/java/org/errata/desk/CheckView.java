package org.errata.desk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.errata.evidence.TextMatcher;
import org.errata.review.WordDiff;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.Snapshot;

/**
 * A passage's or quote's check as an editor sees it: the status, and the matched words highlighted
 * in the page text around them, with the form to check again.
 */
public record CheckView(
    String target,
    String heading,
    String action,
    String textLabel,
    String fetchLabel,
    boolean fetchable,
    CheckStatus status,
    Double score,
    Instant checkedAt,
    String pageUrl,
    String before,
    String match,
    String after,
    String error,
    String text,
    boolean live,
    List<WordDiff.Segment> closest,
    String closestScore) {

  static final int AROUND = 160;

  /** Closer than this, the nearest words on the page are worth showing beside a quote not found. */
  static final double WORTH_SHOWING = 0.3;

  static CheckView of(
      String target,
      String heading,
      String action,
      String textLabel,
      String fetchLabel,
      boolean fetchable,
      Check check,
      String words,
      PageView.Typed typed,
      boolean live) {
    String error = typed != null && typed.spot().equals(target) ? typed.message() : null;
    String text = typed != null && typed.spot().equals(target) ? typed.text() : null;
    String before = null;
    String match = null;
    String after = null;
    String pageUrl = null;
    List<WordDiff.Segment> closest = null;
    String closestScore = null;
    if (check.snapshotId != null) {
      Snapshot snapshot = Snapshot.findById(check.snapshotId);
      if (snapshot != null) {
        pageUrl = snapshot.finalUrl;
        if (check.statusOrUnchecked() == CheckStatus.NOT_FOUND && words != null) {
          // What the page says instead, with the differences marked, so the editor sees what to
          // fix.
          var near = TextMatcher.closest(words, snapshot.pageText).orElse(null);
          if (near != null && near.score() >= WORTH_SHOWING) {
            closest =
                WordDiff.diff(
                    String.join(" … ", TextMatcher.parts(words)),
                    snapshot.pageText.substring(near.start(), near.end()));
            closestScore = String.format(Locale.ROOT, "%.2f", near.score());
          }
        }
        if (check.found() && check.matchStart != null && check.matchEnd != null) {
          String page = snapshot.pageText;
          int start = Math.min(check.matchStart, page.length());
          int end = Math.min(Math.max(check.matchEnd, start), page.length());
          before = (start > AROUND ? "…" : "") + page.substring(Math.max(0, start - AROUND), start);
          match = page.substring(start, end);
          after =
              page.substring(end, Math.min(page.length(), end + AROUND))
                  + (end + AROUND < page.length() ? "…" : "");
        }
      }
    }
    return new CheckView(
        target,
        heading,
        action,
        textLabel,
        fetchLabel,
        fetchable,
        check.statusOrUnchecked(),
        check.score,
        check.checkedAt,
        pageUrl,
        before,
        match,
        after,
        error,
        text,
        live,
        closest,
        closestScore);
  }

  public boolean approximate() {
    return status == CheckStatus.APPROXIMATE
        || (status == CheckStatus.NOT_FOUND && score != null && score > 0);
  }

  /** "0.93" */
  public String scoreText() {
    return score == null ? "" : String.format(Locale.ROOT, "%.2f", score);
  }
}
