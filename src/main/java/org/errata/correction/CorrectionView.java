package org.errata.correction;

import java.time.Instant;
import java.util.List;
import org.errata.source.QuotedSource;
import org.errata.source.TextFragment;

/**
 * One revision laid out as readers see it. The editor's page shows the working revision through
 * this same view, so what an editor approves is what readers get.
 */
public record CorrectionView(
    long id,
    String articleUrl,
    String passage,
    String summary,
    List<Reasoning.Block> reasoning,
    String verdict,
    List<SourceView> sources,
    Instant publishedAt,
    String articleLink) {

  /**
   * A source as readers see it: linked with a text fragment to the quoted words, and the date its
   * quote was found on the page (null when it was not verified).
   */
  public record SourceView(
      String title, String publisher, String url, String quote, String link, Instant checkedOn) {
    static SourceView of(QuotedSource s) {
      return new SourceView(
          s.title,
          s.publisher,
          s.url,
          s.quote,
          s.url == null ? null : TextFragment.link(s.url, s.quote),
          s.check().found() ? s.check().checkedAt : null);
    }

    /** "Title | Publisher", or the title alone. */
    public String heading() {
      return publisher == null ? title : title + " | " + publisher;
    }
  }

  public static CorrectionView of(Correction correction, Revision revision) {
    return new CorrectionView(
        correction.id,
        correction.articleUrl,
        revision.passage,
        revision.summary,
        Reasoning.blocks(revision.reasoning),
        revision.verdict,
        revision.sources.stream().map(SourceView::of).toList(),
        correction.firstPublishedAt(),
        TextFragment.link(fetchable(correction.articleUrl), revision.passage));
  }

  private static String fetchable(String url) {
    return Verification.fetchable(url);
  }

  /** What readers see of a published correction. */
  public static CorrectionView published(Correction correction) {
    return of(correction, correction.published);
  }

  public String permalink() {
    return "/corrections/" + id;
  }

  /** "1 source", "3 sources". */
  public String sourceCount() {
    return sources.size() == 1 ? "1 source" : sources.size() + " sources";
  }
}
