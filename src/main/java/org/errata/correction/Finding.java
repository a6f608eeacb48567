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
 * What checking a live correction's passage or quote again found, kept beside the correction and
 * never written into it: readers keep seeing what was published. The scheduled drift watch records
 * one when a published passage or quote is no longer on its page; an editor's re-check records one
 * whatever it finds. A finding of words no longer found stays open until an editor dismisses it.
 */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

  /** Who looked again. */
  public enum Origin {
    /** The scheduled drift watch. */
    DRIFT,
    /** An editor checking a live correction again. */
    RECHECK
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "correction_id")
  public Correction correction;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  public Origin origin;

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

  /** The editor who checked again (a re-check), or null (the drift watch). */
  @ManyToOne
  @JoinColumn(name = "found_by_id")
  public Account foundBy;

  /** Why the page could not be read (it is gone), when that is what changed. */
  @Column(length = 500)
  public String failure;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @ManyToOne
  @JoinColumn(name = "resolved_by_id")
  public Account resolvedBy;

  protected Finding() {}

  static Finding of(
      Correction correction,
      Origin origin,
      CheckTarget target,
      String quoted,
      Long oldSnapshotId,
      Instant now) {
    Finding f = new Finding();
    f.correction = correction;
    f.origin = origin;
    f.sourceIndex = target.sourceIndex();
    f.quoted = quoted;
    f.oldSnapshotId = oldSnapshotId;
    f.detectedAt = now;
    return f;
  }

  public CheckTarget target() {
    return sourceIndex == null ? CheckTarget.PASSAGE : CheckTarget.source(sourceIndex);
  }

  /** "the passage, in the article" or "source 2 (“Title”)". */
  public String describe() {
    if (sourceIndex == null) {
      return "the passage, in the article";
    }
    var sources = correction.published.sources;
    String title = sourceIndex < sources.size() ? sources.get(sourceIndex).title : "";
    return "source " + (sourceIndex + 1) + " (“" + title + "”)";
  }

  /** Still waiting for an editor: the words were not found again and nobody dismissed it. */
  public boolean isOpen() {
    return resolvedAt == null && !newStatus.found();
  }

  public static List<Finding> open() {
    return list(
        "resolvedAt is null and newStatus not in (?1, ?2, ?3) order by detectedAt desc",
        CheckStatus.EXACT,
        CheckStatus.NORMALIZED,
        CheckStatus.APPROXIMATE);
  }
}
