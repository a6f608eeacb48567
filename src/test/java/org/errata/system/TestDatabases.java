package org.errata.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of a test profile's own: an in-memory H2 database, or, when the suite runs on
 * PostgreSQL (ERRATA_DB_URL, src/test/pg/verify-on-postgresql.sh), a new database in the suite's
 * cluster, made afresh once per run (like an in-memory database).
 */
public final class TestDatabases {

  private TestDatabases() {}

  static final String SUITE = System.getenv("ERRATA_DB_URL");
  public static final String USER = System.getenv().getOrDefault("ERRATA_DB_USER", "errata");
  public static final String PASSWORD = System.getenv().getOrDefault("ERRATA_DB_PASSWORD", "");

  public static boolean postgres() {
    return SUITE != null && SUITE.startsWith("jdbc:postgresql:");
  }

  /** The address of database {@code name} (letters, digits and dashes). */
  public static String own(String name) {
    if (!postgres()) {
      return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
    String db = name.replace('-', '_');
    String url = SUITE.substring(0, SUITE.lastIndexOf('/') + 1) + db;
    if (!MADE.add(db)) {
      return url; // made by this run already (a profile's settings are read more than once)
    }
    try (Connection c = DriverManager.getConnection(SUITE, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + db + " with (force)");
      s.execute("create database " + db);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url;
  }

  private static final java.util.Set<String> MADE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
}
