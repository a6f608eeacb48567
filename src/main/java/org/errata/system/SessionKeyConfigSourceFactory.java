package org.errata.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.http.auth.session.encryption-key} when nobody configured one: a random
 * key made on the first start and kept in the data directory, readable by its owner only, so that a
 * restart keeps people signed in. Several instances get one shared key through configuration
 * instead (an environment variable or a property), which always wins over this source.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

  static final String KEY = "quarkus.http.auth.session.encryption-key";
  static final String FILE = "session-encryption.key";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue configured = context.getValue(KEY);
    if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
      return List.of();
    }
    if (Boolean.getBoolean("quarkus.appcds.generate")) {
      // The package build starts the application once to archive its classes (AppCDS): no key,
      // no data directory is made then, so that none ends up in the package.
      return List.of();
    }
    ConfigValue dir = context.getValue("errata.data-dir");
    String dataDir = dir == null || dir.getValue() == null ? "data" : dir.getValue();
    return List.of(new KeyFileSource(Path.of(dataDir).resolve(FILE)));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(50);
  }

  /** Reads the key file, creating it on first use only (never at build time for other keys). */
  static final class KeyFileSource implements ConfigSource {
    private final Path file;
    private volatile String key;

    KeyFileSource(Path file) {
      this.file = file;
    }

    // Listing no names keeps the build from copying the key into the packaged application (it
    // records the runtime values it can enumerate); Quarkus still asks for the key by name at
    // start.
    @Override
    public Set<String> getPropertyNames() {
      return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
      if (!KEY.equals(propertyName)) {
        return null;
      }
      if (key == null) {
        synchronized (this) {
          if (key == null) {
            key = readOrCreate(file);
          }
        }
      }
      return key;
    }

    @Override
    public String getName() {
      return "errata-session-key-file";
    }

    @Override
    public int getOrdinal() {
      return 50;
    }
  }

  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".session", ".tmp");
      try {
        restrictToOwner(temp);
        Files.writeString(temp, fresh, StandardCharsets.US_ASCII);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file);
        }
      } catch (FileAlreadyExistsException e) {
        // Another instance on the same directory won the race: use its key.
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      } finally {
        Files.deleteIfExists(temp);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the session key " + file, e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own permissions protect it.
    }
  }
}
