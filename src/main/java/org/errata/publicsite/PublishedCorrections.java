package org.errata.publicsite;

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
}
