package org.errata.publicsite;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.errata.article.Article;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Revision;

/** The one way public pages load a correction: unpublished ones do not exist for readers. */
final class PublishedCorrections {

  private PublishedCorrections() {}

  static Correction find(long id) {
    Correction correction = Correction.findById(id);
    if (correction == null || !correction.isPublished()) {
      throw new CorrectionDesk.NotFound(id);
    }
    return correction;
  }

  /** Published revision {@code number} of {@code correction}; never a draft. */
  static Revision revision(Correction correction, int number) {
    return correction.publishedRevisions().stream()
        .filter(r -> r.number == number)
        .findFirst()
        .orElseThrow(() -> new CorrectionDesk.NotFound(correction.id));
  }

  /**
   * What readers find for one article (null when none is known): live and withdrawn corrections.
   */
  record ForArticle(Article article, List<Correction> live, List<Correction> withdrawn) {
    /** When readers' view of this article last changed: its newest publication or withdrawal. */
    Instant changed() {
      return PublishedCorrections.changed(
          Stream.concat(live.stream(), withdrawn.stream()).toArray(Correction[]::new));
    }
  }

  /**
   * The newest publication or withdrawal among {@code corrections} (the epoch when none): what
   * public answers give as Last-Modified.
   */
  static Instant changed(Correction... corrections) {
    Instant newest = Instant.EPOCH;
    for (Correction c : corrections) {
      for (Instant at : new Instant[] {c.published.publishedAt, c.withdrawnAt}) {
        if (at != null && at.isAfter(newest)) {
          newest = at;
        }
      }
    }
    return newest;
  }

  /** Every published correction of the article with this key (or alias), newest first. */
  static ForArticle forArticle(String key) {
    Article article = Article.findByKey(key).orElse(null);
    List<Correction> all = article == null ? List.of() : Correction.publishedFor(article.urlKey);
    return new ForArticle(
        article,
        all.stream().filter(Correction::isLive).toList(),
        all.stream().filter(Correction::isWithdrawn).toList());
  }
}
