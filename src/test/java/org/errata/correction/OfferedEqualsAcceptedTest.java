package org.errata.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.evidence.TextMatcher;
import org.errata.source.QuotedSource;
import org.junit.jupiter.api.Test;

/**
 * A page never offers what the server refuses, and never hides what it would accept: for every
 * state, every person and every condition (comments open, evidence missing, an override, an
 * amendment open, withdrawn), the actions {@link Correction#offersFor} offers are exactly the ones
 * the domain then accepts, given what each offer says it needs.
 */
class OfferedEqualsAcceptedTest {

  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  static final Account ADA = Account.of("ada", "x", false, T0);
  static final Account GRACE = Account.of("grace", "x", false, T0);
  static final Account LINUS = Account.of("linus", "x", false, T0);
  static final Account ROOT = Account.of("root", "x", true, T0);
  static final List<Account> PEOPLE = List.of(ADA, GRACE, LINUS, ROOT);

  static Correction draft(boolean verified) {
    Correction c =
        Correction.propose(
            Article.of("https://www.example.com/story", T0),
            CorrectionWorkflowTest.content("The passage"),
            ADA,
            T0);
    if (verified) {
      CorrectionWorkflowTest.verifyQuotes(c);
    }
    return c;
  }

  static Map<String, Supplier<Correction>> scenarios() {
    Map<String, Supplier<Correction>> s = new LinkedHashMap<>();
    s.put("draft", () -> draft(true));
    s.put(
        "draft edited by linus",
        () -> {
          Correction c = draft(true);
          c.edit(c.article, CorrectionWorkflowTest.content("The passage, edited"), LINUS, T0);
          CorrectionWorkflowTest.verifyQuotes(c);
          return c;
        });
    s.put("in review", () -> inReview(draft(true)));
    s.put(
        "in review, a comment open",
        () -> {
          Correction c = inReview(draft(true));
          c.comment(GRACE, "Is this the right page?", "source-1", T0);
          return c;
        });
    s.put("in review, evidence missing", () -> inReview(draft(false)));
    s.put(
        "in review, a quote not found",
        () -> {
          Correction c = draft(false);
          for (QuotedSource q : c.current.sources) {
            q.quoteCheck = TextMatcher.find(q.quote, "Nothing alike at all.").toCheck(1L, T0);
          }
          return inReview(c);
        });
    s.put("reviewed", () -> reviewed(draft(true), null));
    s.put("reviewed by override", () -> reviewed(draft(false), "The page is behind a login."));
    s.put("published", () -> published());
    s.put(
        "published, an amendment open",
        () -> {
          Correction c = published();
          c.amend("Adds a source.", LINUS, T0);
          return c;
        });
    s.put(
        "published, an amendment in review",
        () -> {
          Correction c = published();
          c.amend("Adds a source.", LINUS, T0);
          c.submit(LINUS, T0);
          return c;
        });
    s.put(
        "withdrawn",
        () -> {
          Correction c = published();
          c.withdraw(LINUS, "The article was fixed.", T0);
          return c;
        });
    s.put(
        "withdrawn with an amendment open",
        () -> {
          Correction c = published();
          c.amend("Adds a source.", LINUS, T0);
          c.withdraw(ROOT, "The article was fixed.", T0);
          return c;
        });
    return s;
  }

  static Correction inReview(Correction c) {
    c.submit(ADA, T0);
    return c;
  }

  static Correction reviewed(Correction c, String override) {
    inReview(c).approve(GRACE, T0, override);
    return c;
  }

  static Correction published() {
    Correction c = reviewed(draft(true), null);
    c.publish(GRACE, T0);
    return c;
  }

  /** Does {@code action}, giving everything it can need; true when the domain accepted it. */
  static boolean accepted(Correction c, Action action, Account person) {
    try {
      switch (action) {
        case EDIT -> c.edit(c.article, CorrectionWorkflowTest.content("The passage"), person, T0);
        case SUBMIT -> c.submit(person, T0);
        case RECALL -> c.recall(person, T0);
        case DELETE -> c.delete(person, T0);
        case REQUEST_CHANGES -> c.requestChanges(person, "Please change the summary.", T0);
        case APPROVE -> c.approve(person, T0, "The page is behind a login.");
        case PUBLISH -> c.publish(person, T0);
        case AMEND -> c.amend("Fixes a typo.", person, T0);
        case WITHDRAW -> c.withdraw(person, "The article was fixed.", T0);
        case COMMENT -> c.comment(person, "A question.", null, T0);
        case CHECK ->
            c.recordCheck(
                CheckTarget.PASSAGE,
                TextMatcher.find("The passage", "… The passage …").toCheck(9L, T0),
                person,
                T0,
                "against text supplied by the editor");
        default -> throw new AssertionError("no way to try " + action + " here yet");
      }
      return true;
    } catch (WorkflowRefusal e) {
      return false;
    }
  }

  @Test
  void everyActionOfferedIsAcceptedAndEveryOtherRefused() {
    List<String> wrong = new ArrayList<>();
    int cases = 0;
    for (Map.Entry<String, Supplier<Correction>> scenario : scenarios().entrySet()) {
      for (Account person : PEOPLE) {
        List<Offer> offers = scenario.getValue().get().offersFor(person);
        for (Action action : Action.values()) {
          cases++;
          boolean offered = offers.stream().anyMatch(o -> o.action() == action);
          boolean accepted = accepted(scenario.getValue().get(), action, person);
          if (offered != accepted) {
            wrong.add(
                scenario.getKey()
                    + ", "
                    + person.username
                    + ", "
                    + action
                    + ": offered "
                    + offered
                    + ", accepted "
                    + accepted);
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "over " + cases + " cases");
  }

  @Test
  void anApprovalOfferedWithAnOverrideIsRefusedWithoutOneAndSaysWhy() {
    for (String name : List.of("in review, evidence missing", "in review, a quote not found")) {
      Correction c = scenarios().get(name).get();
      Offer approve =
          c.offersFor(GRACE).stream()
              .filter(o -> o.action() == Action.APPROVE)
              .findFirst()
              .orElseThrow();
      assertEquals(Set.of(Offer.Need.OVERRIDE), approve.needs(), name);
      assertEquals(c.unverified(), approve.because(), name);
      assertThrows(WorkflowRefusal.class, () -> c.approve(GRACE, T0, null), name);
    }
    Offer plain =
        scenarios().get("in review").get().offersFor(GRACE).stream()
            .filter(o -> o.action() == Action.APPROVE)
            .findFirst()
            .orElseThrow();
    assertEquals(Set.of(), plain.needs());
  }

  @Test
  void anOpenCommentMeansApprovalIsNotOfferedAndTheNoteSaysWhy() {
    Correction c = scenarios().get("in review, a comment open").get();
    assertEquals(false, c.actionsFor(GRACE).contains(Action.APPROVE));
    assertEquals(
        "1 review comment is not resolved: resolve it before approving.",
        c.refusal(Action.APPROVE, GRACE).orElseThrow().getMessage());
  }
}
