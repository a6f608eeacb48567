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
   * Statements a dashboard may take: the session (account, revocation) and the account again, five
   * lists with their revisions and articles, drafts' history, drift flags, the inbox; and, when the
   * inbox or the drift flags name corrections no list shows, those corrections and their revisions
   * (a hundred at a time). A quiet desk takes 13; other tests' work in the same database adds the
   * last kind.
   */
  static final int DASHBOARD_AT_MOST = 24;

  /**
   * What fourteen more rows in each list may add: nothing row by row; at most the one more batch of
   * corrections and of revisions that new inbox notices can name.
   */
  static final int GROWTH_AT_MOST = 2;

  /**
   * Statements a correction's desk page may take: 16 for the page, and the header's count of what
   * waits for the editor (the to-do list's five lists and the notices).
   */
  static final int CORRECTION_PAGE_AT_MOST = 24;

  @Inject SessionFactory sessions;

  private long statements(Session who, String path) {
    Statistics stats = sessions.getStatistics();
    who.get(path); // once to warm up whatever is read once per instance
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
}
