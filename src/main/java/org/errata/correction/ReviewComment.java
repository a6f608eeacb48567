package org.errata.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.errata.account.Account;

/** One comment in a revision's review thread; editors only, never shown to readers. */
@Entity
@Table(name = "review_comment")
public class ReviewComment extends PanacheEntityBase {

  public static final int BODY_MAX = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "correction_id")
  public Correction correction;

  @Column(name = "revision_number", nullable = false)
  public int revisionNumber;

  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id")
  public Account author;

  @Column(nullable = false, length = BODY_MAX)
  public String body;

  /** "passage", "summary", "reasoning", "verdict", "articleUrl", "source-2"; null: the whole. */
  @Column(length = 40)
  public String field;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @ManyToOne
  @JoinColumn(name = "resolved_by_id")
  public Account resolvedBy;

  protected ReviewComment() {}

  static ReviewComment of(
      Correction correction, int revision, Account author, String body, String field, Instant now) {
    ReviewComment c = new ReviewComment();
    c.correction = correction;
    c.revisionNumber = revision;
    c.author = author;
    c.body = body;
    c.field = field;
    c.createdAt = now;
    return c;
  }

  public boolean isResolved() {
    return resolvedAt != null;
  }

  /** "on the summary", "on source 2", or "" for the whole correction. */
  public String where() {
    return field == null
        ? ""
        : Field.Part.parse(field, Integer.MAX_VALUE).map(Field.Part::where).orElse("");
  }
}
