package org.errata.correction;

import java.time.Instant;
import java.util.List;
import org.errata.source.QuotedSource;

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
    List<QuotedSource> sources,
    Instant publishedAt) {

  public static CorrectionView of(Correction correction, Revision revision) {
    return new CorrectionView(
        correction.id,
        correction.articleUrl,
        revision.passage,
        revision.summary,
        Reasoning.blocks(revision.reasoning),
        revision.verdict,
        List.copyOf(revision.sources),
        correction.firstPublishedAt());
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
