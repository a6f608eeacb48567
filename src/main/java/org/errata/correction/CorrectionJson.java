package org.errata.correction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.QuotedSource;
import org.errata.source.TextFragment;

/** A correction as editors' API clients see it (api.md, "A correction"). */
public record CorrectionJson(
    Long id,
    Status status,
    long version,
    String articleUrl,
    String articleKey,
    String passage,
    String summary,
    String reasoning,
    String verdict,
    List<SourceJson> sources,
    String author,
    String reviewer,
    String publicUrl,
    CheckJson passageCheck,
    String approvalOverride,
    boolean live,
    Integer publishedRevision,
    int revision,
    String changeNote,
    Instant withdrawnAt,
    String withdrawalReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> checkProblems) {

  /** What checking found (api.md, "Checking passages and quotes"). */
  public record CheckJson(
      CheckStatus status, Double score, Instant checkedAt, String prefix, String suffix) {
    public static CheckJson of(Check check) {
      return new CheckJson(
          check.statusOrUnchecked(), check.score, check.checkedAt, check.prefix, check.suffix);
    }
  }

  /**
   * One source, in requests and answers alike. In a request, {@code pageText} is the page's text to
   * check the quote against; answers carry {@code quoteCheck} and {@code fragmentUrl} instead.
   */
  public record SourceJson(
      String title,
      String publisher,
      String url,
      String quote,
      @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String pageText,
      CheckJson quoteCheck,
      String fragmentUrl) {

    public static SourceJson of(QuotedSource s) {
      return new SourceJson(
          s.title,
          s.publisher,
          s.url,
          s.quote,
          null,
          CheckJson.of(s.check()),
          s.url == null ? null : TextFragment.link(s.url, s.quote));
    }

    QuotedSource toSource() {
      return new QuotedSource(title, publisher, url, quote);
    }
  }

  /** The working revision of {@code c}, which is the published one until an amendment starts. */
  public static CorrectionJson of(Correction c) {
    Revision r = c.current;
    return new CorrectionJson(
        c.id,
        c.status(),
        c.version,
        c.articleUrl,
        c.article.urlKey,
        r.passage,
        r.summary,
        r.reasoning,
        r.verdict,
        r.sources.stream().map(SourceJson::of).toList(),
        r.author.username,
        r.approvedBy == null ? null : r.approvedBy.username,
        c.isPublished() ? "/corrections/" + c.id : null,
        CheckJson.of(r.passageCheck()),
        r.approvalOverride,
        c.isLive(),
        c.published == null ? null : c.published.number,
        r.number,
        r.changeNote,
        c.withdrawnAt,
        c.withdrawalReason,
        null);
  }

  /** The same, with why some pages could not be fetched for checking (none: no field). */
  public CorrectionJson withCheckProblems(List<String> problems) {
    return new CorrectionJson(
        id,
        status,
        version,
        articleUrl,
        articleKey,
        passage,
        summary,
        reasoning,
        verdict,
        sources,
        author,
        reviewer,
        publicUrl,
        passageCheck,
        approvalOverride,
        live,
        publishedRevision,
        revision,
        changeNote,
        withdrawnAt,
        withdrawalReason,
        problems == null || problems.isEmpty() ? null : List.copyOf(problems));
  }

  /** What a request may set; everything else in the body is ignored. */
  public record Request(
      String articleUrl,
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<SourceJson> sources,
      Long version,
      String articleText,
      String changeNote) {

    /** The page texts given per source, in source order (null where none was given). */
    public List<String> pageTexts() {
      return sources == null
          ? List.of()
          : sources.stream().map(s -> s == null ? null : s.pageText()).toList();
    }

    public CorrectionContent content() {
      return new CorrectionContent(
          articleUrl,
          passage,
          summary,
          reasoning,
          verdict,
          sources == null
              ? List.of()
              : sources.stream().map(s -> s == null ? new QuotedSource() : s.toSource()).toList());
    }
  }

  /** Bodies of the actions that take one. */
  public record CommentRequest(String comment) {}

  /** The body of withdraw. */
  public record ReasonRequest(String reason) {}

  /** One line of a correction's history (api.md, "Amending, withdrawing, history"). */
  public record EventJson(
      Instant at,
      String actor,
      String action,
      Status fromStatus,
      Status toStatus,
      int revision,
      String comment) {
    public static EventJson of(AuditEvent e) {
      return new EventJson(
          e.at,
          e.actor.username,
          e.action.name(),
          e.fromStatus,
          e.toStatus,
          e.revisionNumber,
          e.comment);
    }
  }

  /** A review comment (editors only). */
  public record CommentJson(
      Long id,
      int revision,
      String author,
      String body,
      String field,
      Instant createdAt,
      Instant resolvedAt,
      String resolvedBy) {
    public static CommentJson of(ReviewComment c) {
      return new CommentJson(
          c.id,
          c.revisionNumber,
          c.author.username,
          c.body,
          c.field,
          c.createdAt,
          c.resolvedAt,
          c.resolvedBy == null ? null : c.resolvedBy.username);
    }
  }

  /** The body of a new comment. */
  public record CommentBody(String body, String field) {}

  /** A revision's review thread. */
  public record Thread(List<CommentJson> comments) {}

  /** A correction's whole history, oldest first. */
  public record History(List<EventJson> events) {}

  /** The optional body of approve. */
  public record ApproveRequest(String override) {}

  /** A page of corrections and the path of the next page, or null on the last. */
  public record Page(List<CorrectionJson> corrections, String next) {}
}
