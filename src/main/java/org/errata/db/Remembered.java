package org.errata.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What was worked out from the desk's data under one {@link DeskGeneration}, kept per key (a
 * session, an editor) and used again while the number has not moved: bounded in count, and never
 * older than {@code lifetime} (for what also depends on the clock, such as the last 30 days'
 * notices). The number is read before the work, so what is kept under it is never older than it.
 */
public final class Remembered<K, V> {

  private record Kept<V>(long generation, V value) {}

  /** How long what is worked out may be kept at most: {@code errata.desk.remember-for}. */
  public static final String LIFETIME = "errata.desk.remember-for";

  private final Cache<K, Kept<V>> kept;

  /** Keeps at most {@code maximumSize} values, each {@code lifetime} at most (zero: none). */
  public Remembered(long maximumSize, Duration lifetime) {
    kept =
        lifetime.isZero()
            ? null
            : Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).build();
  }

  /** The value kept for {@code key} under {@code generation}, or {@code work}'s, then kept. */
  public V get(K key, long generation, Supplier<V> work) {
    if (kept == null) {
      return work.get();
    }
    Kept<V> k = kept.getIfPresent(key);
    if (k != null && k.generation() == generation) {
      return k.value();
    }
    V value = work.get();
    kept.put(key, new Kept<>(generation, value));
    return value;
  }
}
