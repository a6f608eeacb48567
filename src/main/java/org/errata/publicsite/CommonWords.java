package org.errata.publicsite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.errata.correction.Correction;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The corrections holding each common word, kept in memory for searches of several words: reading a
 * common word's postings costs tens of milliseconds at 100,000 corrections, and probing them one
 * candidate at a time costs more. Kept words are brought up to date from the {@code search_change}
 * log (written in the transaction that changes the index), so every instance on one database sees a
 * publication or a withdrawal with its next search, and a change costs one correction's postings,
 * not every kept word again.
 */
@ApplicationScoped
public class CommonWords {

  private static final Logger LOG = Logger.getLogger(CommonWords.class);

  /**
   * Every correction holding one word, in id order, with the word's weight in each: what a search
   * of several words checks its candidates against.
   */
  record Holders(long[] ids, short[] weights) {
    int weightOf(long id) {
      int i = Arrays.binarySearch(ids, id);
      return i < 0 ? 0 : weights[i];
    }

    int bytes() {
      return 64 + ids.length * (Long.BYTES + Short.BYTES);
    }

    /** The same with correction {@code id} holding the word at {@code weight} (0: not at all). */
    Holders with(long id, int weight) {
      int i = Arrays.binarySearch(ids, id);
      if (i >= 0 && weight > 0) {
        short[] w = weights.clone();
        w[i] = clamp(weight);
        return new Holders(ids, w);
      }
      if (i >= 0) {
        long[] d = new long[ids.length - 1];
        short[] w = new short[ids.length - 1];
        System.arraycopy(ids, 0, d, 0, i);
        System.arraycopy(ids, i + 1, d, i, ids.length - i - 1);
        System.arraycopy(weights, 0, w, 0, i);
        System.arraycopy(weights, i + 1, w, i, ids.length - i - 1);
        return new Holders(d, w);
      }
      if (weight <= 0) {
        return this;
      }
      int at = -i - 1;
      long[] d = new long[ids.length + 1];
      short[] w = new short[ids.length + 1];
      System.arraycopy(ids, 0, d, 0, at);
      System.arraycopy(weights, 0, w, 0, at);
      d[at] = id;
      w[at] = clamp(weight);
      System.arraycopy(ids, at, d, at + 1, ids.length - at);
      System.arraycopy(weights, at, w, at + 1, ids.length - at);
      return new Holders(d, w);
    }

    static short clamp(int weight) {
      return (short) Math.min(Short.MAX_VALUE, weight);
    }
  }

  /**
   * A change is looked for this long after the last look began: a transaction that wrote its log
   * row before the look may commit after it (transactions time out well within this).
   */
  static final Duration OVERLAP = Duration.ofMinutes(3);

  /** More changes than this at once (after a long quiet spell): forget every kept word instead. */
  static final int MOST_CHANGES = 2000;

  /** Log rows are kept this long. */
  static final Duration KEPT_FOR = Duration.ofDays(1);

  /** How many corrections make a word common enough to keep. */
  @ConfigProperty(name = "errata.search.common-word", defaultValue = "5000")
  int commonWord;

  private final Cache<String, Holders> kept;

  /** Log rows already applied, with when they were written (forgotten after {@link #OVERLAP}). */
  private final Map<Long, Instant> applied = new HashMap<>();

  /** When the last look at the log began; null before the first. */
  private Instant lastLook;

  /** Counts applied changes: a word read while one was applied is not kept (it may miss it). */
  private long changes;

  private final long maxBytes;

  @Inject
  CommonWords(
      @ConfigProperty(name = "errata.search.common-words-mb", defaultValue = "128") int megabytes) {
    this.maxBytes = megabytes * 1024L * 1024L;
    this.kept =
        Caffeine.newBuilder()
            .maximumWeight(megabytes * 1024L * 1024L)
            .weigher((String term, Holders h) -> h.bytes())
            .build();
  }

  /**
   * Notes in the log, in the changing transaction, that {@code correctionId}'s postings changed.
   */
  static void changed(EntityManager em, long correctionId) {
    Instant now = Instant.now();
    em.createNativeQuery("insert into search_change (correction_id, changed_at) values (?1, ?2)")
        .setParameter(1, correctionId)
        .setParameter(2, now)
        .executeUpdate();
    em.createNativeQuery("delete from search_change where changed_at < ?1")
        .setParameter(1, now.minus(KEPT_FOR))
        .executeUpdate();
  }

  /** How many of the most common words are read into memory after start (0: none). */
  @ConfigProperty(name = "errata.search.warm-words", defaultValue = "256")
  int warmWords;

  /**
   * Reads the holders of the {@code words} most common words, within the memory allowed, so that
   * the first readers to search for common words after a start do not each pay for reading one.
   * Finding them reads the whole index once (seconds at 100,000 corrections), in the background:
   * searches work meanwhile. Returns how many words it kept.
   */
  public int warm(int words) {
    if (words <= 0) {
      return 0;
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              EntityManager em = Correction.getEntityManager();
              catchUp(em);
              List<?> rows =
                  em.createNativeQuery(
                          "select term, count(*) from search_posting group by term"
                              + " having count(*) >= ?1 order by count(*) desc")
                      .setParameter(1, commonWord)
                      .setMaxResults(words)
                      .getResultList();
              long budget = maxBytes;
              int kept = 0;
              for (Object o : rows) {
                Object[] row = (Object[]) o;
                int n = ((Number) row[1]).intValue();
                budget -= 64 + (long) n * (Long.BYTES + Short.BYTES);
                if (budget < maxBytes / 4) {
                  break;
                }
                holders(em, (String) row[0], n);
                kept++;
              }
              return kept;
            });
  }

  void started(@Observes StartupEvent event, ManagedExecutor executor) {
    if (warmWords > 0) {
      executor.runAsync(
          () -> {
            try {
              long t0 = System.nanoTime();
              int kept = warm(warmWords);
              if (kept > 0) {
                LOG.infof(
                    "Search: %d common words kept in memory in %d ms.",
                    kept, (System.nanoTime() - t0) / 1_000_000);
              }
            } catch (RuntimeException e) {
              LOG.warn("Reading the common words for search failed; they are read when asked.", e);
            }
          });
    }
  }

  /** Whether {@code term}'s holders are in memory (after {@link #catchUp}). */
  boolean isKept(String term) {
    return kept.getIfPresent(term) != null;
  }

  /** Brings the kept words up to date with the log; call before using them in a search. */
  void catchUp(EntityManager em) {
    em.unwrap(Session.class).doWork(this::catchUp);
  }

  private synchronized void catchUp(Connection connection) throws SQLException {
    Instant look = Instant.now();
    if (lastLook == null || kept.estimatedSize() == 0) {
      // Nothing kept, so nothing to bring up to date: words read from now on are current.
      applied.clear();
      lastLook = look;
      return;
    }
    Map<Long, Long> fresh = new LinkedHashMap<>();
    Map<Long, Instant> when = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select seq, correction_id, changed_at from search_change where changed_at > ?")) {
      ps.setTimestamp(1, Timestamp.from(lastLook.minus(OVERLAP)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          if (!applied.containsKey(seq)) {
            fresh.put(seq, rs.getLong(2));
            when.put(seq, rs.getTimestamp(3).toInstant());
          }
        }
      }
    }
    if (fresh.size() > MOST_CHANGES) {
      kept.invalidateAll();
      applied.clear();
    } else {
      for (long correction : Set.copyOf(fresh.values())) {
        apply(connection, correction);
      }
      applied.putAll(when);
    }
    if (!fresh.isEmpty()) {
      changes++;
    }
    Instant forget = look.minus(OVERLAP).minus(OVERLAP);
    applied.values().removeIf(at -> at.isBefore(forget));
    lastLook = look;
  }

  /** Sets {@code correction}'s place in every kept word from its postings as they are now. */
  private void apply(Connection connection, long correction) throws SQLException {
    Map<String, Integer> weights = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select term, weight from search_posting where correction_id = ?")) {
      ps.setLong(1, correction);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          weights.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    for (Map.Entry<String, Holders> e : kept.asMap().entrySet()) {
      kept.put(e.getKey(), e.getValue().with(correction, weights.getOrDefault(e.getKey(), 0)));
    }
  }

  /**
   * Every correction holding {@code term}: from memory when kept, else read (and kept when the word
   * is common: {@code frequency}, counted up to its cap, reaches the threshold).
   */
  Holders holders(EntityManager em, String term, int frequency) {
    Holders found = kept.getIfPresent(term);
    if (found != null) {
      return found;
    }
    long before;
    synchronized (this) {
      before = changes;
    }
    // Plain JDBC: a common word has as many postings as there are corrections, and boxing each
    // into a row of objects would be most of the cost.
    Holders holders =
        em.unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  try (PreparedStatement ps =
                      connection.prepareStatement(
                          "select correction_id, weight from search_posting where term = ?"
                              + " order by term, correction_id")) {
                    ps.setString(1, term);
                    ps.setFetchSize(1000);
                    long[] ids = new long[Math.max(16, frequency)];
                    short[] weights = new short[ids.length];
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        if (n == ids.length) {
                          ids = Arrays.copyOf(ids, n * 2);
                          weights = Arrays.copyOf(weights, n * 2);
                        }
                        ids[n] = rs.getLong(1);
                        weights[n] = Holders.clamp(rs.getInt(2));
                        n++;
                      }
                    }
                    return new Holders(Arrays.copyOf(ids, n), Arrays.copyOf(weights, n));
                  }
                });
    if (frequency >= commonWord) {
      synchronized (this) {
        if (changes == before) {
          kept.put(term, holders);
        }
      }
    }
    return holders;
  }

  /**
   * The weight of {@code term} in each of {@code ids} that holds it: one primary-key lookup each.
   */
  static Map<Long, Integer> probe(EntityManager em, String term, Set<Long> ids) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Map<Long, Integer> weights = new HashMap<>();
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "select weight from search_posting where term = ? and correction_id = ?")) {
                ps.setString(1, term);
                for (long id : ids) {
                  ps.setLong(2, id);
                  try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      weights.put(id, rs.getInt(1));
                    }
                  }
                }
              }
              return weights;
            });
  }
}
