package org.errata.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.errata.account.Account;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a correction's history: who did what, when, from which state to which. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

  /** What happened. */
  public enum Kind {
    CREATED("created the correction"),
    IMPORTED("imported the correction from a report"),
    EDITED("edited the correction"),
    SUBMITTED("submitted it for review"),
    CHANGES_REQUESTED("requested changes"),
    APPROVED("approved it"),
    PUBLISHED("published it"),
    CHECKED("checked words against a page"),
    AMENDED("started an amendment"),
    COMMENTED("commented"),
    COMMENT_RESOLVED("resolved a comment"),
    WITHDRAWN("withdrew it"),
    FINDING_DISMISSED("dismissed a finding");

    public final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "correction_id")
  public Correction correction;

  @Column(name = "revision_number", nullable = false)
  public int revisionNumber;

  /** UTC, as every Instant is. */
  @Column(nullable = false)
  public Instant at;

  @ManyToOne(optional = false)
  @JoinColumn(name = "actor_id")
  public Account actor;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 40)
  public Kind action;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "from_status", length = 20)
  public Status fromStatus;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "to_status", length = 20)
  public Status toStatus;

  @Column(length = 4000)
  public String comment;

  /** For a request for changes: the words the reviewer saw, to show what changed since. */
  @jakarta.persistence.Lob
  @jakarta.persistence.Basic(fetch = FetchType.LAZY)
  @Column(name = "seen_content")
  public String seenContent;

  protected AuditEvent() {}

  static AuditEvent of(
      Correction correction,
      int revisionNumber,
      Account actor,
      Kind action,
      Status from,
      Status to,
      String comment,
      Instant at) {
    AuditEvent event = new AuditEvent();
    event.correction = correction;
    event.revisionNumber = revisionNumber;
    event.actor = actor;
    event.action = action;
    event.fromStatus = from;
    event.toStatus = to;
    event.comment = comment;
    event.at = at;
    return event;
  }
}
