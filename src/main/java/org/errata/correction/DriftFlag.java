package org.errata.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.errata.account.Account;
import org.errata.source.CheckStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A published passage or quote that its page no longer shows: "source changed since publication".
 * Only a flag for editors; the published correction itself is never changed.
 */
@Entity
@Table(name = "drift_flag")
public class DriftFlag extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "correction_id")
  public Correction correction;

  /** 0-based source, or null for the passage in the article. */
  @Column(name = "source_index")
  public Integer sourceIndex;

  @Column(nullable = false, length = 5000)
  public String quoted;

  @Column(name = "old_snapshot_id")
  public Long oldSnapshotId;

  @Column(name = "new_snapshot_id")
  public Long newSnapshotId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "new_status", nullable = false, length = 20)
  public CheckStatus newStatus;

  @Column(name = "new_score")
  public Double newScore;

  @Column(name = "detected_at", nullable = false)
  public Instant detectedAt;

  /** Why the page could not be read (it is gone), when that is what changed. */
  @Column(length = 500)
  public String failure;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @ManyToOne
  @JoinColumn(name = "resolved_by_id")
  public Account resolvedBy;

  protected DriftFlag() {}

  static DriftFlag of(
      Correction correction, Integer sourceIndex, String quoted, Long oldSnapshotId, Instant now) {
    DriftFlag flag = new DriftFlag();
    flag.correction = correction;
    flag.sourceIndex = sourceIndex;
    flag.quoted = quoted;
    flag.oldSnapshotId = oldSnapshotId;
    flag.detectedAt = now;
    return flag;
  }

  /** "the passage" or "source 2 (“Title”)". */
  public String target() {
    if (sourceIndex == null) {
      return "the passage, in the article";
    }
    var sources = correction.published.sources;
    String title = sourceIndex < sources.size() ? sources.get(sourceIndex).title : "";
    return "source " + (sourceIndex + 1) + " (“" + title + "”)";
  }

  public boolean isOpen() {
    return resolvedAt == null;
  }

  public void resolve(Account by, Instant now) {
    resolvedAt = now;
    resolvedBy = by;
  }

  public static List<DriftFlag> open() {
    return list("resolvedAt is null order by detectedAt desc");
  }

  static boolean openFor(long correctionId, Integer sourceIndex) {
    return sourceIndex == null
        ? count("correction.id = ?1 and sourceIndex is null and resolvedAt is null", correctionId)
            > 0
        : count(
                "correction.id = ?1 and sourceIndex = ?2 and resolvedAt is null",
                correctionId,
                sourceIndex)
            > 0;
  }
}
