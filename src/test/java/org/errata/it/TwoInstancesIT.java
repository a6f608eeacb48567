package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.system.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one PostgreSQL database, an nginx in front of them (round robin), as
 * docs/operations.md describes: a person signs in through nginx and is served by both; a
 * publication on one is read on the other within the cache's poll; two edits racing on the two
 * instances give one 200 and one 409; signing out on one signs out on both; the drift watch sweeps
 * once per interval for the pair, and a webhook delivery is sent once, not once per instance.
 */
class TwoInstancesIT {

  static final Duration DRIFT = Duration.ofSeconds(1);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void resetRestAssured() {
    RestAssured.reset();
  }

  @Test
  void twoInstancesBehindNginxActAsOne() throws Exception {
    Path root = Files.createTempDirectory("errata-two");
    Path launcher = PackagedApp.copyOfPackage();
    String key = UUID.randomUUID().toString().replace("-", "");
    AtomicInteger deliveries = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          deliveries.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (ThrowawayPostgres pg = ThrowawayPostgres.start();
        PackagedApp a = instance(root.resolve("a"), launcher, pg, key);
        PackagedApp b = instance(root.resolve("b"), launcher, pg, key)) {
      String[] settings = {
        "-Derrata.demo=true",
        "-Derrata.fetch.enabled=true",
        "-Derrata.fetch.timeout=1s",
        "-Derrata.drift.interval=" + DRIFT.toMillis() + "ms",
        "-Derrata.webhooks.every=500ms",
        "-Derrata.webhooks.first-retry=1s"
      };
      a.start(settings); // prepares the package for PostgreSQL first, then b starts on it
      b.start(settings);
      try (Nginx nginx = Nginx.start(root.resolve("nginx"), a.port, b.port)) {
        RestAssured.port = nginx.port;

        // Signed in through nginx, served by both instances.
        Session ada = Session.signIn("ada");
        Set<String> upstreams = new HashSet<>();
        for (int i = 0; i < 6; i++) {
          Response desk = ada.get("/editor");
          assertEquals(200, desk.statusCode());
          upstreams.add(desk.header("X-Upstream"));
        }
        assertEquals(
            Set.of("127.0.0.1:" + a.port, "127.0.0.1:" + b.port),
            upstreams,
            "round robin reached both instances, and both knew the session");

        // A webhook registered on one instance; deliveries are claimed, so each is sent once.
        String hook =
            api(
                a,
                "admin",
                "POST",
                "/api/webhooks",
                "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort()
                    + "/hook\",\"events\":[\"published\"]}");
        assertTrue(hook.contains("\"id\""), hook);

        // Published on a, read on b at once (b had the article's page in memory before).
        String url = "two-instances.example/story";
        long id = id(api(a, "ada", "POST", "/api/corrections", DurabilityIT.body(url)));
        assertTrue(readers(b, url).contains("\"count\":0"));
        api(a, "ada", "POST", "/api/corrections/" + id + "/submit", "");
        api(
            b,
            "grace",
            "POST",
            "/api/corrections/" + id + "/approve",
            "{\"override\":\"The help page is not fetched in this test.\"}");
        api(a, "grace", "POST", "/api/corrections/" + id + "/publish", "");
        long published = System.nanoTime();
        long seenAfterMs = -1;
        while (System.nanoTime() - published < Duration.ofSeconds(3).toNanos()) {
          if (readers(b, url).contains("\"count\":1")) {
            seenAfterMs = (System.nanoTime() - published) / 1_000_000;
            break;
          }
          Thread.sleep(10);
        }
        assertTrue(seenAfterMs >= 0 && seenAfterMs <= 1000, "seen on b after " + seenAfterMs);

        // Two edits of one draft racing on the two instances: one wins, the other is told.
        long draft =
            id(api(a, "ada", "POST", "/api/corrections", DurabilityIT.body(url + "/race")));
        String edit = DurabilityIT.body(url + "/race").replace("{", "{\"version\":0,");
        CompletableFuture<Integer> onA =
            CompletableFuture.supplyAsync(
                () -> status(a, "PUT", "/api/corrections/" + draft, edit));
        CompletableFuture<Integer> onB =
            CompletableFuture.supplyAsync(
                () -> status(b, "PUT", "/api/corrections/" + draft, edit));
        List<Integer> statuses = new ArrayList<>(List.of(onA.get(), onB.get()));
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses, "never a lost update");

        // Signing out on a ends the session on b too.
        Session grace = Session.signIn("grace");
        Map<String, String> signedIn = new java.util.HashMap<>(grace.cookies());
        RestAssured.port = b.port;
        assertEquals(200, grace.get("/editor").statusCode(), "signed in on b");
        RestAssured.port = a.port;
        Response out = grace.submit("/editor", "/logout", Map.of());
        assertEquals(303, out.statusCode());
        RestAssured.port = b.port;
        Response after =
            RestAssured.given().redirects().follow(false).cookies(signedIn).get("/editor");
        assertEquals(303, after.statusCode(), "the revoked session is refused on b");
        assertTrue(after.header("Location").contains("/login"), after.header("Location"));

        // The drift watch: both instances tick every second; the lease lets one sweep per tick.
        int before = sweeps(a) + sweeps(b);
        long window = 6_000;
        Thread.sleep(window);
        int swept = sweeps(a) + sweeps(b) - before;
        long perInterval = window / DRIFT.toMillis();
        assertTrue(
            swept >= 2 && swept <= perInterval + 1,
            swept + " sweeps in " + window + " ms by two instances ticking every " + DRIFT);
        assertEquals(1, deliveries.get(), "the publication was delivered once");

        // A guesser spread over both instances is counted once: the pair's 5 free failures are
        // shared, so the answer turns 429 after them, not after 5 on each instance.
        int firstRefusal = 0;
        for (int attempt = 1; attempt <= 12 && firstRefusal == 0; attempt++) {
          PackagedApp app = attempt % 2 == 1 ? a : b;
          int status =
              app.send(
                      PackagedApp.basic("admin", "a-guess-" + attempt),
                      "GET",
                      "/api/corrections",
                      null)
                  .statusCode();
          if (status == 429) {
            firstRefusal = attempt;
          }
        }
        assertTrue(
            firstRefusal >= 6 && firstRefusal <= 7,
            "throttled at attempt " + firstRefusal + " of guesses alternating between instances");
        System.out.printf(
            "Two instances: sessions on both, publication seen on the other after %d ms, race"
                + " %s, sign-out on both, %d drift sweeps in %d ms (ticks: %d per instance), %d"
                + " webhook delivery, guesses over both throttled at attempt %d%n",
            seenAfterMs, statuses, swept, window, perInterval, deliveries.get(), firstRefusal);
      }
      a.stop();
      b.stop();
    } finally {
      receiver.stop(0);
    }
  }

  private static PackagedApp instance(Path dir, Path launcher, ThrowawayPostgres pg, String key) {
    return new PackagedApp(dir, launcher)
        .env("ERRATA_DB_URL", pg.url)
        .env("ERRATA_DB_USER", pg.user)
        .env("ERRATA_DB_PASSWORD", pg.password)
        .env("ERRATA_DB_KIND", null)
        .env("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", key)
        .env("ERRATA_FETCH_ALLOW_PRIVATE_ADDRESSES", "true");
  }

  private static int sweeps(PackagedApp app) throws Exception {
    return (int) app.output().lines().filter(l -> l.contains("Drift check:")).count();
  }

  private String readers(PackagedApp app, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(app.base() + "/api/public/corrections?url=" + url))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String api(PackagedApp app, String who, String method, String path, String json)
      throws Exception {
    HttpResponse<String> r = send(app, who, method, path, json);
    assertTrue(r.statusCode() < 300, method + " " + path + ": " + r.statusCode() + " " + r.body());
    return r.body();
  }

  private int status(PackagedApp app, String method, String path, String json) {
    try {
      return send(app, "ada", method, path, json).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(
      PackagedApp app, String who, String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.base() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", PackagedApp.basic(who, "errata-demo"))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long id(String body) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
    assertTrue(m.find(), body);
    return Long.parseLong(m.group(1));
  }

  /** nginx from Debian's package, round robin over the two instances, on a port of its own. */
  static final class Nginx implements AutoCloseable {
    final int port;
    private final Process process;

    private Nginx(int port, Process process) {
      this.port = port;
      this.process = process;
    }

    static Nginx start(Path dir, int... upstreams) throws Exception {
      Files.createDirectories(dir.resolve("tmp"));
      int port;
      try (var probe = new java.net.ServerSocket(0)) { // closed, or nginx could not bind it
        port = probe.getLocalPort();
      }
      StringBuilder servers = new StringBuilder();
      for (int u : upstreams) {
        servers.append("    server 127.0.0.1:").append(u).append(";\n");
      }
      String d = dir.toAbsolutePath().toString();
      String conf =
          "worker_processes 1;\npid "
              + d
              + "/nginx.pid;\nerror_log "
              + d
              + "/error.log;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n"
              + "  client_body_temp_path "
              + d
              + "/tmp;\n  proxy_temp_path "
              + d
              + "/tmp;\n  fastcgi_temp_path "
              + d
              + "/tmp;\n  uwsgi_temp_path "
              + d
              + "/tmp;\n  scgi_temp_path "
              + d
              + "/tmp;\n  upstream errata {\n"
              + servers
              + "  }\n  server {\n    listen 127.0.0.1:"
              + port
              + ";\n    location / {\n      proxy_pass http://errata;\n"
              + "      proxy_set_header Host $host:$server_port;\n"
              + "      add_header X-Upstream $upstream_addr always;\n    }\n  }\n}\n";
      Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
      Process p =
          new ProcessBuilder(
                  "nginx", "-p", d, "-c", d + "/nginx.conf", "-g", "daemon off; user root;")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.out").toFile())
              .start();
      // Up when an answer came through nginx (it names the upstream), not merely when the port
      // accepts a connection.
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new AssertionError(
              "nginx did not start (apt-get install -y nginx-light): "
                  + Files.readString(dir.resolve("nginx.out"))
                  + (Files.exists(dir.resolve("error.log"))
                      ? Files.readString(dir.resolve("error.log"))
                      : ""));
        }
        try {
          HttpResponse<Void> r =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (r.headers().firstValue("X-Upstream").isPresent()) {
            return new Nginx(port, p);
          }
        } catch (java.io.IOException e) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      p.destroy();
      throw new AssertionError("nginx did not listen in 10 s");
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
