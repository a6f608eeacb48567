package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One package, either database, chosen at start: the same package runs on PostgreSQL when
 * ERRATA_DB_URL names it (migrating it), and on the H2 file again without it.
 */
class EitherDatabaseIT {

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void thePackageRunsOnPostgresqlWhenToldAndOnH2Otherwise() throws Exception {
    Path root = Files.createTempDirectory("errata-either");
    Path launcher = PackagedApp.copyOfPackage();
    try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
      long id;
      try (PackagedApp app =
          new PackagedApp(root.resolve("on-postgresql"), launcher)
              .env("ERRATA_DB_URL", pg.url)
              .env("ERRATA_DB_USER", pg.user)
              .env("ERRATA_DB_PASSWORD", pg.password)
              .env("ERRATA_DB_KIND", null)) {
        app.start("-Derrata.demo=true");
        id = create(app, "either.example/on-postgresql");
        assertFalse(
            Files.exists(app.dataDir.resolve("errata.mv.db")), "no H2 file when on PostgreSQL");
        app.stop();
      }
      try (Connection c = DriverManager.getConnection(pg.url, pg.user, pg.password);
          PreparedStatement s =
              c.prepareStatement("select article_url from correction where id = ?")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          assertTrue(r.next(), "the correction is in PostgreSQL");
          assertTrue(r.getString(1).contains("either.example/on-postgresql"));
        }
      }
    }
    try (PackagedApp app =
        new PackagedApp(root.resolve("on-h2"), launcher)
            .env("ERRATA_DB_URL", null)
            .env("ERRATA_DB_KIND", null)) {
      app.start("-Derrata.demo=true");
      create(app, "either.example/on-h2");
      assertTrue(Files.exists(app.dataDir.resolve("errata.mv.db")), "back on the H2 file");
      app.stop();
    }
  }

  @Test
  void anAddressOfAnotherKindIsRefusedWithASentence() throws Exception {
    Path launcher = PackagedApp.copyOfPackage();
    try (PackagedApp app =
        new PackagedApp(Files.createTempDirectory("errata-either").resolve("data"), launcher)
            .env("ERRATA_DB_URL", "jdbc:mysql://db.example/errata")) {
      PackagedApp.Ran ran = app.command();
      assertEquals(2, ran.code());
      assertTrue(
          ran.output().contains("ERRATA_DB_URL must start with jdbc:postgresql:"), ran.output());
    }
  }

  private long create(PackagedApp app, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(app.base() + "/api/corrections"))
                .header("Authorization", PackagedApp.basic("ada", "errata-demo"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DurabilityIT.body(url)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return DurabilityIT.id(r.body());
  }
}
