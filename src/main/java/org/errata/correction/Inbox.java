package org.errata.correction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.errata.account.Account;

/**
 * What needs an editor, read from the history: changes requested on their work, corrections
 * submitted by others for review, comments on their work, and publication of what they approved.
 */
public final class Inbox {

  static final Duration WINDOW = Duration.ofDays(30);
  static final int MAX = 20;

  private Inbox() {}

  /** One line of the inbox. */
  public record Notice(Instant at, String text, long correctionId) {}

  public static List<Notice> of(Account me, Instant now) {
    List<AuditEvent> events =
        AuditEvent.<AuditEvent>find(
                "select e from AuditEvent e where e.at > ?1 and e.actor.id <> ?2 and e.action in ?3"
                    + " order by e.id desc",
                now.minus(WINDOW),
                me.id,
                List.of(
                    AuditEvent.Kind.CHANGES_REQUESTED,
                    AuditEvent.Kind.SUBMITTED,
                    AuditEvent.Kind.COMMENTED,
                    AuditEvent.Kind.PUBLISHED))
            .page(0, 200)
            .list();
    List<Notice> notices = new ArrayList<>();
    for (AuditEvent e : events) {
      Correction c = e.correction;
      Revision r =
          c.revisions.stream().filter(x -> x.number == e.revisionNumber).findFirst().orElse(null);
      if (r == null) {
        continue;
      }
      String passage = "“" + shorten(r.passage) + "”";
      String who = e.actor.username;
      String text =
          switch (e.action) {
            case CHANGES_REQUESTED ->
                r.author.sameAs(me)
                    ? who + " requested changes on your correction " + passage
                    : null;
            case SUBMITTED ->
                r.wasWrittenBy(me) ? null : who + " submitted a correction for review: " + passage;
            case COMMENTED ->
                r.wasWrittenBy(me) ? who + " commented on your correction " + passage : null;
            case PUBLISHED ->
                r.approvedBy != null && r.approvedBy.sameAs(me)
                    ? "A correction you approved was published: " + passage
                    : null;
            default -> null;
          };
      if (text != null) {
        notices.add(new Notice(e.at, text, c.id));
        if (notices.size() == MAX) {
          break;
        }
      }
    }
    return notices;
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
