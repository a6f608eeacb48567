package org.errata.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * This release starting on a database file that the previous release made (schema version 2, rows
 * written as that release wrote them): every correction is still there and works.
 */
@QuarkusTest
@TestProfile(PreviousReleaseDatabaseTest.PreviousRelease.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreviousReleaseDatabaseTest {

  static final Path DIR = Path.of("target", "previous-release-db");

  public static class PreviousRelease implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String url = previousReleaseUrl();
      makePreviousReleaseDatabase(url);
      return Map.of(
          "quarkus.datasource.jdbc.url",
          url,
          "errata.demo",
          "false",
          "errata.data-dir",
          DIR.toString());
    }
  }

  /**
   * On H2 a file of its own; on PostgreSQL (the suite's second run, ERRATA_DB_URL) a database of
   * its own in the same cluster, made afresh.
   */
  static String previousReleaseUrl() {
    return TestDatabases.postgres()
        ? TestDatabases.own("previous-release")
        : "jdbc:h2:file:" + DIR.toAbsolutePath().resolve("errata") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  static final String USER = TestDatabases.USER;
  static final String PASSWORD = TestDatabases.PASSWORD;

  static void makePreviousReleaseDatabase(String url) {
    try {
      if (Files.exists(DIR)) {
        try (var files = Files.walk(DIR)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(DIR);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    boolean postgres = url.startsWith("jdbc:postgresql:");
    Flyway.configure()
        .dataSource(url, USER, PASSWORD)
        .locations(
            postgres
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"})
        .target("2")
        .load()
        .migrate();
    String hash = BcryptUtil.bcryptHash("olga-previous-release", 12);
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(
          "insert into account (id, username, password_hash, roles, enabled, created_at) values"
              + " (1, 'olga', '"
              + hash
              + "', 'editor', true, timestamp with time zone '2026-11-20 10:00:00+00'),"
              + " (2, 'piet', '"
              + hash
              + "', 'editor', true, timestamp with time zone '2026-11-20 10:00:00+00')");
      s.execute(
          "insert into article (id, url, url_key, created_at) values (1, 'https://www.old-release.example/story', 'old-release.example/story', timestamp with time zone '2026-11-20 10:00:00+00')");
      s.execute(
          "insert into snapshot (id, kind, taken_at, sha256, page_text) values (1, 'PASTED', timestamp with time zone '2026-11-20 10:05:00+00', 'x', 'Help: Backups run every night at two.')");
      s.execute(
          "insert into correction (id, article_id, article_url, created_by_id, created_at, updated_at, version) values"
              + " (1, 1, 'https://www.old-release.example/story', 2, timestamp with time zone '2026-11-20 10:00:00+00', timestamp with time zone '2026-11-20 11:00:00+00', 4)");
      s.execute(
          "insert into revision (id, correction_id, number, status, passage, summary, reasoning, verdict, author_id, approved_by_id, approved_hash, approved_at, published_by_id, published_at, passage_status) values"
              + " (1, 1, 1, 'PUBLISHED', 'Backups run hourly', 'They run nightly.', 'The help page says so:\n- nightly', 'Inaccurate', 2, 1, 'h', timestamp with time zone '2026-11-20 10:30:00+00', 1, timestamp with time zone '2026-11-20 11:00:00+00', 'UNCHECKED')");
      s.execute(
          "insert into revision_source (revision_id, pos, title, publisher, url, quote, quote_status, quote_score, quote_checked_at, quote_prefix, quote_suffix, quote_start, quote_end, quote_snapshot_id) values"
              + " (1, 0, 'Backups', 'Vendor Help', 'https://help.old-release.example/backups', 'Backups run every night', 'EXACT', 1.0, timestamp with time zone '2026-11-20 10:05:00+00', 'Help: ', ' at two.', 6, 29, 1)");
      s.execute("insert into revision_editor (revision_id, account_id) values (1, 2)");
      s.execute(
          "update correction set current_revision_id = 1, published_revision_id = 1 where id = 1");
      s.execute(
          "insert into audit_event (correction_id, revision_number, at, actor_id, action, from_status, to_status, comment) values"
              + " (1, 1, timestamp with time zone '2026-11-20 10:00:00+00', 2, 'CREATED', null, 'DRAFT', null),"
              + " (1, 1, timestamp with time zone '2026-11-20 10:10:00+00', 2, 'SUBMITTED', 'DRAFT', 'IN_REVIEW', null),"
              + " (1, 1, timestamp with time zone '2026-11-20 10:30:00+00', 1, 'APPROVED', 'IN_REVIEW', 'REVIEWED', null),"
              + " (1, 1, timestamp with time zone '2026-11-20 11:00:00+00', 1, 'PUBLISHED', 'REVIEWED', 'PUBLISHED', null)");
      // A draft that went to review once and came back: the new release must still refuse to
      // delete it (the migration that records "submitted once" reads the old history).
      s.execute(
          "insert into correction (id, article_id, article_url, created_by_id, created_at, updated_at, version) values"
              + " (2, 1, 'https://www.old-release.example/story', 2, timestamp with time zone '2026-11-21 10:00:00+00', timestamp with time zone '2026-11-21 11:00:00+00', 3)");
      s.execute(
          "insert into revision (id, correction_id, number, status, passage, summary, reasoning, verdict, author_id, passage_status) values"
              + " (2, 2, 1, 'DRAFT', 'Restores take a minute', 'They take an hour.', 'The help page says so.', 'Inaccurate', 2, 'UNCHECKED')");
      s.execute("insert into revision_editor (revision_id, account_id) values (2, 2)");
      s.execute("update correction set current_revision_id = 2 where id = 2");
      s.execute(
          "insert into audit_event (correction_id, revision_number, at, actor_id, action, from_status, to_status, comment) values"
              + " (2, 1, timestamp with time zone '2026-11-21 10:00:00+00', 2, 'CREATED', null, 'DRAFT', null),"
              + " (2, 1, timestamp with time zone '2026-11-21 10:10:00+00', 2, 'SUBMITTED', 'DRAFT', 'IN_REVIEW', null),"
              + " (2, 1, timestamp with time zone '2026-11-21 11:00:00+00', 1, 'CHANGES_REQUESTED', 'IN_REVIEW', 'DRAFT', 'Say which plan.')");
      s.execute("alter table correction alter column id restart with 3");
      s.execute("alter table account alter column id restart with 3");
      s.execute("alter table article alter column id restart with 2");
      s.execute("alter table revision alter column id restart with 3");
      s.execute("alter table snapshot alter column id restart with 2");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void everyCorrectionOfThePreviousReleaseIsIntactForReaders() {
    given()
        .get("/api/public/corrections/1")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("passage", equalTo("Backups run hourly"))
        .body("reasoning", equalTo("The help page says so:\n- nightly"))
        .body("verdict", equalTo("Inaccurate"))
        .body("sources", hasSize(1))
        .body("sources[0].quoteCheck.status", equalTo("EXACT"));
    given()
        .queryParam("url", "old-release.example/story/")
        .get("/api/public/corrections")
        .then()
        .body("count", equalTo(1));
  }

  @Test
  @Order(2)
  void editorsOfThePreviousReleaseSignInAndFindTheirWorkWithItsHistory() {
    given()
        .auth()
        .preemptive()
        .basic("piet", "olga-previous-release")
        .get("/api/corrections/1")
        .then()
        .statusCode(200)
        .body("live", equalTo(true))
        .body("revision", equalTo(1))
        .body("publishedRevision", equalTo(1))
        .body("withdrawnAt", equalTo(null))
        .body("author", equalTo("piet"));
    given()
        .auth()
        .preemptive()
        .basic("piet", "olga-previous-release")
        .get("/api/corrections/1/history")
        .then()
        .body("events", hasSize(4))
        .body("events[3].action", equalTo("PUBLISHED"));
  }

  @Test
  @Order(3)
  void theNewReleasesRulesWorkOnOldCorrections() {
    given()
        .auth()
        .preemptive()
        .basic("olga", "olga-previous-release")
        .contentType("application/json")
        .body(Map.of("reason", "Published in error."))
        .post("/api/corrections/1/withdraw")
        .then()
        .statusCode(403);
    given()
        .auth()
        .preemptive()
        .basic("piet", "olga-previous-release")
        .contentType("application/json")
        .body(Map.of("reason", "The vendor changed the schedule."))
        .post("/api/corrections/1/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    given().get("/corrections/1").then().statusCode(200);
    given()
        .auth()
        .preemptive()
        .basic("piet", "olga-previous-release")
        .contentType("application/json")
        .post("/api/corrections/2/delete")
        .then()
        .statusCode(409)
        .body("error", containsString("submitted for review before"));
  }
}
