package org.errata.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.errata.evidence.DriftWatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs that several instances share run once per interval: whoever takes the lease runs it. */
@QuarkusTest
class JobLeaseTest {

  @Inject JobLease lease;
  @Inject EntityManager em;

  @BeforeEach
  void free() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update job_lease set holder = null,"
                            + " held_until = timestamp with time zone '1970-01-01 00:00:00+00'")
                    .executeUpdate());
  }

  @Test
  void whileOneInstanceHoldsTheDriftWatchNobodyElseRunsIt() {
    assertTrue(lease.take(DriftWatch.JOB, Duration.ofHours(1)));
    assertEquals(JobLease.ME, lease.holder(DriftWatch.JOB));
    assertFalse(lease.take(DriftWatch.JOB, Duration.ofHours(1)), "held: not taken again");
  }

  @Test
  void anExpiredLeaseIsTakenAgainSoADeadHolderNeverStopsTheJob() throws Exception {
    assertTrue(lease.take(DriftWatch.JOB, Duration.ofMillis(200)));
    Thread.sleep(300);
    assertTrue(lease.take(DriftWatch.JOB, Duration.ofHours(1)));
  }

  @Test
  void ofManyRacingForAFreeLeaseExactlyOneWins() throws Exception {
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      Callable<Boolean> racer =
          () -> {
            go.await();
            return lease.take(DriftWatch.JOB, Duration.ofHours(1));
          };
      results.add(pool.submit(racer));
    }
    go.countDown();
    int won = 0;
    for (Future<Boolean> r : results) {
      won += r.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, won);
  }
}
