package org.errata.db;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The number of changes readers can see, shared by every instance through the database: whatever
 * changes a public page calls {@link #changed} in its own transaction; this instance learns its own
 * changes the moment they commit, and other instances' by reading one row every {@link #poll} (half
 * a second by default). Rendered public pages are tagged with the number known when their rendering
 * began, so a page that may predate a change is never served once the change is known.
 */
@ApplicationScoped
public class PublicGeneration {

  private static final Logger LOG = Logger.getLogger(PublicGeneration.class);

  /** A generation and when it began (for Last-Modified). */
  public record Seen(long generation, Instant changedAt) {}

  @Inject DataSource dataSource;

  @ConfigProperty(name = "errata.public-cache.poll", defaultValue = "500ms")
  Duration poll;

  private volatile Seen seen = new Seen(-1, Instant.EPOCH);
  private ScheduledExecutorService poller;

  /** The newest generation this instance knows of. */
  public Seen known() {
    return seen;
  }

  void started(@Observes StartupEvent event) {
    read();
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "errata-public-generation");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(
        this::readQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stopped(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void readQuietly() {
    try {
      read();
    } catch (RuntimeException e) {
      LOG.debugf("Could not read the public generation: %s", e.getMessage());
    }
  }

  /** Reads the shared number now (the poller does this every {@link #poll}). */
  public void read() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select generation, changed_at from public_generation where id = 1");
        ResultSet r = s.executeQuery()) {
      if (r.next()) {
        // Only upwards: a read that began before this instance's own commit must not take back
        // what the commit taught (a restored database is met at start, by a new instance).
        learn(new Seen(r.getLong(1), DbValues.instant(r.getObject(2))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the public generation", e);
    }
  }

  /** Not private: it is called through the bean's client proxy, which must reach the bean. */
  synchronized void learn(Seen committed) {
    if (committed.generation() > seen.generation()) {
      seen = committed;
    }
  }

  /**
   * Counts a change readers can see, in the caller's transaction; this instance knows of it as soon
   * as the transaction commits (and never if it rolls back).
   */
  public static void changed(EntityManager em) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    em.createNativeQuery(
            "update public_generation set generation = generation + 1, changed_at = ?1 where id = 1")
        .setParameter(1, now)
        .executeUpdate();
    long generation =
        ((Number)
                em.createNativeQuery("select generation from public_generation where id = 1")
                    .getSingleResult())
            .longValue();
    TransactionSynchronizationRegistry transaction =
        Arc.container().instance(TransactionSynchronizationRegistry.class).get();
    Pending pending = (Pending) transaction.getResource(Pending.class);
    if (pending == null) {
      pending = new Pending(Arc.container().instance(PublicGeneration.class).get());
      transaction.putResource(Pending.class, pending);
      transaction.registerInterposedSynchronization(pending);
    }
    pending.committed = new Seen(generation, now);
  }

  /** What one transaction changed, learnt once it commits. */
  private static final class Pending implements Synchronization {
    private final PublicGeneration generations;
    private Seen committed;

    Pending(PublicGeneration generations) {
      this.generations = generations;
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        generations.learn(committed);
      }
    }
  }
}
