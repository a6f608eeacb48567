package org.errata.system;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A consistent copy of the running H2 database, made by H2 itself ({@code BACKUP TO}) while editors
 * keep working: every write acknowledged before the backup began is in it. Asked for on the
 * management interface (this machine only), by {@code target/quarkus-app/errata backup}; restored
 * offline into a new data directory by {@code errata restore}. PostgreSQL is backed up with its own
 * tools (pg_dump, docs/operations.md).
 */
@ApplicationScoped
public class Backups {

  private static final Logger LOG = Logger.getLogger(Backups.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  @Inject DataSource dataSource;

  @ConfigProperty(name = "errata.data-dir")
  String dataDir;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String kind;

  void routes(@Observes ManagementInterface management) {
    management.router().post("/q/errata/backup").blockingHandler(this::answer, false);
  }

  private void answer(RoutingContext rc) {
    rc.response().putHeader("Content-Type", "application/json");
    if (!"h2".equals(kind)) {
      rc.response()
          .setStatusCode(409)
          .end(
              new JsonObject()
                  .put(
                      "error",
                      "This Errata runs on PostgreSQL: back it up with pg_dump"
                          + " (docs/operations.md).")
                  .encode());
      return;
    }
    try {
      Path file = backup();
      rc.response()
          .setStatusCode(201)
          .end(
              new JsonObject()
                  .put("file", file.toString())
                  .put("bytes", Files.size(file))
                  .encode());
    } catch (Exception e) {
      LOG.errorf(e, "The backup failed");
      rc.response()
          .setStatusCode(500)
          .end(new JsonObject().put("error", "The backup failed: " + e.getMessage()).encode());
    }
  }

  /** Writes a backup into the data directory's backups folder and says where. */
  public Path backup() throws SQLException, java.io.IOException {
    Path dir = Path.of(dataDir).resolve("backups").toAbsolutePath();
    Files.createDirectories(dir);
    Path file = dir.resolve("errata-" + STAMP.format(Instant.now()) + ".zip");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
      s.setString(1, file.toString());
      s.execute();
    }
    LOG.infof("Backup written to %s (%d bytes)", file, Files.size(file));
    return file;
  }
}
