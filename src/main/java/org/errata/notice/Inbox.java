package org.errata.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.errata.account.Account;
import org.errata.correction.AuditEvent;
import org.errata.correction.Revision;
import org.errata.db.DeskGeneration;

/**
 * News for an editor, read from the history: their work approved, published or commented on, and
 * what they approved published; mailed too, with the requests for review and for changes (which the
 * dashboard lists in the {@link ToDo} instead).
 */
public final class Inbox {

  static final Duration WINDOW = Duration.ofDays(30);
  static final int MAX = 20;

  private Inbox() {}

  /** One notice: what happened, where, and whether the person had seen it before. */
  public record Notice(long eventId, Instant at, String text, long correctionId, boolean unread) {}

  /** The kinds of event that can be a notice to someone (by mail, or on the dashboard). */
  static final Set<AuditEvent.Kind> KINDS =
      EnumSet.of(
          AuditEvent.Kind.CHANGES_REQUESTED,
          AuditEvent.Kind.SUBMITTED,
          AuditEvent.Kind.COMMENTED,
          AuditEvent.Kind.APPROVED,
          AuditEvent.Kind.PUBLISHED);

  /**
   * The dashboard's notices for {@code me} from the last 30 days, newest first: news of their work
   * (approved, published, commented on). What waits for them to act (a review, changes requested)
   * is in their {@link ToDo} instead.
   */
  public static List<Notice> of(Account me, Instant now) {
    return notices(me, now.minus(WINDOW), MAX);
  }

  /** How many of {@code me}'s notices are newer than what they have seen. */
  public static int unread(Account me, Instant now) {
    Instant since = now.minus(WINDOW);
    return (int) notices(me, since, MAX).stream().filter(Notice::unread).count();
  }

  /**
   * Marks {@code me}'s notices up to {@code eventId} read (never back: two tabs open at once keep
   * the newer mark).
   */
  public static void markRead(Account me, long eventId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              int moved =
                  Account.update(
                      "noticesReadTo = ?1 where id = ?2"
                          + " and (noticesReadTo is null or noticesReadTo < ?1)",
                      eventId,
                      me.id);
              if (moved > 0) {
                DeskGeneration.changed(Account.getEntityManager()); // the header's count
              }
            });
    me.noticesReadTo = Math.max(eventId, me.noticesReadTo == null ? 0 : me.noticesReadTo);
  }

  private static List<Notice> notices(Account me, Instant since, int max) {
    long readTo = me.noticesReadTo == null ? 0 : me.noticesReadTo;
    List<AuditEvent> events =
        AuditEvent.<AuditEvent>find(
                // The kinds one by one, not as a list parameter: a fixed statement whose
                // translation to SQL is kept, rather than made again for every dashboard.
                "select e from AuditEvent e where e.at > ?1 and e.actor.id <> ?2"
                    + " and e.action in (?3, ?4, ?5) order by e.id desc",
                since,
                me.id,
                AuditEvent.Kind.COMMENTED,
                AuditEvent.Kind.APPROVED,
                AuditEvent.Kind.PUBLISHED)
            .page(0, 200)
            .list();
    List<Notice> notices = new ArrayList<>();
    for (AuditEvent e : events) {
      String text = noticeFor(e, me);
      if (text != null) {
        notices.add(new Notice(e.id, e.at, text, e.correction.id, e.id > readTo));
        if (notices.size() == max) {
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
          r.wasWrittenBy(me)
              ? null
              : r.requestedReviewer == null
                  ? who + " submitted a correction for review: " + passage
                  : r.requestedReviewer.sameAs(me)
                      ? who + " asked you to review a correction: " + passage
                      : null;
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
  static String shorten(String passage) {
    String s = passage.strip().replaceAll("[\\s\\p{Z}\\p{Cntrl}]+", " ");
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
