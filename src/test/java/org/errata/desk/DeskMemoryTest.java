package org.errata.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.errata.account.Account;
import org.errata.account.SessionToken;
import org.errata.db.DeskGeneration;
import org.errata.system.Api;
import org.errata.system.Session;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * What a signed-in request works out from the desk's data (who the session is, the header's count,
 * the dashboard) is kept until anyone changes what the desk shows, on this instance or another:
 * never shown after a change, and not asked of the database again before one.
 */
@QuarkusTest
class DeskMemoryTest {

  @Inject SessionFactory sessions;
  @Inject DataSource dataSource;
  @Inject DeskGeneration desk;

  @Test
  void aDashboardAskedAgainWithNothingChangedAsksHibernateNothing() {
    Session grace = Session.signIn("grace");
    grace.get("/editor");
    Statistics stats = sessions.getStatistics();
    stats.clear();
    assertEquals(200, grace.get("/editor").statusCode());
    assertEquals(200, grace.get("/editor").statusCode());
    long statements = stats.getPrepareStatementCount();
    // Nothing but, now and then, a background job of the same instance (drift watch, statistics).
    assertTrue(statements <= 2, "two dashboards asked Hibernate " + statements + " statements");
  }

  @Test
  void workAnyoneDoesIsOnTheDashboardsAndInTheHeaderAtOnce() {
    Session ada = Session.signIn("ada");
    Session grace = Session.signIn("grace");
    long id = Api.create("ada", "memory.example/review", "A passage ada asks grace to review");
    int before = headerCount(grace.get("/editor/corrections").asString());
    assertFalse(grace.get("/editor").asString().contains("asks you by name for a review"));

    Api.as("ada")
        .body(Map.of("reviewer", "grace"))
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(200);
    String dashboard = grace.get("/editor").asString();
    assertTrue(dashboard.contains("ada asks you by name for a review of “A passage ada asks"));
    assertEquals(before + 1, headerCount(grace.get("/editor/corrections").asString()));

    Api.as("grace")
        .body(Map.of("version", version(id), "comment", "Name the source's date."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);
    assertFalse(grace.get("/editor").asString().contains("A passage ada asks grace to review"));
    assertEquals(before, headerCount(grace.get("/editor/corrections").asString()));
    assertTrue(ada.get("/editor").asString().contains("grace requested changes on “A passage ada"));
  }

  @Test
  void aChangeMadeOnAnotherInstanceIsSeenAtTheNextRequest() throws SQLException {
    Session ada = Session.signIn("ada");
    long id = Api.create("ada", "memory.example/elsewhere", "A draft whose words change elsewhere");
    assertTrue(ada.get("/editor").asString().contains("A draft whose words change elsewhere"));
    // Another instance shares only the database: its change and its count commit together.
    inOneTransaction(
        "update revision set passage = 'Words written on another instance' where correction_id = "
            + id,
        DeskGeneration.COUNT);
    String dashboard = ada.get("/editor").asString();
    assertTrue(dashboard.contains("Words written on another instance"));
    assertFalse(dashboard.contains("A draft whose words change elsewhere"));
  }

  @Test
  void aSessionSignedOutOnAnotherInstanceIsRefusedAtOnce() throws SQLException {
    Session grace = Session.signIn("grace");
    assertEquals(200, grace.get("/editor").statusCode());
    String session = SessionToken.read(grace.cookies().get(SessionToken.COOKIE)).id();
    try (Connection c = dataSource.getConnection();
        PreparedStatement revoke =
            c.prepareStatement("insert into revoked_session (id, revoked_at) values (?, ?)");
        PreparedStatement count = c.prepareStatement(DeskGeneration.COUNT)) {
      c.setAutoCommit(false);
      revoke.setString(1, session);
      revoke.setTimestamp(2, Timestamp.from(Instant.now()));
      revoke.executeUpdate();
      count.executeUpdate();
      c.commit();
    }
    int status =
        RestAssured.given()
            .redirects()
            .follow(false)
            .cookies(grace.cookies())
            .get("/editor")
            .statusCode();
    assertEquals(303, status, "the signed-out session is sent to sign in");
  }

  @Test
  void onlyACommittedChangeOfWhatTheDeskShowsIsCounted() {
    long start = desk.current();
    // A failed sign-in writes the throttle's counter, which no desk page shows.
    int refused =
        Session.anonymous()
            .submit(
                "/login", "/login", Map.of("username", "nobody-here", "password", "wrong password"))
            .statusCode();
    assertEquals(401, refused);
    assertEquals(start, desk.current(), "a failed sign-in");

    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Account.findByUsername("ada").orElseThrow().email = "ada@rolled-back.example";
                Account.getEntityManager().flush();
                throw new IllegalStateException("rolled back");
              });
    } catch (IllegalStateException expected) {
      // the change is undone, so is its count
    }
    assertEquals(start, desk.current(), "a rolled-back change");

    String email =
        QuarkusTransaction.requiringNew()
            .call(() -> Account.findByUsername("ada").orElseThrow().email);
    QuarkusTransaction.requiringNew()
        .run(() -> Account.findByUsername("ada").orElseThrow().email = "ada@desk.example");
    assertEquals(start + 1, desk.current(), "one committed change, counted once");
    QuarkusTransaction.requiringNew()
        .run(() -> Account.findByUsername("ada").orElseThrow().email = email);
    assertEquals(start + 2, desk.current(), "and the change back");
  }

  private void inOneTransaction(String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (String sql : statements) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.executeUpdate();
        }
      }
      c.commit();
    }
  }

  private static final Pattern COUNT =
      Pattern.compile("<span class=\"count\">(\\d+)<span class=\"visually-hidden\">");

  private static int headerCount(String page) {
    Matcher m = COUNT.matcher(page);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static long version(long id) {
    return Api.as("grace").get("/api/corrections/" + id).jsonPath().getLong("version");
  }
}
