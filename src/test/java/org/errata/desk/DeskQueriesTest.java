package org.errata.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.errata.system.Api;
import org.errata.system.Session;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A signed-in editor's pages cannot be cached, so they must ask the database little: a fixed number
 * of statements, however many corrections each list shows (no query per row).
 */
@QuarkusTest
class DeskQueriesTest {

  /**
   * Statements a dashboard may take: the session (account, revocation) and the account again, four
   * lists with their revisions and articles, drafts' history, drift flags, the notices; the to-do
   * list (five queries, and the history, comments and sources of the corrections it weighs, a
   * hundred at a time); and, when the notices or the drift flags name corrections no list shows,
   * those corrections and their revisions. A quiet desk takes 13; the whole suite's work in the
   * same database brings it to about 29 (measured 22 to 29), never row by row (the test below).
   */
  static final int DASHBOARD_AT_MOST = 36;

  /**
   * What fourteen more rows in each list may add: nothing row by row; at most the one more batch of
   * corrections and of revisions that new inbox notices can name.
   */
  static final int GROWTH_AT_MOST = 2;

  /**
   * Statements a correction's desk page may take: 16 for the page, and the header's count of what
   * waits for the editor (the to-do list and the notices, as on the dashboard): 31 measured with
   * the whole suite's work in the database.
   */
  static final int CORRECTION_PAGE_AT_MOST = 40;

  @Inject SessionFactory sessions;
  @Inject javax.sql.DataSource dataSource;

  /**
   * The statements of a page worked out afresh: once to warm up whatever is read once per instance,
   * then again after a change of the desk, as every page is after one (what is kept between changes
   * is counted in {@link DeskMemoryTest}).
   */
  private long statements(Session who, String path) {
    Statistics stats = sessions.getStatistics();
    who.get(path);
    deskChanged(dataSource);
    stats.clear();
    assertEquals(200, who.get(path).statusCode(), path);
    return stats.getPrepareStatementCount();
  }

  private static void work(String tag, int n) {
    for (int i = 0; i < n; i++) {
      String url = "queries-" + tag + ".example/" + i;
      Api.create("ada", url, "A draft passage " + tag + " number " + i + " about " + tag);
      long review = Api.create("ada", url + "r", "A reviewed passage " + tag + " " + i + " rivers");
      Api.as("ada").post("/api/corrections/" + review + "/submit").then().statusCode(200);
      Api.published(url + "p", "A published passage " + tag + " " + i + " mountains and seas");
    }
  }

  @Test
  void theDashboardTakesAFewStatementsHoweverLongItsListsAre() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    work("few", 2);
    long adaFew = statements(ada, "/editor");
    long graceFew = statements(grace, "/editor");
    work("many", 14);
    long adaMany = statements(ada, "/editor");
    long graceMany = statements(grace, "/editor");
    System.out.printf(
        "Dashboard statements: ada %d then %d, grace %d then %d%n",
        adaFew, adaMany, graceFew, graceMany);
    // Two rows in each list, then sixteen: nothing is read row by row (that would add 14 or more).
    assertTrue(adaMany - adaFew <= GROWTH_AT_MOST, "ada: " + adaFew + " then " + adaMany);
    assertTrue(graceMany - graceFew <= GROWTH_AT_MOST, "grace: " + graceFew + " then " + graceMany);
    for (long count : new long[] {adaFew, graceFew, adaMany, graceMany}) {
      assertTrue(count <= DASHBOARD_AT_MOST, "a dashboard took " + count + " statements");
    }
  }

  @Test
  void aCorrectionsDeskPageTakesAFewStatements() {
    Session grace = Session.signIn("grace");
    long id = Api.published("queries-page.example/a", "A passage whose desk page is counted");
    long count = statements(grace, "/editor/corrections/" + id);
    System.out.printf("Correction page statements: %d%n", count);
    assertTrue(count <= CORRECTION_PAGE_AT_MOST, "the correction page: " + count);
  }

  /**
   * A draft whose history holds thousands of events (checks, comments, an import's notes): the
   * dashboard, the desk list and the header's count on every page ask the database what the history
   * says, and never load it whole.
   */
  @Test
  void aLongHistoryIsNeverLoadedWholeForTheListsOrTheHeader() throws Exception {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "queries-history.example/a", "A draft with a long history");
    Api.as("grace")
        .body(java.util.Map.of("body", "A first look."))
        .post("/api/corrections/" + id + "/comments")
        .then()
        .statusCode(201);
    long actor = Session.accountId("grace");
    try (var connection = dataSource.getConnection();
        var insert =
            connection.prepareStatement(
                "insert into audit_event (correction_id, revision_number, at, actor_id, action,"
                    + " from_status, to_status, comment) values (?, 1, ?, ?, 'CHECKED', 'DRAFT',"
                    + " 'DRAFT', ?)")) {
      for (int i = 0; i < 5_000; i++) {
        insert.setLong(1, id);
        insert.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now()));
        insert.setLong(3, actor);
        insert.setString(4, "Checked again " + i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Statistics stats = sessions.getStatistics();
    for (String path : new String[] {"/editor", "/editor/account", "/editor/corrections"}) {
      ada.get(path);
      deskChanged(dataSource);
      stats.clear();
      assertEquals(200, ada.get(path).statusCode(), path);
      long loaded = stats.getEntityLoadCount();
      System.out.printf("%s as ada: %d entities loaded%n", path, loaded);
      assertTrue(loaded < 2_000, path + " loaded " + loaded + " entities");
    }
  }

  /** Counts a change of the desk, as any instance's change would, without changing anything. */
  static void deskChanged(javax.sql.DataSource dataSource) {
    try (var c = dataSource.getConnection();
        var s = c.prepareStatement(org.errata.db.DeskGeneration.COUNT)) {
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
