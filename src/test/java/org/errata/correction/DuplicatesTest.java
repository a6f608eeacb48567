package org.errata.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.source.QuotedSource;
import org.junit.jupiter.api.Test;

/**
 * "One correction, not two": what counts as the same passage, and what approving one then needs.
 */
class DuplicatesTest {

  final Account ada = Account.of("ada", "x", false, CorrectionWorkflowTest.T0);
  final Account grace = Account.of("grace", "x", false, CorrectionWorkflowTest.T0);

  @Test
  void theSamePassageWithOtherSpacingQuotesDashesOrCaseIsADuplicate() {
    assertTrue(
        Duplicates.similar(
            "Cowork is sandboxed — safer but more limited",
            "  cowork is SANDBOXED - safer, but more limited. "));
    assertTrue(
        Duplicates.similar("“It never leaves the sandbox”", "\"It never leaves the sandbox\""));
  }

  @Test
  void aNearPassageIsADuplicateAndADifferentOneIsNot() {
    assertTrue(
        Duplicates.similar(
            "The assistant never leaves its sandbox on your computer",
            "The assistant never leaves the sandbox on your computer"));
    assertFalse(
        Duplicates.similar(
            "The assistant never leaves its sandbox", "Prices start at ten dollars a month"));
    assertFalse(
        Duplicates.similar(
            "Cowork is sandboxed",
            "Cowork is sandboxed, safer but more limited in what it can do"));
    assertFalse(Duplicates.similar("", "anything"));
    assertFalse(Duplicates.similar("…", "—"));
  }

  @Test
  void approvingAPossibleDuplicateNeedsAReasonAndTheReasonIsKept() {
    Correction c =
        Correction.propose(
            Article.of("https://www.example.com/story", CorrectionWorkflowTest.T0),
            CorrectionWorkflowTest.content("The passage"),
            ada,
            CorrectionWorkflowTest.T0);
    CorrectionWorkflowTest.verifyQuotes(c);
    Correction other =
        Correction.propose(
            c.article,
            CorrectionWorkflowTest.content("The passage"),
            grace,
            CorrectionWorkflowTest.T0);
    other.id = 41L;
    c.noteDuplicates(List.of(other));
    assertEquals(List.of(41L), c.possibleDuplicates());
    c.submit(ada, CorrectionWorkflowTest.T0.plusSeconds(1));

    Offer approve =
        c.offersFor(grace).stream().filter(o -> o.action() == Action.APPROVE).findFirst().get();
    assertTrue(approve.needs(Offer.Need.OVERRIDE));
    assertTrue(approve.because().get(0).contains("correction 41"), approve.because().toString());
    WorkflowRefusal refused =
        assertThrows(
            WorkflowRefusal.class,
            () -> c.approve(grace, CorrectionWorkflowTest.T0.plusSeconds(2), null));
    assertTrue(refused.getMessage().startsWith("It may repeat correction 41"));

    c.approve(
        grace, CorrectionWorkflowTest.T0.plusSeconds(2), "A second error in the same sentence.");
    assertEquals("A second error in the same sentence.", c.current.approvalOverride);
  }

  @Test
  void withNoDuplicateNotedApprovalNeedsNoReason() {
    Correction c =
        Correction.propose(
            Article.of("https://www.example.com/story", CorrectionWorkflowTest.T0),
            CorrectionWorkflowTest.content("The passage"),
            ada,
            CorrectionWorkflowTest.T0);
    CorrectionWorkflowTest.verifyQuotes(c);
    c.noteDuplicates(List.of());
    c.submit(ada, CorrectionWorkflowTest.T0.plusSeconds(1));
    c.approve(grace, CorrectionWorkflowTest.T0.plusSeconds(2), null);
    assertEquals(Status.REVIEWED, c.status());
  }

  @Test
  void aSourceWithoutAnAddressIsRefusedAtSubmissionUnlessOfflineWithADescription() {
    CorrectionContent noAddress =
        new CorrectionContent(
            "https://www.example.com/story",
            "The passage",
            "The story overstates it.",
            "Because.",
            null,
            List.of(new QuotedSource("A book", "Press", null, "It says otherwise.")));
    Correction c =
        Correction.propose(
            Article.of("https://www.example.com/story", CorrectionWorkflowTest.T0),
            noAddress,
            ada,
            CorrectionWorkflowTest.T0);
    WorkflowRefusal refused =
        assertThrows(WorkflowRefusal.class, () -> c.submit(ada, CorrectionWorkflowTest.T0));
    assertEquals("sources[0].url", refused.field);

    c.current.sources.get(0).offline = true;
    refused = assertThrows(WorkflowRefusal.class, () -> c.submit(ada, CorrectionWorkflowTest.T0));
    assertEquals("sources[0].offlineNote", refused.field);

    c.current.sources.get(0).offlineNote = "The Sandbox Book (2025), page 12.";
    c.submit(ada, CorrectionWorkflowTest.T0);
    // An offline source has no page to check: it needs no override, and readers see it as offline.
    assertTrue(c.unverified().isEmpty(), c.unverified().toString());
  }
}
