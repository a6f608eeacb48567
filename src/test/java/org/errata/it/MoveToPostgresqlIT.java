package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code errata move-to-postgresql}: a team's H2 database (the demo data, with its published
 * correction, snapshots and history, and a draft) moves into an empty PostgreSQL database, every
 * table is verified by count and digest, and Errata started on PostgreSQL has it all: readers see
 * the correction, editors sign in with their passwords, new work gets new ids.
 */
class MoveToPostgresqlIT {

  final String ada = PackagedApp.basic("ada", "errata-demo");

  @Test
  void everythingMovesAndIsVerifiedAndErrataRunsOnIt() throws Exception {
    Path data = Files.createTempDirectory("errata-move").resolve("data");
    Path launcher = PackagedApp.copyOfPackage();
    long draft;
    try (PackagedApp app =
        new PackagedApp(data, launcher)
            .env("ERRATA_DB_URL", null)
            .env("ERRATA_DB_USER", null)
            .env("ERRATA_DB_PASSWORD", null)
            .env("ERRATA_DB_KIND", null)) {
      app.start("-Derrata.demo=true");
      draft = DurabilityIT.id(send(app, "POST", "/api/corrections", body("move.example/a")).body());
      app.stop();
    }
    try (ThrowawayPostgres pg = ThrowawayPostgres.start();
        PackagedApp app =
            new PackagedApp(data, launcher)
                .env("ERRATA_DB_URL", pg.url)
                .env("ERRATA_DB_USER", pg.user)
                .env("ERRATA_DB_PASSWORD", pg.password)
                .env("ERRATA_DB_KIND", null)) {
      PackagedApp.Ran moved = app.command("move-to-postgresql", "-Derrata.data-dir=" + data);
      assertEquals(0, moved.code(), moved.output());
      assertTrue(moved.output().contains("Moved and verified"), moved.output());
      assertTrue(moved.output().contains("correction"), moved.output());
      System.out.print(moved.output());

      PackagedApp.Ran again = app.command("move-to-postgresql", "-Derrata.data-dir=" + data);
      assertEquals(1, again.code(), "never into a database that holds accounts");
      assertTrue(again.output().contains("empty database"), again.output());

      app.start("-Derrata.demo=true");
      HttpResponse<String> readers =
          send(
              app,
              "GET",
              "/api/public/corrections?url=oneusefulthing.org/p/claude-dispatch-and-the-power-of",
              null);
      assertEquals(200, readers.statusCode());
      assertTrue(readers.body().contains("\"count\":1"), readers.body());
      HttpResponse<String> mine = send(app, "GET", "/api/corrections/" + draft, null);
      assertEquals(200, mine.statusCode(), "ada signs in with her password; her draft is there");
      HttpResponse<String> fresh = send(app, "POST", "/api/corrections", body("move.example/b"));
      assertEquals(201, fresh.statusCode(), fresh.body());
      assertTrue(DurabilityIT.id(fresh.body()) > draft, "new ids continue after the moved ones");
      app.stop();
    }
  }

  private static String body(String url) {
    return DurabilityIT.body(url);
  }

  private HttpResponse<String> send(PackagedApp app, String method, String path, String json)
      throws Exception {
    return app.send(ada, method, path, json);
  }
}
