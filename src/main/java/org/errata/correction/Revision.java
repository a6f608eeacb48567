package org.errata.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.util.Objects;
import java.util.Set;
import org.errata.account.Account;
import org.errata.source.Check;
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

  /** For an amendment: what changed and why, shown to readers once it is published. */
  @Column(name = "change_note", length = CHANGE_NOTE_MAX)
  public String changeNote;

  public static final int CHANGE_NOTE_MAX = 1000;

  /**
   * Ids of corrections of the same article, live or under way, whose passage is the same or near
   * (comma-separated), as found when the words were last saved or acted on; null when none.
   */
  @Column(name = "possible_duplicates", length = 500)
  public String possibleDuplicates;

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

  /** Whether the passage is in the article's text; not part of the content approved. */
  @Embedded
  @AttributeOverrides({
    @AttributeOverride(
        name = "status",
        column = @Column(name = "passage_status", nullable = false)),
    @AttributeOverride(name = "score", column = @Column(name = "passage_score")),
    @AttributeOverride(name = "checkedAt", column = @Column(name = "passage_checked_at")),
    @AttributeOverride(name = "prefix", column = @Column(name = "passage_prefix")),
    @AttributeOverride(name = "suffix", column = @Column(name = "passage_suffix")),
    @AttributeOverride(name = "matchStart", column = @Column(name = "passage_start")),
    @AttributeOverride(name = "matchEnd", column = @Column(name = "passage_end")),
    @AttributeOverride(name = "snapshotId", column = @Column(name = "passage_snapshot_id")),
    @AttributeOverride(name = "against", column = @Column(name = "passage_against")),
    @AttributeOverride(name = "digest", column = @Column(name = "passage_digest"))
  })
  public Check passageCheck = Check.unchecked();

  /** Why the reviewer approved despite an unverified quote or passage, shown to readers too. */
  @Column(name = "approval_override", length = 2000)
  public String approvalOverride;

  @ManyToOne
  @JoinColumn(name = "approved_by_id")
  public Account approvedBy;

  /** The editor the author asked to review this revision, or null for any editor. */
  @ManyToOne
  @JoinColumn(name = "requested_reviewer_id")
  public Account requestedReviewer;

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

  /**
   * Replaces the words. A check stays with words that did not change; changed words are marked to
   * be matched again against the page text already stored for them.
   */
  /** The next revision of a live correction: a draft of the published words, by {@code author}. */
  static Revision amendment(Revision published, Account author, String changeNote) {
    Revision next = new Revision();
    next.correction = published.correction;
    next.number = published.number + 1;
    next.status = Status.DRAFT;
    next.author = author;
    next.editors.add(author);
    next.changeNote = changeNote;
    next.passage = published.passage;
    next.summary = published.summary;
    next.reasoning = published.reasoning;
    next.verdict = published.verdict;
    next.passageCheck = published.passageCheck().copy();
    for (QuotedSource s : published.sources) {
      QuotedSource copy = s.copy();
      copy.quoteCheck = s.check().copy();
      next.sources.add(copy);
    }
    return next;
  }

  void write(CorrectionContent content) {
    if (passage != null && !passage.equals(content.passage)) {
      passageCheck = Check.pending(passageCheck().snapshotId);
    }
    passage = content.passage;
    summary = content.summary;
    reasoning = content.reasoning;
    verdict = content.verdict;
    List<QuotedSource> before = new ArrayList<>(sources);
    sources.clear();
    for (QuotedSource typed : content.sources) {
      QuotedSource s = typed.copy();
      s.quoteCheck = carriedCheck(before, s);
      sources.add(s);
    }
  }

  private static Check carriedCheck(List<QuotedSource> before, QuotedSource now) {
    for (QuotedSource old : before) {
      if (Objects.equals(old.url, now.url) && old.quote.equals(now.quote)) {
        return old.check().copy();
      }
    }
    // The same page (same address, or same title when there is none): keep its stored text.
    for (QuotedSource old : before) {
      boolean samePage =
          now.url != null
              ? now.url.equals(old.url)
              : old.url == null && old.title.equals(now.title);
      if (samePage) {
        return Check.pending(old.check().snapshotId);
      }
    }
    return Check.unchecked();
  }

  public Check passageCheck() {
    if (passageCheck == null) {
      passageCheck = Check.unchecked();
    }
    return passageCheck;
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
