package org.errata.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.BadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.article.ArticleUrl;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionContent;
import org.errata.correction.Offer;
import org.errata.correction.ReviewComment;
import org.errata.correction.Revision;
import org.errata.correction.Slice;
import org.errata.correction.Status;
import org.errata.evidence.TextFragment;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.QuotedSource;
import org.errata.web.Links;

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
    String requestedReviewer,
    String publicUrl,
    CheckJson passageCheck,
    String approvalOverride,
    boolean live,
    Integer publishedRevision,
    int revision,
    String changeNote,
    Instant withdrawnAt,
    String withdrawalReason,
    List<OfferJson> actions,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> checkProblems,
    List<DuplicateJson> possibleDuplicates) {

  /** A correction of the same article, live or under way, whose passage is the same or near. */
  public record DuplicateJson(long id, Status status, String passage, String url) {
    static List<DuplicateJson> of(Correction c) {
      return c.possibleDuplicateCorrections().stream()
          .map(
              d ->
                  new DuplicateJson(d.id, d.status(), d.current.passage, Links.apiCorrection(d.id)))
          .toList();
    }
  }

  /**
   * An action the caller may take now, what its body must carry ({@code needs}: the JSON fields)
   * and why ({@code because}): exactly the actions the server accepts.
   */
  public record OfferJson(String action, List<String> needs, List<String> because) {
    static OfferJson of(Offer o) {
      return new OfferJson(
          o.action().name(), o.needs().stream().sorted().map(n -> n.field).toList(), o.because());
    }
  }

  /** What checking found (api.md, "Checking passages and quotes"). */
  public record CheckJson(
      CheckStatus status,
      Double score,
      Instant checkedAt,
      String prefix,
      String suffix,
      String against,
      String digest) {
    public static CheckJson of(Check check) {
      return new CheckJson(
          check.statusOrUnchecked(),
          check.score,
          check.checkedAt,
          check.prefix,
          check.suffix,
          check.against == null ? null : check.against.name(),
          check.digest);
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
      String fragmentUrl,
      Boolean offline,
      String offlineNote) {

    public static SourceJson of(QuotedSource s) {
      return new SourceJson(
          s.title,
          s.publisher,
          s.url,
          s.quote,
          null,
          CheckJson.of(s.check()),
          s.url == null ? null : TextFragment.link(s.url, s.quote),
          s.offline,
          s.offlineNote);
    }

    QuotedSource toSource() {
      QuotedSource s = new QuotedSource(title, publisher, url, quote);
      return Boolean.TRUE.equals(offline) ? s.offline(offlineNote) : s;
    }
  }

  /**
   * The working revision of {@code c} (the published one until an amendment starts), with the
   * actions {@code viewer} may take.
   */
  public static CorrectionJson of(Correction c, Account viewer) {
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
        r.requestedReviewer == null ? null : r.requestedReviewer.username,
        c.isPublished() ? Links.published(c.id) : null,
        CheckJson.of(r.passageCheck()),
        r.approvalOverride,
        c.isLive(),
        c.published == null ? null : c.published.number,
        r.number,
        r.changeNote,
        c.withdrawnAt,
        c.withdrawalReason,
        viewer == null ? List.of() : c.offersFor(viewer).stream().map(OfferJson::of).toList(),
        null,
        DuplicateJson.of(c));
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
        requestedReviewer,
        publicUrl,
        passageCheck,
        approvalOverride,
        live,
        publishedRevision,
        revision,
        changeNote,
        withdrawnAt,
        withdrawalReason,
        actions,
        problems == null || problems.isEmpty() ? null : List.copyOf(problems),
        possibleDuplicates);
  }

  /** What a request may set; everything else in the body is ignored. */
  public record Request(
      @Schema(example = "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of")
          String articleUrl,
      @Schema(example = "Cowork is sandboxed, safer but more limited") String passage,
      @Schema(
              example =
                  "That overstates Cowork’s isolation: its computer-use feature runs outside the"
                      + " VM sandbox.")
          String summary,
      @Schema(example = "Anthropic’s own documentation distinguishes …") String reasoning,
      @Schema(example = "Overstated") String verdict,
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

  /**
   * The optional body of every state change: the version the client read (stale: 409) and what the
   * action needs ({@code comment}, {@code override}, {@code reason}).
   */
  public record ActionRequest(
      Long version, String comment, String override, String reason, String reviewer) {}

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

  /** A page of corrections and the path of the next page, or null on the last. */
  public record Page(List<CorrectionJson> corrections, String next) {}

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** A page of the editors' list: newest first, filtered, {@code limit} before an id. */
  static Page page(String url, String status, String limit, String before, Account viewer) {
    Status wanted = null;
    if (status != null && !status.isBlank()) {
      wanted = Status.parse(status.strip());
      if (wanted == null) {
        throw new BadRequestException(
            "Unknown status \""
                + status
                + "\": use DRAFT, IN_REVIEW, REVIEWED, PUBLISHED or WITHDRAWN.");
      }
    }
    int size = number(limit, "limit", DEFAULT_LIMIT);
    if (size < 1 || size > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ".");
    }
    Long beforeId = before == null || before.isBlank() ? null : (long) number(before, "before", 0);
    String key = null;
    if (url != null && !url.isBlank()) {
      try {
        key = Article.findByUrl(url).map(a -> a.urlKey).orElse(ArticleUrl.key(url));
      } catch (ArticleUrl.InvalidUrl e) {
        throw new BadRequestException(e.getMessage());
      }
    }
    Slice<Correction> slice = Correction.page(key, wanted, beforeId, size);
    String next = null;
    if (slice.next() != null) {
      StringBuilder path = new StringBuilder("/api/corrections?limit=" + size);
      if (url != null && !url.isBlank()) {
        path.append("&url=").append(URLEncoder.encode(url, StandardCharsets.UTF_8));
      }
      if (wanted != null) {
        path.append("&status=").append(wanted.name());
      }
      path.append("&before=").append(slice.next());
      next = path.toString();
    }
    return new Page(slice.items().stream().map(c -> of(c, viewer)).toList(), next);
  }

  private static int number(String value, String name, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number.");
    }
  }
}
