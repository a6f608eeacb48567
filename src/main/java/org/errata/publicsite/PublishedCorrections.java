package org.errata.publicsite;

import java.util.List;
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
  record ForArticle(Article article, List<Correction> live, List<Correction> withdrawn) {}

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
