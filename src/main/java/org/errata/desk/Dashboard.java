package org.errata.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.Finding;
import org.errata.correction.Status;
import org.errata.db.Remembered;
import org.errata.notice.Inbox;
import org.errata.notice.ToDo;
import org.errata.notice.Waiting;
import org.errata.web.Links;

/**
 * The editor's dashboard: what waits for this editor (emptying as the work is done), news of their
 * work, and what was published lately.
 */
@Path("/editor")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class Dashboard {

  static final int RECENT = 10;

  @Inject Me me;
  @Inject Waiting waiting;

  /** One correction in a dashboard list. */
  public record Row(
      long id,
      String passage,
      String articleUrl,
      Status status,
      String author,
      Instant updatedAt,
      String changeRequest) {
    static Row of(Correction c, Map<Long, AuditEvent> changeRequests) {
      AuditEvent request = changeRequests.get(c.id);
      return new Row(
          c.id,
          c.current.passage,
          c.articleUrl,
          c.status(),
          c.current.author.username,
          c.updatedAt,
          request == null ? null : request.actor.username + ": " + request.comment);
    }
  }

  /** A published passage or quote its page no longer shows. */
  public record DriftRow(
      long flagId,
      long correctionId,
      String passage,
      String target,
      Instant detectedAt,
      String link) {
    static DriftRow of(Finding f) {
      return new DriftRow(
          f.id,
          f.correction.id,
          f.correction.published.passage,
          f.describe(),
          f.detectedAt,
          Links.finding(f.correction.id, f.id));
    }
  }

  /** The dashboard's lists, each already filtered for the signed-in editor. */
  public record View(
      List<ToDo.Item> toDo,
      List<Row> drafts,
      List<Row> mineInReview,
      List<Row> readyToPublish,
      List<Row> recentlyPublished,
      List<DriftRow> drift,
      List<Inbox.Notice> inbox) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(View view);
  }

  /**
   * Each editor's dashboard as last worked out, used again while the desk has not changed (any
   * change anyone makes, on any instance, moves {@link org.errata.db.DeskGeneration}) and for a
   * minute at most (the notices are those of the last 30 days).
   */
  private final Remembered<String, View> views;

  Dashboard(@ConfigProperty(name = Remembered.LIFETIME) Duration keep) {
    views = new Remembered<>(10_000, keep);
  }

  @GET
  public TemplateInstance dashboard() {
    View view = views.get(me.getName(), waiting.generation(), this::workedOut);
    // Its notices are all read now (the page that shows them marks them), so the header counts
    // only the to-do list.
    waiting.knownAs(view.toDo().size());
    return Templates.dashboard(view);
  }

  private View workedOut() {
    Account account = me.account();
    List<ToDo.Item> toDo = ToDo.of(account);
    List<Inbox.Notice> notices = Inbox.of(account, Instant.now());
    // Shown now, so read: marked "new" on this page only, and no longer counted in the header.
    notices.stream()
        .filter(Inbox.Notice::unread)
        .mapToLong(Inbox.Notice::eventId)
        .max()
        .ifPresent(newest -> Inbox.markRead(account, newest));
    return new View(
        toDo,
        rows(Correction.draftsOf(account)),
        rows(Correction.inReviewFrom(account)),
        rows(Correction.inStatus(Status.REVIEWED)),
        rows(Correction.live(null, RECENT).items()),
        Finding.open().stream().map(DriftRow::of).toList(),
        notices);
  }

  /** The rows of a list, the drafts' open requests for changes read in one query. */
  static List<Row> rows(List<Correction> corrections) {
    Map<Long, AuditEvent> requests = Correction.openChangeRequests(corrections);
    return corrections.stream().map(c -> Row.of(c, requests)).toList();
  }
}
