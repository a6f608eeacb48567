package org.errata.desk;

import java.time.Instant;
import java.util.Locale;
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
    boolean live) {

  static final int AROUND = 160;

  static CheckView of(
      String target,
      String heading,
      String action,
      String textLabel,
      String fetchLabel,
      boolean fetchable,
      Check check,
      PageView.Typed typed,
      boolean live) {
    String error = typed != null && typed.spot().equals(target) ? typed.message() : null;
    String text = typed != null && typed.spot().equals(target) ? typed.text() : null;
    String before = null;
    String match = null;
    String after = null;
    String pageUrl = null;
    if (check.snapshotId != null) {
      Snapshot snapshot = Snapshot.findById(check.snapshotId);
      if (snapshot != null) {
        pageUrl = snapshot.finalUrl;
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
        live);
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
