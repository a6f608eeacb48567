package org.errata.correction;

import java.util.List;
import org.errata.source.QuotedSource;

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
    String publicUrl) {

  /** One source, in requests and answers alike. */
  public record SourceJson(String title, String publisher, String url, String quote) {
    static SourceJson of(QuotedSource s) {
      return new SourceJson(s.title, s.publisher, s.url, s.quote);
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
        r.status,
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
        c.isPublished() ? "/corrections/" + c.id : null);
  }

  /** What a request may set; everything else in the body is ignored. */
  public record Request(
      String articleUrl,
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<SourceJson> sources,
      Long version) {

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

  /** A page of corrections and the path of the next page, or null on the last. */
  public record Page(List<CorrectionJson> corrections, String next) {}
}
