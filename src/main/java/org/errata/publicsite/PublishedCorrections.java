package org.errata.publicsite;

import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;

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
}
