package org.errata.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Errata as an operator runs it: the packaged application started by its launcher ({@code
 * target/quarkus-app/errata}, which runs the package with the settings README gives) in a child
 * process, on a data directory of its own, with the Java the launcher picks.
 */
final class PackagedApp implements AutoCloseable {

  static final Path LAUNCHER = Path.of("target", "quarkus-app", "errata");

  final Path dataDir;
  final Path launcher;
  final int port;
  final int managementPort;
  final Path log;
  private final Map<String, String> environment = new HashMap<>();
  private Process process;

  PackagedApp(Path dataDir) {
    this(dataDir, LAUNCHER);
  }

  /** On {@code launcher}'s package (see {@link #copyOfPackage}). */
  PackagedApp(Path dataDir, Path launcher) {
    this.dataDir = dataDir;
    this.launcher = launcher;
    this.port = freePort();
    this.managementPort = freePort();
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
  }

  /** Sets (or, with null, removes) an environment variable of the launched process. */
  PackagedApp env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * A copy of the package in a folder of its own, for a test that prepares it for another database
   * kind without disturbing the others; returns its launcher.
   */
  static Path copyOfPackage() throws IOException {
    Path from = LAUNCHER.getParent();
    Path to = Files.createTempDirectory("errata-package").resolve("quarkus-app");
    try (var files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to.resolve("errata");
  }

  /** Runs the launcher with {@code args} (a command such as backup) to its end: code and output. */
  Ran command(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment(builder);
    builder.environment().put("ERRATA_MANAGEMENT_PORT", String.valueOf(managementPort));
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not finish: " + out);
    }
    return new Ran(p.exitValue(), out);
  }

  record Ran(int code, String output) {}

  private void environment(ProcessBuilder builder) {
    // The launcher picks the Java as it does for an operator: the one its class archive was made
    // for (target/quarkus-app/aot/errata-java), whatever Java runs these tests.
    builder.environment().remove("JAVA");
    environment.forEach(
        (k, v) -> {
          if (v == null) {
            builder.environment().remove(k);
          } else {
            builder.environment().put(k, v);
          }
        });
  }

  /** Starts it with {@code properties} (-D...) and waits for its first answer. */
  PackagedApp start(String... properties) throws Exception {
    process = launch(properties);
    waitUntilUp();
    return this;
  }

  /** Starts it and waits for it to exit on its own; returns the exit code. */
  int runToExit(String... properties) throws Exception {
    process = launch(properties);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Errata did not exit");
    }
    return process.exitValue();
  }

  private Process launch(String... properties) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toAbsolutePath().toString());
    command.add("-Derrata.data-dir=" + dataDir);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.management.port=" + managementPort);
    command.add("-Derrata.fetch.enabled=false");
    command.addAll(List.of(properties));
    Files.createDirectories(dataDir);
    ProcessBuilder builder = new ProcessBuilder(command);
    environment(builder);
    return builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private void waitUntilUp() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Errata exited while starting:\n" + output());
      }
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Errata did not start in 90 s:\n" + output());
  }

  long pid() {
    return process.pid();
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer would end it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** An orderly stop (SIGTERM). */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * A JSON API request to this instance as {@code authorization} (a Basic header); GET when {@code
   * json} is null.
   */
  HttpResponse<String> send(String authorization, String method, String path, String json)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (json == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
