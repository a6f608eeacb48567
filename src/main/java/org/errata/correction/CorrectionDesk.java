package org.errata.correction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.article.ArticleAlias;
import org.errata.db.PublicGeneration;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.QuotedSource;
import org.errata.source.Snapshot;
import org.errata.web.TemplateExtensions;

/**
 * The door to the correction workflow for HTML pages and the JSON API alike: loads the correction,
 * checks the version the caller read, validates content, and calls the one domain method. Each
 * method is one transaction, so a state change and its audit event are stored together or not at
 * all.
 */
@ApplicationScoped
public class CorrectionDesk {

  @Inject Validator validator;
  @Inject Event<Recorded> recorded;
  @Inject Event<WordsChanged> wordsChanged;

  /**
   * Fired inside the transaction of every change with the history lines it wrote; the e-mail
   * notices listen (and send only once it commits).
   */
  public record Recorded(List<AuditEvent> events) {}

  /**
   * Fired inside the transaction of an edit: words whose checks were marked pending may be matched
   * again against the page text already stored for them (evidence does).
   */
  public record WordsChanged(Correction correction, Account by) {}

  /** What to check, read in one short transaction before any page is fetched. */
  public record Subject(CheckTarget target, String words, String url, Check before) {}

  /** What checking one target found: the page text to keep and the check, to record together. */
  public record Checked(
      CheckTarget target,
      Snapshot snapshot,
      Check check,
      String how,
      List<String> aliases,
      String title) {}

  /** What the drift watch found on one published passage or quote's page. */
  public record Drifted(
      long correctionId,
      CheckTarget target,
      Snapshot snapshot,
      CheckStatus found,
      Double score,
      String failure) {}

  /** No such correction (or none the caller may see). */
  public static class NotFound extends RuntimeException {
    public NotFound(long id) {
      super("There is no correction " + id + ".", null, false, false);
    }
  }

  /** The caller read an older version than the one stored: someone else saved in between. */
  public static class StaleVersion extends RuntimeException {
    public final Correction current;

    public StaleVersion(Correction current) {
      super(
          "Someone else changed this correction since you opened it. Nothing was overwritten:"
              + " compare your text with the current one and save again.",
          null,
          false,
          false);
      this.current = current;
    }
  }

  /** One problem with the content, named by its field path ("passage", "sources[1].url"). */
  public record Problem(String field, String message) {}

  /** The content breaks a limit or misses a required part. */
  public static class InvalidContent extends RuntimeException {
    public final List<Problem> problems;

    public InvalidContent(List<Problem> problems) {
      super(problems.get(0).message(), null, false, false);
      this.problems = List.copyOf(problems);
    }
  }

  /** The problems with {@code input}, in form order; empty when it can be saved. */
  public List<Problem> problems(CorrectionContent input) {
    Set<ConstraintViolation<CorrectionContent>> violations = validator.validate(input);
    List<Problem> problems = new ArrayList<>();
    for (ConstraintViolation<CorrectionContent> v : violations) {
      problems.add(new Problem(v.getPropertyPath().toString(), v.getMessage()));
    }
    problems.sort(Comparator.comparingInt(p -> Field.formOrder(p.field())));
    return problems;
  }

  @Transactional
  public Correction propose(CorrectionContent input, Account by) {
    CorrectionContent content = valid(input);
    Instant now = Instant.now();
    Correction correction =
        Correction.propose(Article.findOrCreate(content.articleUrl, now), content, by, now);
    correction.persist();
    correction.noteDuplicates(Duplicates.of(correction));
    flushed(correction);
    noticed(correction, 0);
    return correction;
  }

  /**
   * Drafts from an imported report, all in this one transaction or none: each is checked as a
   * proposal is, and its history says where it came from.
   */
  @Transactional
  public List<Correction> importDrafts(List<CorrectionContent> drafts, Account by, String note) {
    List<CorrectionContent> contents = drafts.stream().map(this::valid).toList();
    Instant now = Instant.now();
    List<Correction> created = new ArrayList<>();
    for (CorrectionContent content : contents) {
      Correction correction =
          Correction.imported(
              Article.findOrCreate(content.articleUrl, now), content, by, now, note);
      correction.persist();
      Correction.flush();
      correction.noteDuplicates(Duplicates.of(correction));
      created.add(correction);
    }
    Correction.flush();
    created.forEach(c -> noticed(c, 0));
    return created;
  }

  /** What checking correction {@code id} would look at, once the rule allows {@code by} to. */
  @Transactional
  public List<Subject> checkSubjects(long id, Account by) {
    Correction c = find(id);
    c.refusal(Action.CHECK, by)
        .ifPresent(
            r -> {
              throw r;
            });
    Revision r = c.current;
    List<Subject> subjects = new ArrayList<>();
    subjects.add(
        new Subject(
            CheckTarget.PASSAGE,
            r.passage,
            TemplateExtensions.href(c.articleUrl),
            r.passageCheck().copy()));
    for (int i = 0; i < r.sources.size(); i++) {
      QuotedSource s = r.sources.get(i);
      subjects.add(new Subject(CheckTarget.source(i), s.quote, s.url, s.check().copy()));
    }
    return subjects;
  }

  /** Records what checking found, every target in this one transaction, with its page text. */
  @Transactional
  public Correction recordChecks(long id, List<Checked> results, Account by) {
    Correction c = find(id);
    int before = c.history.size();
    Instant now = Instant.now();
    for (Checked result : results) {
      if (result.snapshot().id == null) {
        result.snapshot().persist();
        Snapshot.flush();
      }
      result.check().against(result.snapshot());
      c.recordCheck(result.target(), result.check(), by, now, result.how());
      for (String alias : result.aliases()) {
        ArticleAlias.add(c.article, alias);
      }
      if (result.title() != null) {
        String title =
            result.title().length() > 500 ? result.title().substring(0, 500) : result.title();
        if (!title.equals(c.article.title)) {
          c.article.title = title;
          PublicGeneration.changed(Correction.getEntityManager());
        }
      }
    }
    flushed(c);
    noticed(c, before);
    return c;
  }

  /** Records what the drift watch found, in one transaction; returns how many findings it made. */
  @Transactional
  public int recordDrift(List<Drifted> found) {
    int made = 0;
    Instant now = Instant.now();
    for (Drifted d : found) {
      Correction c = Correction.findById(d.correctionId());
      if (c == null) {
        continue;
      }
      if (d.snapshot() != null) {
        d.snapshot().persist();
        Snapshot.flush();
      }
      Finding f =
          c.flagDrift(
              d.target(),
              d.found(),
              d.score(),
              d.snapshot() == null ? null : d.snapshot().id,
              d.failure(),
              now);
      if (f != null) {
        made++;
      }
    }
    Correction.flush();
    return made;
  }

  /** An editor dismisses a finding of correction {@code id}. */
  @Transactional
  public Correction dismissFinding(long id, long findingId, Account by) {
    Correction c = find(id);
    int before = c.history.size();
    c.dismissFinding(Finding.findById(findingId), by, Instant.now());
    flushed(c);
    noticed(c, before);
    return c;
  }

  @Transactional
  public Correction edit(long id, Long readVersion, CorrectionContent input, Account by) {
    Correction correction = load(id, required(readVersion));
    CorrectionContent content = valid(input);
    Instant now = Instant.now();
    int before = correction.history.size();
    correction.edit(Article.findOrCreate(content.articleUrl, now), content, by, now);
    correction.noteDuplicates(Duplicates.of(correction));
    wordsChanged.fire(new WordsChanged(correction, by));
    flushed(correction);
    noticed(correction, before);
    return correction;
  }

  /**
   * Saves new words: edits the revision under way or, when the correction is published with nothing
   * under way, starts an amendment with {@code changeNote} and writes the words into it.
   */
  @Transactional
  public Correction save(
      long id, Long readVersion, CorrectionContent input, String changeNote, Account by) {
    if (find(id).status() != Status.PUBLISHED) {
      return edit(id, readVersion, input, by);
    }
    Correction correction = load(id, required(readVersion));
    CorrectionContent content = valid(input);
    Instant now = Instant.now();
    int before = correction.history.size();
    correction.amend(changeNote, by, now);
    correction.edit(Article.findOrCreate(content.articleUrl, now), content, by, now);
    correction.noteDuplicates(Duplicates.of(correction));
    wordsChanged.fire(new WordsChanged(correction, by));
    flushed(correction);
    noticed(correction, before);
    return correction;
  }

  private static long required(Long readVersion) {
    if (readVersion == null) {
      throw new InvalidContent(
          List.of(
              new Problem(
                  "version", "Send the version you read, so that no one's edits are lost.")));
    }
    return readVersion;
  }

  /** Starts an amendment of the published words, to be edited next. */
  @Transactional
  public Correction amend(long id, Long readVersion, String changeNote, Account by) {
    return act(id, readVersion, by, (c, now) -> c.amend(changeNote, by, now));
  }

  @Transactional
  public Correction withdraw(long id, Long readVersion, Account by, String reason) {
    return act(id, readVersion, by, (c, now) -> c.withdraw(by, reason, now));
  }

  @Transactional
  public ReviewComment comment(long id, Account by, String body, String field) {
    Correction correction = find(id);
    int before = correction.history.size();
    ReviewComment comment = correction.comment(by, body, field, Instant.now());
    ReviewComment.flush();
    noticed(correction, before);
    return comment;
  }

  @Transactional
  public void resolveComment(long id, long commentId, Account by) {
    Correction c = find(id);
    int before = c.history.size();
    c.resolveComment(ReviewComment.findById(commentId), by, Instant.now());
    flushed(c);
    noticed(c, before);
  }

  @Transactional
  public Correction submit(long id, Long readVersion, Account by) {
    return submit(id, readVersion, by, null);
  }

  /** Submits for review; {@code reviewer}: the account name of the editor asked, or blank. */
  @Transactional
  public Correction submit(long id, Long readVersion, Account by, String reviewer) {
    Account asked = reviewer(reviewer);
    return act(
        id,
        readVersion,
        by,
        (c, now) -> {
          c.noteDuplicates(Duplicates.of(c));
          c.submit(by, asked, now);
        });
  }

  private static Account reviewer(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    Account.Named named = Account.named(name);
    if (named.problem() != null) {
      throw new WorkflowRefusal(WorkflowRefusal.Kind.INVALID, named.problem(), "reviewer");
    }
    return named.account();
  }

  /** The author takes the submission back into draft, before a review has started. */
  @Transactional
  public Correction recall(long id, Long readVersion, Account by) {
    return act(id, readVersion, by, (c, now) -> c.recall(by, now));
  }

  /** Deletes a draft that was never submitted; it stays on the record, marked deleted. */
  @Transactional
  public Correction delete(long id, Long readVersion, Account by) {
    return act(id, readVersion, by, (c, now) -> c.delete(by, now));
  }

  @Transactional
  public Correction requestChanges(long id, Long readVersion, Account by, String comment) {
    return act(id, readVersion, by, (c, now) -> c.requestChanges(by, comment, now));
  }

  /** {@code override}: why the reviewer accepts an unverified quote or passage (may be null). */
  @Transactional
  public Correction approve(long id, Long readVersion, Account by, String override) {
    return act(
        id,
        readVersion,
        by,
        (c, now) -> {
          c.noteDuplicates(Duplicates.of(c));
          c.approve(by, now, override);
        });
  }

  @Transactional
  public Correction publish(long id, Long readVersion, Account by) {
    return act(id, readVersion, by, (c, now) -> c.publish(by, now));
  }

  public Correction find(long id) {
    Correction correction = Correction.findById(id);
    if (correction == null) {
      throw new NotFound(id);
    }
    return correction;
  }

  private Correction act(
      long id, Long readVersion, Account by, BiConsumer<Correction, Instant> change) {
    Correction correction = load(id, readVersion);
    int before = correction.history.size();
    change.accept(correction, Instant.now());
    flushed(correction);
    noticed(correction, before);
    return correction;
  }

  /** Tells whoever listens (the e-mail notices) about the events recorded since {@code before}. */
  private void noticed(Correction correction, int before) {
    List<AuditEvent> history = correction.history;
    if (history.size() > before) {
      recorded.fire(new Recorded(List.copyOf(history.subList(before, history.size()))));
    }
  }

  private Correction load(long id, Long readVersion) {
    Correction correction = find(id);
    if (readVersion != null && readVersion != correction.version) {
      throw new StaleVersion(correction);
    }
    return correction;
  }

  // Flush so that the version an answer carries is the one stored.
  private static Correction flushed(Correction correction) {
    Correction.flush();
    return correction;
  }

  private CorrectionContent valid(CorrectionContent input) {
    CorrectionContent content = input.normalized();
    List<Problem> problems = problems(content);
    if (!problems.isEmpty()) {
      throw new InvalidContent(problems);
    }
    return content;
  }
}
