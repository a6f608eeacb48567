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
import org.junit.jupiter.api.Test;

/**
 * The start README's command gives: the build made a class archive for {@code
 * target/quarkus-app/aot} by starting Errata once, and the launcher starts from it, on the Java it
 * was made for (a Java 25 AOT cache when the build found one, else an AppCDS archive). The JVM's
 * own log, written to a file of the test's, says it opened and used the archive.
 */
class ClassArchiveIT {

  static final Path AOT = PackagedApp.LAUNCHER.getParent().resolve("aot");

  @Test
  void theLauncherStartsFromTheClassArchiveTheBuildMade() throws Exception {
    Path java = Path.of(Files.readString(AOT.resolve("errata-java")).strip());
    assertTrue(Files.isExecutable(java), "the Java the archive was made for: " + java);
    boolean aotCache = Files.exists(AOT.resolve("app.aot"));
    assertTrue(
        aotCache || Files.exists(AOT.resolve("app-cds.jsa")),
        "an archive in " + AOT.toAbsolutePath());

    Path dir = Files.createTempDirectory("errata-archive");
    Path jvmLog = dir.resolve("jvm.log");
    // After the launcher's own -Xlog settings, so that this output to a file is added to them.
    String logging = (aotCache ? "-Xlog:aot=info:file=" : "-Xlog:cds=info:file=") + jvmLog;
    try (PackagedApp app = new PackagedApp(dir.resolve("data"))) {
      app.start("-Derrata.demo=true", logging);
      HttpResponse<String> front =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(app.base() + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, front.statusCode());
      assertTrue(front.body().contains("Errata"), front.body());
      String opened = Files.readString(jvmLog);
      if (aotCache) {
        assertTrue(opened.contains("Opened AOT cache"), opened);
        assertTrue(opened.contains("Using AOT-linked classes: true"), opened);
      } else {
        assertTrue(opened.contains("Mapped dynamic region"), opened);
      }
      assertFalse(opened.contains("Unable to use"), opened);
      app.stop();
    }
  }
}
