package org.errata.activity;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * The admins' activity log over 100,000 events: filters, and paging by id so that a page deep in
 * the log answers like the first. Prints the timings it sees (docs/performance.md); asserts none.
 */
@QuarkusTest
class ActivityLogTest {

  static final int EVENTS = 100_000;

  @Inject DataSource dataSource;

  static long correction;

  /** Writes the 100,000 events once, before the first test that needs them. */
  synchronized void manyEvents() throws Exception {
    if (correction != 0) {
      return;
    }
    correction = Api.create("ada", "activity-log.example/a", "Busy correction");
    try (Connection c = dataSource.getConnection()) {
      long actor;
      try (ResultSet rs =
          c.createStatement().executeQuery("select id from account where username = 'grace'")) {
        rs.next();
        actor = rs.getLong(1);
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into audit_event (correction_id, revision_number, at, actor_id, action, from_status, to_status, comment)"
                  + " values (?, 1, ?, ?, ?, 'DRAFT', 'DRAFT', ?)")) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
          insert.setLong(1, correction);
          insert.setTimestamp(2, Timestamp.from(start.plusSeconds(i * 60L)));
          insert.setLong(3, actor);
          insert.setString(4, i % 10 == 0 ? "COMMENTED" : "CHECKED");
          insert.setString(5, "Generated event " + i);
          insert.addBatch();
          if (i % 5_000 == 4_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  static final Pattern OLDER =
      Pattern.compile("href=\"(/editor/admin/activity\\?before=\\d+[^\"]*)\"");

  /** The median time of {@code runs} requests for {@code path}, after two warm-up requests. */
  static long medianMs(Session admin, String path, int runs) {
    admin.get(path);
    admin.get(path);
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      admin.get(path).then().statusCode(200);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  @Test
  void pagingDeepIntoTheLogIsAsQuickAsTheFirstPage() throws Exception {
    manyEvents();
    Session admin = Session.signIn("admin");
    String first =
        admin
            .get("/editor/admin/activity?editor=grace")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher m = OLDER.matcher(first);
    assertTrue(m.find(), "a link to older events");
    assertEquals(50, first.split("<tr>").length - 2, "50 events a page");
    String deepPath = "/editor/admin/activity?editor=grace&before=" + (minId() + 50);
    String deep = admin.get(deepPath).then().statusCode(200).extract().asString();
    assertTrue(deep.contains("Generated event 0"), "the oldest events are reachable");

    // Timings are printed, never asserted: this machine is shared.
    int runs = 9;
    long everyoneFirst = medianMs(admin, "/editor/admin/activity", runs);
    long everyoneDeep = medianMs(admin, "/editor/admin/activity?before=" + (minId() + 50), runs);
    long firstMs = medianMs(admin, "/editor/admin/activity?editor=grace", runs);
    long deepMs = medianMs(admin, deepPath, runs);
    System.out.printf(
        "Activity log over %,d events (median of %d): everyone first page %d ms, last page %d ms;"
            + " filtered by editor first page %d ms, last page %d ms%n",
        EVENTS, runs, everyoneFirst, everyoneDeep, firstMs, deepMs);
  }

  @Test
  void theLogFiltersByActionAndDate() throws Exception {
    manyEvents();
    Session admin = Session.signIn("admin");
    String comments =
        admin
            .get("/editor/admin/activity?action=COMMENTED&from=2025-01-01&to=2025-01-01")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    // 144 comments that day (every tenth minute); the newest 50 first, then a link to older ones.
    assertTrue(
        comments.contains("Generated event 1430") && comments.contains("Generated event 940"),
        comments);
    assertTrue(
        !comments.contains("Generated event 930")
            && !comments.contains("<td>checked words against a page</td>"));
    // In words, not codes.
    assertTrue(comments.contains("<td>commented</td>") && !comments.contains("<td>COMMENTED</td>"));
    assertTrue(OLDER.matcher(comments).find());
    admin
        .get("/editor/admin/activity?from=yesterday")
        .then()
        .statusCode(200)
        .body(containsString("Give dates as year-month-day"));
  }

  @Test
  void theFilteredLogDownloadsAsCsvWithEveryPage() throws Exception {
    manyEvents();
    Session admin = Session.signIn("admin");
    String page =
        admin
            .get("/editor/admin/activity?action=COMMENTED&from=2025-01-01&to=2025-01-01")
            .asString();
    assertTrue(
        page.contains(
            "href=\"/editor/admin/activity/export?action=COMMENTED&amp;from=2025-01-01&amp;to=2025-01-01\""),
        "the page links to its own events as CSV");
    var csv =
        admin.get("/editor/admin/activity/export?action=COMMENTED&from=2025-01-01&to=2025-01-01");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    List<String> lines = csv.asString().lines().toList();
    assertEquals("when,who,what,action,correction,revision,from,to,comment,account", lines.get(0));
    assertEquals(145, lines.size(), "the header and all 144 comments of that day, not one page");
    assertTrue(lines.get(1).contains("\"commented\",\"COMMENTED\""), lines.get(1));
    Session.signIn("ada").get("/editor/admin/activity/export").then().statusCode(403);
  }

  @Test
  void whatAdminsDoToAccountsIsInTheLog() {
    Session admin = Session.signIn("admin");
    String temporary =
        admin.temporaryPassword(
            admin.submit(
                "/editor/admin/accounts",
                "/editor/admin/accounts",
                java.util.Map.of("username", "logan", "role", "editor")));
    assertTrue(!temporary.isEmpty());
    long id = Session.accountId("logan");
    String accounts = "/editor/admin/accounts";
    String base = accounts + "/" + id;
    admin.submit(accounts, base + "/enabled", java.util.Map.of("enabled", "false"));
    admin.submit(accounts, base + "/enabled", java.util.Map.of("enabled", "true"));
    admin.submit(accounts, base + "/reset", java.util.Map.of());
    admin.submit(accounts, base + "/role", java.util.Map.of("role", "admin"));

    String page = admin.get("/editor/admin/activity?editor=admin").asString();
    for (String said :
        List.of(
            "created the account</td>",
            "disabled the account</td>",
            "enabled the account</td>",
            "reset the password</td>",
            "changed the role</td>",
            "account <strong>logan</strong>",
            "Editor → Admin")) {
      assertTrue(page.contains(said), said + " in\n" + page);
    }
    // Not one event per click: disabling what is disabled changes nothing and logs nothing.
    admin.submit(accounts, base + "/enabled", java.util.Map.of("enabled", "true"));
    String enabled = admin.get("/editor/admin/activity?action=ACCOUNT_ENABLED").asString();
    assertEquals(1, enabled.split("account <strong>logan</strong>", -1).length - 1, enabled);
    List<String> csv =
        admin.get("/editor/admin/activity/export?action=ROLE_CHANGED").asString().lines().toList();
    assertTrue(csv.get(1).endsWith(",\"logan\""), csv.get(1));
    assertTrue(csv.get(1).contains("\"changed the role\",\"ROLE_CHANGED\",,,"), csv.get(1));
  }

  @Test
  void editorsCannotReadTheSiteWideLog() {
    Session.signIn("ada").get("/editor/admin/activity").then().statusCode(403);
  }

  long minId() {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select min(id) from audit_event where comment = 'Generated event 0'")) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
