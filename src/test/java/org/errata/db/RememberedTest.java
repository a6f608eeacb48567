package org.errata.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedTest {

  @Test
  void whatWasWorkedOutIsUsedAgainOnlyUnderTheSameGeneration() {
    AtomicInteger work = new AtomicInteger();
    Remembered<String, Integer> kept = new Remembered<>(10, Duration.ofMinutes(1));
    assertEquals(1, kept.get("ada", 5, work::incrementAndGet));
    assertEquals(1, kept.get("ada", 5, work::incrementAndGet), "same generation: kept");
    assertEquals(2, kept.get("grace", 5, work::incrementAndGet), "another key: its own");
    assertEquals(3, kept.get("ada", 6, work::incrementAndGet), "the desk changed: afresh");
    assertEquals(3, kept.get("ada", 6, work::incrementAndGet));
  }

  @Test
  void aLifetimeOfZeroWorksEverythingOutEveryTime() {
    AtomicInteger work = new AtomicInteger();
    Remembered<String, Integer> kept = new Remembered<>(10, Duration.ZERO);
    assertEquals(1, kept.get("ada", 5, work::incrementAndGet));
    assertEquals(2, kept.get("ada", 5, work::incrementAndGet));
  }

  @Test
  void workThatFailsIsNotKept() {
    Remembered<String, Integer> kept = new Remembered<>(10, Duration.ofMinutes(1));
    try {
      kept.get(
          "ada",
          5,
          () -> {
            throw new IllegalStateException("refused");
          });
    } catch (IllegalStateException expected) {
      // a refused session is refused again next time, not remembered
    }
    assertEquals(7, kept.get("ada", 5, () -> 7));
  }
}
