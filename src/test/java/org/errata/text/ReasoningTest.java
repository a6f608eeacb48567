package org.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasoningTest {

  @Test
  void linesAreParagraphsAndDashLinesFormOneList() {
    List<Reasoning.Block> blocks =
        Reasoning.blocks("Intro:\n- one\n- two\nMiddle.\n\nEnd.\n- three");
    assertEquals(
        List.of(
            new Reasoning.Block(false, List.of("Intro:")),
            new Reasoning.Block(true, List.of("one", "two")),
            new Reasoning.Block(false, List.of("Middle.")),
            new Reasoning.Block(false, List.of("End.")),
            new Reasoning.Block(true, List.of("three"))),
        blocks);
  }

  @Test
  void aHyphenInsideAWordIsNotABullet() {
    assertEquals(
        List.of(new Reasoning.Block(false, List.of("-5 degrees is cold"))),
        Reasoning.blocks("-5 degrees is cold"));
  }
}
