package org.errata.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.errata.account.Account;
import org.errata.correction.AuditEvent;
import org.errata.correction.Revision;

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

  /** The kinds of event that can be a notice to someone. */
  static final Set<AuditEvent.Kind> KINDS =
      EnumSet.of(
          AuditEvent.Kind.CHANGES_REQUESTED,
          AuditEvent.Kind.SUBMITTED,
          AuditEvent.Kind.COMMENTED,
          AuditEvent.Kind.APPROVED,
          AuditEvent.Kind.PUBLISHED);

  public static List<Notice> of(Account me, Instant now) {
    List<AuditEvent> events =
        AuditEvent.<AuditEvent>find(
                // The kinds one by one, not as a list parameter: a fixed statement whose
                // translation to SQL is kept, rather than made again for every dashboard.
                "select e from AuditEvent e where e.at > ?1 and e.actor.id <> ?2"
                    + " and e.action in (?3, ?4, ?5, ?6, ?7) order by e.id desc",
                now.minus(WINDOW),
                me.id,
                AuditEvent.Kind.CHANGES_REQUESTED,
                AuditEvent.Kind.SUBMITTED,
                AuditEvent.Kind.COMMENTED,
                AuditEvent.Kind.APPROVED,
                AuditEvent.Kind.PUBLISHED)
            .page(0, 200)
            .list();
    List<Notice> notices = new ArrayList<>();
    for (AuditEvent e : events) {
      String text = noticeFor(e, me);
      if (text != null) {
        notices.add(new Notice(e.at, text, e.correction.id));
        if (notices.size() == MAX) {
          break;
        }
      }
    }
    return notices;
  }

  /**
   * What {@code e} tells {@code me}, or null when it is not for them: the one rule behind both the
   * dashboard inbox and the e-mailed notices.
   */
  static String noticeFor(AuditEvent e, Account me) {
    if (e.actor.sameAs(me)) {
      return null;
    }
    Revision r =
        e.correction.revisions.stream()
            .filter(x -> x.number == e.revisionNumber)
            .findFirst()
            .orElse(null);
    if (r == null) {
      return null;
    }
    String passage = "“" + shorten(r.passage) + "”";
    String who = e.actor.username;
    return switch (e.action) {
      case CHANGES_REQUESTED ->
          r.author.sameAs(me) ? who + " requested changes on your correction " + passage : null;
      case SUBMITTED ->
          r.wasWrittenBy(me) ? null : who + " submitted a correction for review: " + passage;
      case COMMENTED ->
          r.wasWrittenBy(me) ? who + " commented on your correction " + passage : null;
      case APPROVED -> r.author.sameAs(me) ? who + " approved your correction " + passage : null;
      case PUBLISHED ->
          r.author.sameAs(me)
              ? "Your correction was published: " + passage
              : r.approvedBy != null && r.approvedBy.sameAs(me)
                  ? "A correction you approved was published: " + passage
                  : null;
      default -> null;
    };
  }

  /** The passage on one line (a notice is also an e-mail subject), at most 80 characters. */
  private static String shorten(String passage) {
    String s = passage.strip().replaceAll("[\\s\\p{Z}\\p{Cntrl}]+", " ");
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
