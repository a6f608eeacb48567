package org.errata.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries return them, whichever the database and its driver. */
public final class DbValues {

  private DbValues() {}

  /** A timestamp column's value as an instant (null stays null). */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("A date the database gave as " + value.getClass());
  }
}
