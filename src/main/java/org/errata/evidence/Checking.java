package org.errata.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.CheckTarget;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Revision;
import org.errata.correction.WorkflowRefusal;
import org.errata.source.Check;
import org.errata.source.Snapshot;

/**
 * Checks a correction's passage against the article and each quote against its page, from text an
 * editor pasted or from the page fetched, in the drift watch's shape: what to check is read through
 * the desk in one transaction (which asks the rule), pages are fetched outside any transaction, and
 * every result is recorded through the desk in one.
 */
@ApplicationScoped
public class Checking {

  @Inject CorrectionDesk desk;
  @Inject Evidence evidence;

  public boolean canFetch() {
    return evidence.canFetch();
  }

  /** Checks one target against pasted {@code text}, or against its page fetched now (null). */
  public void check(long id, CheckTarget target, String text, Account by) {
    CorrectionDesk.Subject subject = subject(desk.checkSubjects(id, by), target, id);
    Evidence.Page page;
    if (text != null) {
      page = Evidence.pasted(pasted(text, target), Instant.now());
    } else {
      if (subject.url() == null) {
        throw new WorkflowRefusal(
            WorkflowRefusal.Kind.INVALID,
            target.label() + " has no address to fetch: add it, or paste the page's text.");
      }
      page = evidence.fetch(subject.url());
    }
    record(id, List.of(result(subject, page, target.isPassage())), by);
  }

  /**
   * Checks everything at once, as the API does on saving and on {@code /check}: the texts given are
   * used; without them, pages are fetched when fetching is on, and with fetching off the words are
   * matched again against the text stored at the last check. A page that cannot be fetched leaves
   * its check as it was; the sentences say why.
   */
  public List<String> checkAll(long id, String articleText, List<String> pageTexts, Account by) {
    List<CorrectionDesk.Subject> subjects = desk.checkSubjects(id, by);
    List<CorrectionDesk.Checked> results = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Instant now = Instant.now();
    for (CorrectionDesk.Subject s : subjects) {
      Integer i = s.target().sourceIndex();
      String text =
          i == null
              ? articleText
              : pageTexts != null && i < pageTexts.size() ? pageTexts.get(i) : null;
      Evidence.Page page = null;
      if (text != null && !text.isBlank()) {
        page = Evidence.pasted(pasted(text, s.target()), now);
      } else if (evidence.canFetch() && s.url() != null) {
        try {
          page = evidence.fetch(s.url());
        } catch (PageFetcher.FetchFailed e) {
          problems.add((i == null ? "Article" : s.target().label()) + ": " + e.getMessage());
        }
      } else if (!evidence.canFetch() && s.before().snapshotId != null) {
        page = stored(s.before().snapshotId);
      }
      if (page != null) {
        results.add(result(s, page, i == null));
      }
    }
    if (!results.isEmpty()) {
      record(id, results, by);
    }
    return problems;
  }

  /**
   * After an edit, words that changed are matched again against the page text already stored for
   * them, without fetching anything, inside the edit's own transaction.
   */
  void rematch(@Observes CorrectionDesk.WordsChanged changed) {
    Correction c = changed.correction();
    Revision r = c.current;
    Instant now = Instant.now();
    List<CheckTarget> targets = new ArrayList<>();
    targets.add(CheckTarget.PASSAGE);
    for (int i = 0; i < r.sources.size(); i++) {
      targets.add(CheckTarget.source(i));
    }
    for (CheckTarget t : targets) {
      Check check = t.isPassage() ? r.passageCheck() : r.sources.get(t.sourceIndex()).check();
      if (check.checkedAt != null || check.snapshotId == null) {
        continue;
      }
      Snapshot snapshot = Snapshot.findById(check.snapshotId);
      if (snapshot == null) {
        continue;
      }
      Check again =
          TextMatcher.find(Correction.words(r, t), snapshot.pageText, check.prefix, check.suffix)
              .toCheck(snapshot.id, now)
              .against(snapshot);
      c.recordCheck(
          t, again, changed.by(), now, "again, against the page text stored before the edit");
    }
  }

  private void record(long id, List<CorrectionDesk.Checked> results, Account by) {
    desk.recordChecks(id, results, by);
  }

  private static CorrectionDesk.Checked result(
      CorrectionDesk.Subject s, Evidence.Page page, boolean isArticle) {
    Evidence.Look look = Evidence.look(page, s.words(), s.before());
    return new CorrectionDesk.Checked(
        s.target(),
        page.snapshot(),
        look.check(Instant.now()),
        page.how(),
        isArticle ? page.aliases() : List.of(),
        isArticle ? page.title() : null);
  }

  /** The text stored at an earlier check, as a page to match against again. */
  private static Evidence.Page stored(long snapshotId) {
    Snapshot old =
        QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>findById(snapshotId));
    if (old == null) {
      return null;
    }
    return new Evidence.Page(old, List.of(), "again, against the stored page text", null);
  }

  private static CorrectionDesk.Subject subject(
      List<CorrectionDesk.Subject> subjects, CheckTarget target, long id) {
    return subjects.stream()
        .filter(s -> s.target().equals(target))
        .findFirst()
        .orElseThrow(() -> new CorrectionDesk.NotFound(id));
  }

  private static String pasted(String text, CheckTarget target) {
    if (text == null || text.isBlank()) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.INVALID,
          "Paste "
              + (target.isPassage() ? "the article's text" : "the source page's text")
              + " to check against.");
    }
    if (text.length() > Evidence.MAX_TEXT) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.INVALID,
          "That text is longer than 2 MiB; paste the part around the quoted words.");
    }
    return text.replace("\r\n", "\n");
  }
}
