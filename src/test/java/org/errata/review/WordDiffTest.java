package org.errata.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

  static String render(List<WordDiff.Segment> segments) {
    return segments.stream()
        .map(
            s ->
                switch (s.kind()) {
                  case SAME -> s.text();
                  case ADDED -> "{+" + s.text() + "+}";
                  case REMOVED -> "[-" + s.text() + "-]";
                })
        .collect(Collectors.joining());
  }

  @Test
  void aChangedWordIsShownRemovedAndAdded() {
    assertEquals(
        "The plan is [-free-]{+cheap+} for all.",
        render(WordDiff.diff("The plan is free for all.", "The plan is cheap for all.")));
  }

  @Test
  void insertionsAndDeletionsAreWordLevel() {
    assertEquals(
        "Only the {+Starter +}plan is free[- today-].",
        render(WordDiff.diff("Only the plan is free today.", "Only the Starter plan is free.")));
  }

  @Test
  void identicalTextsHaveNoChange() {
    assertFalse(
        WordDiff.changed(WordDiff.diff("Same words, same order.", "Same words, same order.")));
    assertTrue(WordDiff.changed(WordDiff.diff("", "new")));
    assertEquals("{+new+}", render(WordDiff.diff("", "new")));
    assertEquals("[-old-]", render(WordDiff.diff("old", "")));
  }

  @Test
  void curlyQuotesAndAccentsAreKept() {
    assertEquals(
        "Anthropic’s “[-sandbox-]{+VM+}” café",
        render(WordDiff.diff("Anthropic’s “sandbox” café", "Anthropic’s “VM” café")));
  }

  /** Property: the segments always rebuild both texts. */
  @Test
  void theSegmentsRebuildBothTexts() {
    Random random = new Random(5);
    String[] words = {"a", "b", "plan", "free", " ", " ", ",", ".", "é", "\n"};
    for (int i = 0; i < 300; i++) {
      StringBuilder x = new StringBuilder();
      StringBuilder y = new StringBuilder();
      for (int w = random.nextInt(30); w > 0; w--) x.append(words[random.nextInt(words.length)]);
      for (int w = random.nextInt(30); w > 0; w--) y.append(words[random.nextInt(words.length)]);
      List<WordDiff.Segment> d = WordDiff.diff(x.toString(), y.toString());
      String before =
          d.stream()
              .filter(s -> !s.added())
              .map(WordDiff.Segment::text)
              .collect(Collectors.joining());
      String after =
          d.stream()
              .filter(s -> !s.removed())
              .map(WordDiff.Segment::text)
              .collect(Collectors.joining());
      assertEquals(x.toString(), before);
      assertEquals(y.toString(), after);
    }
  }
}
