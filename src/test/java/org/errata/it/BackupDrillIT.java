package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The backup drill of docs/operations.md, on the packaged application and its launcher: while four
 * clients keep writing, {@code errata backup} copies the running H2 database; {@code errata
 * restore} makes a new data directory of it; Errata started there has every write that was
 * acknowledged before the backup began.
 */
class BackupDrillIT {

  static final int WRITERS = 4;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String auth = PackagedApp.basic("ada", "errata-demo");

  @Test
  void aBackupTakenDuringWritesRestoresEveryWriteAcknowledgedBeforeIt() throws Exception {
    Path root = Files.createTempDirectory("errata-backup-drill");
    // H2 whatever the suite runs on: the copy of the package is prepared for it if need be.
    Path launcher = PackagedApp.copyOfPackage();
    Set<Long> beforeBackup = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<Long> duringBackup = new ConcurrentLinkedQueue<>();
    String file;
    try (PackagedApp app =
        new PackagedApp(root.resolve("data"), launcher)
            .env("ERRATA_DB_URL", null)
            .env("ERRATA_DB_KIND", null)) {
      app.start("-Derrata.demo=true");
      AtomicBoolean backupBegun = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(
            () -> {
              for (int n = 0; !stop.get(); n++) {
                // Whether the backup had begun is read before the write is sent: a write counted
                // as "before" was acknowledged before the backup began.
                boolean before = !backupBegun.get();
                HttpResponse<String> r = post(app, "backup-drill.example/w" + writer + "/" + n);
                if (r.statusCode() == 201) {
                  long id = DurabilityIT.id(r.body());
                  if (before && !backupBegun.get()) {
                    beforeBackup.add(id);
                  } else {
                    duringBackup.add(id);
                  }
                }
              }
              return null;
            });
      }
      while (beforeBackup.size() < 40) {
        Thread.sleep(20);
      }
      backupBegun.set(true);
      PackagedApp.Ran backup = app.command("backup");
      assertEquals(0, backup.code(), backup.output());
      Thread.sleep(300);
      stop.set(true);
      writers.shutdown();
      assertTrue(writers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
      Matcher m = Pattern.compile("\"file\":\"([^\"]+)\"").matcher(backup.output());
      assertTrue(m.find(), backup.output());
      file = m.group(1);
      assertTrue(Files.size(Path.of(file)) > 0);
      app.stop();
    }

    Path restored = root.resolve("restored");
    try (PackagedApp app =
        new PackagedApp(restored, launcher)
            .env("ERRATA_DB_URL", null)
            .env("ERRATA_DB_KIND", null)) {
      PackagedApp.Ran restore = app.command("restore", file, restored.toString());
      assertEquals(0, restore.code(), restore.output());
      PackagedApp.Ran again = app.command("restore", file, restored.toString());
      assertEquals(2, again.code(), "never over an existing database: " + again.output());
      app.start("-Derrata.demo=true");
      List<Long> missing = new ArrayList<>();
      for (long id : beforeBackup) {
        if (get(app, "/api/corrections/" + id).statusCode() != 200) {
          missing.add(id);
        }
      }
      assertEquals(List.of(), missing, "acknowledged before the backup began, lost by it");
      System.out.printf(
          "Backup drill: %d writes acknowledged before the backup, all restored; %d more during"
              + " it%n",
          beforeBackup.size(), duringBackup.size());
      app.stop();
    }
  }

  private HttpResponse<String> post(PackagedApp app, String url) throws IOException {
    return send(
        app,
        HttpRequest.newBuilder(URI.create(app.base() + "/api/corrections"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(DurabilityIT.body(url))));
  }

  private HttpResponse<String> get(PackagedApp app, String path) throws IOException {
    return send(app, HttpRequest.newBuilder(URI.create(app.base() + path)).GET());
  }

  private HttpResponse<String> send(PackagedApp app, HttpRequest.Builder b) throws IOException {
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(30))
              .header("Authorization", auth)
              .header("Accept", "application/json")
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
