package org.errata.correction;

import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * The door to the correction workflow for HTML pages and the JSON API alike: loads the correction,
 * checks the version the caller read, validates content, and calls the one domain method. Each
 * method is one transaction, so a state change and its audit event are stored together or not at
 * all.
 */
@ApplicationScoped
public class CorrectionDesk {

  @Inject Validator validator;
  @Inject Verification verification;
  @Inject MailNotices mail;

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
    problems.sort(Comparator.comparingInt(p -> FieldOrder.rank(p.field())));
    return problems;
  }

  @Transactional
  public Correction propose(CorrectionContent input, Account by) {
    CorrectionContent content = valid(input);
    Instant now = Instant.now();
    Correction correction =
        Correction.propose(Article.findOrCreate(content.articleUrl, now), content, by, now);
    correction.persist();
    return flushed(correction);
  }

  @Transactional
  public Correction edit(long id, Long readVersion, CorrectionContent input, Account by) {
    Correction correction = load(id, required(readVersion));
    CorrectionContent content = valid(input);
    Instant now = Instant.now();
    correction.edit(Article.findOrCreate(content.articleUrl, now), content, by, now);
    verification.refresh(correction, by);
    return flushed(correction);
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
    correction.amend(changeNote, by, now);
    correction.edit(Article.findOrCreate(content.articleUrl, now), content, by, now);
    verification.refresh(correction, by);
    return flushed(correction);
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
    c.resolveComment(ReviewComment.findById(commentId), by, Instant.now());
  }

  @Transactional
  public Correction submit(long id, Long readVersion, Account by) {
    return act(id, readVersion, by, (c, now) -> c.submit(by, now));
  }

  @Transactional
  public Correction requestChanges(long id, Long readVersion, Account by, String comment) {
    return act(id, readVersion, by, (c, now) -> c.requestChanges(by, comment, now));
  }

  /** {@code override}: why the reviewer accepts an unverified quote or passage (may be null). */
  @Transactional
  public Correction approve(long id, Long readVersion, Account by, String override) {
    return act(id, readVersion, by, (c, now) -> c.approve(by, now, override));
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

  /** Hands the events recorded since {@code before} to the e-mail notices. */
  private void noticed(Correction correction, int before) {
    List<AuditEvent> history = correction.history;
    mail.recorded(List.copyOf(history.subList(before, history.size())));
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

  /** Problems are listed in the order the fields appear on the form. */
  static final class FieldOrder {
    private static final List<String> FIELDS =
        List.of("articleUrl", "passage", "summary", "reasoning", "verdict", "sources");

    static int rank(String field) {
      for (int i = 0; i < FIELDS.size(); i++) {
        if (field.startsWith(FIELDS.get(i))) {
          int base = i * 100_000;
          int open = field.indexOf('[');
          if (open >= 0) {
            int close = field.indexOf(']', open);
            try {
              base += 1 + Integer.parseInt(field.substring(open + 1, close)) * 10;
            } catch (RuntimeException e) {
              // not an index: keep the field's own rank
            }
          }
          return base;
        }
      }
      return Integer.MAX_VALUE;
    }
  }
}
