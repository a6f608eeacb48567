package org.errata.correction;

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
}
