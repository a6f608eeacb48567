package org.errata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A page's text is stored without NUL characters, which no page shows and PostgreSQL refuses. */
class SnapshotTest {

  @Test
  void pastedAndFetchedTextLoseTheirNulCharactersAndTheDigestIsOfWhatIsStored() {
    Snapshot pasted = Snapshot.pasted("Help\0 page\0", Instant.EPOCH);
    assertEquals("Help page", pasted.pageText);
    assertEquals(Snapshot.pasted("Help page", Instant.EPOCH).sha256, pasted.sha256);
    Snapshot fetched =
        Snapshot.fetched("https://a.example/", "https://a.example/", 200, Instant.EPOCH, "a\0b");
    assertEquals("ab", fetched.pageText);
  }
}
