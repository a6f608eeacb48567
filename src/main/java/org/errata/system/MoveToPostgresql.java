package org.errata.system;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * {@code target/quarkus-app/errata move-to-postgresql}: copies a stopped Errata's H2 database,
 * every table and row (accounts, corrections, revisions, history, snapshots, sessions, settings),
 * into an empty PostgreSQL database named by ERRATA_DB_URL, ERRATA_DB_USER and ERRATA_DB_PASSWORD,
 * then compares both table by table, row counts and a digest of every value, and says so. Exits 0
 * only when every table matches; nothing is written to the H2 file.
 */
public final class MoveToPostgresql {

  private MoveToPostgresql() {}

  /** One table's rows on both sides, and whether their digests agree. */
  record Compared(String table, long rows, long targetRows, String digest, String targetDigest) {
    boolean same() {
      return rows == targetRows && digest.equals(targetDigest);
    }
  }

  public static void main(String[] args) throws Exception {
    String dataDir = System.getProperty("errata.data-dir", "data");
    Path file = Path.of(dataDir).resolve("errata.mv.db");
    String url = System.getenv("ERRATA_DB_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      fail("Set ERRATA_DB_URL to the PostgreSQL database to move to (jdbc:postgresql://…).");
    }
    if (!Files.exists(file)) {
      fail("There is no H2 database at " + file + " (choose it with -Derrata.data-dir=…).");
    }
    String h2 = "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().resolve("errata");
    String user = System.getenv().getOrDefault("ERRATA_DB_USER", "errata");
    String password = System.getenv().getOrDefault("ERRATA_DB_PASSWORD", "");
    List<Compared> result;
    try (Connection from = open(h2, "errata", "");
        Connection to = DriverManager.getConnection(url, user, password)) {
      result = move(from, to, Flyway.configure().dataSource(url, user, password));
    }
    boolean all = true;
    for (Compared c : result) {
      System.out.printf(
          "%-22s %,9d rows  %s  %s%n",
          c.table(), c.rows(), c.digest().substring(0, 16), c.same() ? "same" : "DIFFERENT");
      all &= c.same();
    }
    if (!all) {
      fail("Some tables differ after the move: do not start Errata on PostgreSQL yet.");
    }
    System.out.println(
        "Moved and verified: "
            + result.size()
            + " tables, "
            + result.stream().mapToLong(Compared::rows).sum()
            + " rows. Start Errata with ERRATA_DB_URL set.");
  }

  private static Connection open(String h2, String user, String password) {
    try {
      return DriverManager.getConnection(h2, user, password);
    } catch (SQLException e) {
      fail(
          "Could not open the H2 database ("
              + e.getMessage().lines().findFirst().orElse("")
              + "). Stop Errata first: the file is in use while it runs.");
      return null;
    }
  }

  static List<Compared> move(
      Connection from,
      Connection to,
      org.flywaydb.core.api.configuration.FluentConfiguration flyway)
      throws Exception {
    String version = schemaVersion(from);
    flyway
        .locations("classpath:db/migration", "classpath:db/postgresql")
        .target(version)
        .load()
        .migrate();
    List<String> tables = tables(to);
    to.setAutoCommit(false);
    try (Statement s = to.createStatement()) {
      if (count(to, "account") > 0) {
        fail("The PostgreSQL database already holds accounts: move into an empty database.");
      }
      // Foreign keys come off while rows arrive in any order (corrections and revisions point at
      // each other) and go back on afterwards, which checks every row against them.
      Map<String, String> keys = foreignKeys(to);
      for (var k : keys.entrySet()) {
        s.execute("alter table " + k.getKey().split("\\.")[0] + " drop constraint " + name(k));
      }
      for (String t : tables) {
        s.execute("delete from " + t);
        copy(from, to, t);
      }
      for (var k : keys.entrySet()) {
        s.execute(
            "alter table "
                + k.getKey().split("\\.")[0]
                + " add constraint "
                + name(k)
                + " "
                + k.getValue());
      }
      restartIdentities(to, tables);
    }
    to.commit();
    to.setAutoCommit(true);
    List<Compared> compared = new ArrayList<>();
    for (String t : tables) {
      Digest a = digest(from, t);
      Digest b = digest(to, t);
      compared.add(new Compared(t, a.rows, b.rows, a.hex, b.hex));
    }
    return compared;
  }

  private static String name(Map.Entry<String, String> key) {
    return key.getKey().split("\\.")[1];
  }

  static String schemaVersion(Connection h2) throws SQLException {
    try (Statement s = h2.createStatement();
        ResultSet r =
            s.executeQuery(
                "select \"version\" from \"flyway_schema_history\" where \"success\" = true"
                    + " and \"version\" is not null order by \"installed_rank\" desc")) {
      if (!r.next()) {
        fail("The H2 database has no schema history: is it Errata's?");
      }
      return r.getString(1);
    }
  }

  /** Errata's tables in PostgreSQL, without Flyway's own history. */
  static List<String> tables(Connection pg) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = pg.createStatement();
        ResultSet r =
            s.executeQuery(
                "select table_name from information_schema.tables where table_schema ="
                    + " current_schema() and table_type = 'BASE TABLE' and table_name <>"
                    + " 'flyway_schema_history' order by table_name")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }

  /** table.constraint to its definition. */
  static Map<String, String> foreignKeys(Connection pg) throws SQLException {
    Map<String, String> keys = new LinkedHashMap<>();
    try (Statement s = pg.createStatement();
        ResultSet r =
            s.executeQuery(
                "select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) from"
                    + " pg_constraint c join pg_namespace n on n.oid = c.connamespace where"
                    + " c.contype = 'f' and n.nspname = current_schema()")) {
      while (r.next()) {
        keys.put(r.getString(1) + "." + r.getString(2), r.getString(3));
      }
    }
    return keys;
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  static void copy(Connection from, Connection to, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement s = to.createStatement();
        ResultSet r = s.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData m = r.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        columns.add(m.getColumnName(i));
      }
    }
    String list = String.join(", ", columns);
    String marks = String.join(", ", columns.stream().map(c -> "?").toList());
    try (Statement read = from.createStatement();
        ResultSet rows = read.executeQuery("select " + list + " from " + table);
        PreparedStatement write =
            to.prepareStatement(
                "insert into "
                    + table
                    + " ("
                    + list
                    + ") overriding system value values ("
                    + marks
                    + ")")) {
      int batch = 0;
      while (rows.next()) {
        for (int i = 1; i <= columns.size(); i++) {
          write.setObject(i, rows.getObject(i));
        }
        write.addBatch();
        if (++batch % 500 == 0) {
          write.executeBatch();
        }
      }
      write.executeBatch();
    }
  }

  /** Identity columns continue after the highest id moved. */
  static void restartIdentities(Connection pg, List<String> tables) throws SQLException {
    try (Statement s = pg.createStatement();
        ResultSet r =
            s.executeQuery(
                "select table_name, column_name from information_schema.columns where"
                    + " table_schema = current_schema() and is_identity = 'YES'")) {
      List<String[]> identities = new ArrayList<>();
      while (r.next()) {
        identities.add(new String[] {r.getString(1), r.getString(2)});
      }
      for (String[] id : identities) {
        if (!tables.contains(id[0])) {
          continue;
        }
        try (Statement u = pg.createStatement()) {
          u.execute(
              "select setval(pg_get_serial_sequence('"
                  + id[0]
                  + "', '"
                  + id[1]
                  + "'), coalesce((select max("
                  + id[1]
                  + ") from "
                  + id[0]
                  + "), 0) + 1, false)");
        }
      }
    }
  }

  record Digest(long rows, String hex) {}

  /**
   * Every row's values, in the order of every column, rows sorted by their text: the same digest on
   * both databases when they hold the same data, whatever order either returns them in.
   */
  static Digest digest(Connection c, String table) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select * from " + table)) {
      ResultSetMetaData m = r.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        names.add(m.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      List<Integer> order = new ArrayList<>();
      names.stream().sorted().forEach(n -> order.add(names.indexOf(n) + 1));
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i : order) {
          row.append(text(r.getObject(i))).append('\u001f');
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String row : rows) {
      sha.update(row.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return new Digest(rows.size(), HexFormat.of().formatHex(sha.digest()));
  }

  /** A value written the same way whichever database and driver read it. */
  static String text(Object v) {
    if (v == null) {
      return "\u2400";
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof TemporalAccessor t) {
      return t.toString();
    }
    if (v instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return v.toString();
  }

  private static void fail(String sentence) {
    System.err.println(sentence);
    System.exit(1);
  }
}
