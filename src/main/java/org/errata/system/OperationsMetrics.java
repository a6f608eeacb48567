package org.errata.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;
import org.errata.correction.AuditEvent;
import org.errata.correction.CorrectionDesk;
import org.errata.publicsite.ReaderCache;

/**
 * Errata's own figures on /q/metrics (Prometheus), beside Quarkus' request latencies and connection
 * pool: publications and imports (counted as they commit), sign-in failures and failed fetches by
 * reason (counted where they happen: account/SignInThrottle, evidence/PageFetcher), the readers'
 * cache hit ratio, and the drift flags still open (read from the database every minute, the same on
 * every instance).
 */
@ApplicationScoped
public class OperationsMetrics {

  @Inject MeterRegistry meters;
  @Inject ReaderCache readerCache;
  @Inject EntityManager em;

  private final AtomicLong driftFlagsOpen = new AtomicLong();

  void started(@Observes StartupEvent event) {
    Gauge.builder("errata.reader.cache.hit.ratio", readerCache, ReaderCache::hitRatio)
        .description("Share of public answers served from memory since start")
        .register(meters);
    Gauge.builder("errata.drift.flags.open", driftFlagsOpen, AtomicLong::get)
        .description("Drift findings on published corrections that nobody has handled yet")
        .register(meters);
    countDriftFlags();
  }

  void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) CorrectionDesk.Recorded r) {
    for (AuditEvent e : r.events()) {
      switch (e.action) {
        case PUBLISHED -> meters.counter("errata.publications").increment();
        case IMPORTED -> meters.counter("errata.imports").increment();
        default -> {}
      }
    }
  }

  @Scheduled(every = "60s", delayed = "60s")
  void countDriftFlags() {
    long open =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createQuery(
                            "select count(f) from Finding f where f.resolvedAt is null", Long.class)
                        .getSingleResult());
    driftFlagsOpen.set(open);
  }
}
