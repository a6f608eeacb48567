package org.errata.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.errata.account.Account;
import org.errata.source.QuotedSource;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a correction's content and where it stands in review. A correction keeps its
 * permalink across revisions; only {@link Correction} changes a revision's state.
 */
@Entity
@Table(name = "revision")
public class Revision extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "correction_id")
  public Correction correction;

  @Column(nullable = false)
  public int number;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  public Status status;

  @Column(nullable = false, length = CorrectionContent.PASSAGE_MAX)
  public String passage;

  @Column(nullable = false, length = CorrectionContent.SUMMARY_MAX)
  public String summary;

  @Column(nullable = false, length = CorrectionContent.REASONING_MAX)
  public String reasoning;

  @Column(length = CorrectionContent.VERDICT_MAX)
  public String verdict;

  @ElementCollection
  @CollectionTable(name = "revision_source", joinColumns = @JoinColumn(name = "revision_id"))
  @OrderColumn(name = "pos")
  public List<QuotedSource> sources = new ArrayList<>();

  /** Who started this revision. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id")
  public Account author;

  /** Everyone who wrote any of this revision, the author included: none of them may approve. */
  @ManyToMany
  @JoinTable(
      name = "revision_editor",
      joinColumns = @JoinColumn(name = "revision_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  public Set<Account> editors = new LinkedHashSet<>();

  @ManyToOne
  @JoinColumn(name = "approved_by_id")
  public Account approvedBy;

  @Column(name = "approved_hash", length = 64)
  public String approvedHash;

  @Column(name = "approved_at")
  public Instant approvedAt;

  @ManyToOne
  @JoinColumn(name = "published_by_id")
  public Account publishedBy;

  @Column(name = "published_at")
  public Instant publishedAt;

  protected Revision() {}

  static Revision first(Correction correction, CorrectionContent content, Account author) {
    Revision revision = new Revision();
    revision.correction = correction;
    revision.number = 1;
    revision.status = Status.DRAFT;
    revision.author = author;
    revision.editors.add(author);
    revision.write(content);
    return revision;
  }

  void write(CorrectionContent content) {
    passage = content.passage;
    summary = content.summary;
    reasoning = content.reasoning;
    verdict = content.verdict;
    sources.clear();
    content.sources.forEach(s -> sources.add(s.copy()));
  }

  /** This revision's words as content, for hashing, forms and the API. */
  public CorrectionContent content() {
    List<QuotedSource> copies = new ArrayList<>();
    sources.forEach(s -> copies.add(s.copy()));
    return new CorrectionContent(
        correction.articleUrl, passage, summary, reasoning, verdict, copies);
  }

  public boolean wasWrittenBy(Account account) {
    return editors.stream().anyMatch(e -> e.sameAs(account));
  }
}
