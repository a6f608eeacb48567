package org.errata.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Basic;
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
import java.util.List;
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
    FINDING_DISMISSED("dismissed a finding"),
    RECALLED("recalled it from review"),
    DELETED("deleted the draft"),
    ACCOUNT_CREATED("created the account"),
    ACCOUNT_DISABLED("disabled the account"),
    ACCOUNT_ENABLED("enabled the account"),
    PASSWORD_RESET("reset the password"),
    ROLE_CHANGED("changed the role");

    public final String description;

    Kind(String description) {
      this.description = description;
    }

    /**
     * Whether this changes what readers see of the correction (its published revision, or that it
     * is withdrawn): the search index and the public pages kept in memory follow these.
     */
    public boolean changesWhatReadersSee() {
      return this == PUBLISHED || this == WITHDRAWN;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The correction it happened to; null for an event about an account. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "correction_id")
  public Correction correction;

  /** The account an admin changed (created, disabled, ...); null for a correction's event. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "subject_id")
  public Account subject;

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
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "seen_content")
  public String seenContent;

  protected AuditEvent() {}

  /** What {@code actor} did to account {@code subject}, for the activity log. */
  public static AuditEvent onAccount(
      Account actor, Kind action, Account subject, String comment, Instant at) {
    AuditEvent event = new AuditEvent();
    event.actor = actor;
    event.action = action;
    event.subject = subject;
    event.comment = comment;
    event.at = at;
    return event;
  }

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

  /**
   * The activity log: every event, newest first, optionally by one actor, of one kind, between two
   * times, {@code limit} before an id (by keyset, so any page costs what the first does).
   */
  public static Slice<AuditEvent> log(
      Long actorId, Kind kind, Instant from, Instant to, Long before, int limit) {
    StringBuilder q = new StringBuilder("from AuditEvent e where 1 = 1");
    Parameters p = new Parameters();
    if (actorId != null) {
      q.append(" and e.actor.id = :actor");
      p.and("actor", actorId);
    }
    if (kind != null) {
      q.append(" and e.action = :action");
      p.and("action", kind);
    }
    if (from != null) {
      q.append(" and e.at >= :from");
      p.and("from", from);
    }
    if (to != null) {
      q.append(" and e.at < :to");
      p.and("to", to);
    }
    if (before != null) {
      q.append(" and e.id < :before");
      p.and("before", before);
    }
    q.append(" order by e.id desc");
    List<AuditEvent> found = AuditEvent.<AuditEvent>find(q.toString(), p).range(0, limit).list();
    return Slice.of(found, limit, e -> String.valueOf(e.id));
  }
}
