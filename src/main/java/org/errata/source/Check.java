package org.errata.source;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What checking words against a page found: the status, the score of a near match, when, where in
 * the snapshot, and up to 32 characters around the match that pick it again among repeats. Stored
 * beside the passage (revision) and beside each quote (revision_source).
 */
@Embeddable
public class Check {

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", nullable = false, length = 20)
  public CheckStatus status = CheckStatus.UNCHECKED;

  @Column(name = "score")
  public Double score;

  @Column(name = "checked_at")
  public Instant checkedAt;

  @Column(name = "prefix", length = 200)
  public String prefix;

  @Column(name = "suffix", length = 200)
  public String suffix;

  @Column(name = "match_start")
  public Integer matchStart;

  @Column(name = "match_end")
  public Integer matchEnd;

  @Column(name = "snapshot_id")
  public Long snapshotId;

  /** What the words were checked against: a page Errata fetched, or text an editor pasted. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "against", length = 10)
  public Snapshot.Kind against;

  /** The SHA-256 of the text checked against (the snapshot's digest). */
  @Column(name = "digest", length = 64)
  public String digest;

  public Check() {}

  /** This check as made against {@code snapshot}: its id, where its text came from, its digest. */
  public Check against(Snapshot snapshot) {
    snapshotId = snapshot.id;
    against = snapshot.kind;
    digest = snapshot.sha256;
    return this;
  }

  /** Found against a page Errata fetched itself (not against text an editor pasted). */
  public boolean foundOnFetchedPage() {
    return found() && against == Snapshot.Kind.FETCHED;
  }

  public static Check unchecked() {
    return new Check();
  }

  /** Words not yet matched against a page already stored (they changed since the last check). */
  public static Check pending(Long snapshotId) {
    Check c = new Check();
    c.snapshotId = snapshotId;
    return c;
  }

  /**
   * What matching against snapshot {@code snapshotId} found at {@code now}; where it was found
   * (start, end, and the words around it) only when it was found.
   */
  public static Check result(
      CheckStatus status,
      Double score,
      Integer start,
      Integer end,
      String prefix,
      String suffix,
      Long snapshotId,
      Instant now) {
    Check c = new Check();
    c.status = status;
    c.score = score;
    c.checkedAt = now;
    c.snapshotId = snapshotId;
    if (status.found()) {
      c.prefix = prefix;
      c.suffix = suffix;
      c.matchStart = start;
      c.matchEnd = end;
    }
    return c;
  }

  public Check copy() {
    Check c = new Check();
    c.status = status;
    c.score = score;
    c.checkedAt = checkedAt;
    c.prefix = prefix;
    c.suffix = suffix;
    c.matchStart = matchStart;
    c.matchEnd = matchEnd;
    c.snapshotId = snapshotId;
    c.against = against;
    c.digest = digest;
    return c;
  }

  public boolean found() {
    return status != null && status.found();
  }

  public CheckStatus statusOrUnchecked() {
    return status == null ? CheckStatus.UNCHECKED : status;
  }
}
