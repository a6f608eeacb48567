package org.errata.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeyConfigSourceFactoryTest {

  @TempDir Path dir;

  @Test
  void theFirstStartMakesAKeyOnlyItsOwnerCanReadAndRestartsReuseIt() throws Exception {
    Path file = dir.resolve("nested/data").resolve(SessionKeyConfigSourceFactory.FILE);
    String first = SessionKeyConfigSourceFactory.readOrCreate(file);
    assertTrue(first.length() >= 32, "a long random key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first, SessionKeyConfigSourceFactory.readOrCreate(file), "a restart keeps it");
    try (var leftovers = Files.list(file.getParent())) {
      assertEquals(1, leftovers.count(), "no temporary file left behind");
    }
  }

  @Test
  void twoDataDirectoriesGetDifferentKeys() {
    String a = SessionKeyConfigSourceFactory.readOrCreate(dir.resolve("a").resolve("k"));
    String b = SessionKeyConfigSourceFactory.readOrCreate(dir.resolve("b").resolve("k"));
    assertNotEquals(a, b);
  }

  @Test
  void theKeyIsOnlyReadWhenAskedForByName() {
    var source = new SessionKeyConfigSourceFactory.KeyFileSource(dir.resolve("lazy").resolve("k"));
    assertTrue(source.getPropertyNames().isEmpty(), "the build cannot enumerate and record it");
    assertEquals(null, source.getValue("quarkus.http.port"));
    assertTrue(Files.notExists(dir.resolve("lazy")), "nothing written until the key is asked for");
    assertEquals(43, source.getValue(SessionKeyConfigSourceFactory.KEY).length());
  }
}
