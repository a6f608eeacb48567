package org.errata.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.Correction;
import org.errata.correction.Finding;
import org.errata.correction.Status;
import org.errata.notice.Inbox;
import org.errata.web.Links;

/** The editor's dashboard: what needs this editor now, and what was published lately. */
@Path("/editor")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class Dashboard {

  static final int RECENT = 10;

  @Inject Me me;

  /** One correction in a dashboard list. */
  public record Row(
      long id,
      String passage,
      String articleUrl,
      Status status,
      String author,
      Instant updatedAt,
      String changeRequest) {
    static Row of(Correction c) {
      return new Row(
          c.id,
          c.current.passage,
          c.articleUrl,
          c.status(),
          c.current.author.username,
          c.updatedAt,
          c.openChangeRequest().map(e -> e.actor.username + ": " + e.comment).orElse(null));
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
      List<Row> drafts,
      List<Row> toReview,
      List<Row> mineInReview,
      List<Row> readyToPublish,
      List<Row> recentlyPublished,
      List<DriftRow> drift,
      List<Inbox.Notice> inbox) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(View view);
  }

  @GET
  public TemplateInstance dashboard() {
    Account account = me.account();
    return Templates.dashboard(
        new View(
            rows(Correction.draftsOf(account)),
            rows(Correction.awaitingReviewBy(account)),
            rows(Correction.inReviewFrom(account)),
            rows(Correction.inStatus(Status.REVIEWED)),
            rows(Correction.live(null, RECENT).items()),
            Finding.open().stream().map(DriftRow::of).toList(),
            Inbox.of(account, Instant.now())));
  }

  private static List<Row> rows(List<Correction> corrections) {
    return corrections.stream().map(Row::of).toList();
  }
}
