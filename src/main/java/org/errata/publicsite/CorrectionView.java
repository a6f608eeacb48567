package org.errata.publicsite;

import java.time.Instant;
import java.util.List;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.evidence.TextFragment;
import org.errata.source.QuotedSource;
import org.errata.text.Reasoning;
import org.errata.web.Links;
import org.errata.web.TemplateExtensions;

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
    String articleLink,
    int revision,
    boolean latest,
    Instant updatedAt,
    String changeNote,
    Instant withdrawnAt,
    String withdrawalReason,
    List<RevisionLink> revisions) {

  /** A published revision, for the list of versions readers can open. */
  public record RevisionLink(int number, Instant publishedAt, String changeNote, String link) {}

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
    List<Revision> out = correction.publishedRevisions();
    boolean latest =
        correction.published == null
            || revision == correction.published
            || revision.publishedAt == null;
    return new CorrectionView(
        correction.id,
        correction.articleUrl,
        revision.passage,
        revision.summary,
        Reasoning.blocks(revision.reasoning),
        revision.verdict,
        revision.sources.stream().map(SourceView::of).toList(),
        correction.firstPublishedAt(),
        TextFragment.link(TemplateExtensions.href(correction.articleUrl), revision.passage),
        revision.number,
        latest,
        latest ? correction.updatedAtForReaders() : revision.publishedAt,
        revision.publishedAt == null ? null : revision.changeNote,
        correction.withdrawnAt,
        correction.withdrawalReason,
        out.size() > 1
            ? out.stream()
                .map(
                    r ->
                        new RevisionLink(
                            r.number,
                            r.publishedAt,
                            r.changeNote,
                            Links.publishedRevision(correction.id, r.number)))
                .toList()
            : List.of());
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  /** What readers see of a published correction. */
  public static CorrectionView published(Correction correction) {
    return of(correction, correction.published);
  }

  public String permalink() {
    return Links.published(id);
  }

  /** "1 source", "3 sources". */
  public String sourceCount() {
    return sources.size() == 1 ? "1 source" : sources.size() + " sources";
  }
}
