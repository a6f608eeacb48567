package org.errata.correction;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by keyset ("older than this one"), never by offset, so the thousandth
 * page costs what the first does: the items and the cursor of the next page, or null on the last.
 */
public record Slice<T>(List<T> items, String next) {

  /**
   * The first {@code limit} of {@code fetched} (which holds one more when there is a next page),
   * with the cursor {@code cursor} gives for the last item shown.
   */
  public static <T> Slice<T> of(List<T> fetched, int limit, Function<T, String> cursor) {
    if (fetched.size() <= limit) {
      return new Slice<>(List.copyOf(fetched), null);
    }
    List<T> shown = List.copyOf(fetched.subList(0, limit));
    return new Slice<>(shown, cursor.apply(shown.get(limit - 1)));
  }

  /**
   * Narrows query {@code q} to rows older than cursor {@code after} ("epochMicros:id", as {@link
   * #timeCursor} gives) in the order "{@code column} desc, c.id desc"; a malformed cursor is
   * ignored (the first page).
   */
  static void olderThan(String after, String column, StringBuilder q, Parameters params) {
    if (after == null || !after.matches("\\d{1,19}:\\d{1,19}")) {
      return;
    }
    String[] parts = after.split(":");
    long micros = Long.parseLong(parts[0]);
    q.append(" and (" + column + " < :at or (" + column + " = :at and c.id < :id))");
    params.and(
        "at",
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    params.and("id", Long.parseLong(parts[1]));
  }

  /** The cursor of a row at {@code at} with id {@code id} ("epochMicros:id"). */
  static String timeCursor(Instant at, long id) {
    return (at.getEpochSecond() * 1_000_000L + at.getNano() / 1000) + ":" + id;
  }
}
