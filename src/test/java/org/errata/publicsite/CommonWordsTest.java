package org.errata.publicsite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A kept word's holders follow publications and withdrawals without being read again. */
class CommonWordsTest {

  static CommonWords.Holders holders(long... ids) {
    short[] weights = new short[ids.length];
    java.util.Arrays.fill(weights, (short) 1);
    return new CommonWords.Holders(ids, weights);
  }

  @Test
  void aCorrectionIsAddedInOrderReweighedAndRemoved() {
    CommonWords.Holders h = holders(2, 5, 9);
    CommonWords.Holders added = h.with(7, 4);
    assertArrayEquals(new long[] {2, 5, 7, 9}, added.ids());
    assertEquals(4, added.weightOf(7));
    assertEquals(0, added.weightOf(8));

    CommonWords.Holders first = h.with(1, 3).with(10, 2);
    assertArrayEquals(new long[] {1, 2, 5, 9, 10}, first.ids());

    CommonWords.Holders reweighed = added.with(5, 6);
    assertEquals(6, reweighed.weightOf(5));
    assertEquals(1, added.weightOf(5), "the earlier holders are not changed");

    CommonWords.Holders removed = added.with(2, 0).with(9, 0);
    assertArrayEquals(new long[] {5, 7}, removed.ids());
    assertSame(removed, removed.with(42, 0), "removing what is not there changes nothing");
    assertEquals(Short.MAX_VALUE, h.with(3, 1_000_000).weightOf(3));
  }
}
