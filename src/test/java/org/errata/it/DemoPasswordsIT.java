package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The demo trap: a database made by a demo start has accounts whose password is published. A
 * production start on it refuses to run and says how to fix it; a demo start asked for explicitly
 * runs. Dev mode keeps its data apart from where a production start looks.
 */
class DemoPasswordsIT {

  @Test
  void aProductionStartRefusesADatabaseWithDemoPasswords() throws Exception {
    Path dir = Files.createTempDirectory("errata-demo-trap").resolve("data");
    try (PackagedApp app = new PackagedApp(dir)) {
      app.start("-Derrata.demo=true");
      app.stop();
    }
    try (PackagedApp production = new PackagedApp(dir)) {
      int exit = production.runToExit();
      assertNotEquals(0, exit);
      String out = production.output();
      assertTrue(out.contains("Errata will not start"), out);
      assertTrue(out.contains("ada, admin, grace"), out);
      assertTrue(out.contains("-Derrata.demo=true"), out);
      assertTrue(out.contains("-Derrata.data-dir"), out);
    }
    try (PackagedApp demo = new PackagedApp(dir)) {
      demo.start("-Derrata.demo=true");
      demo.stop();
    }
  }

  @Test
  void devModeKeepsItsDataApartFromAProductionStart() throws Exception {
    Properties p = new Properties();
    try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      p.load(in);
    }
    assertNotEquals(p.getProperty("errata.data-dir"), p.getProperty("%dev.errata.data-dir"));
    assertTrue(p.getProperty("%dev.errata.data-dir") != null);
  }
}
