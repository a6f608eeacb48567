package org.errata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever Errata acknowledges is on disk: the packaged application on an H2 file is killed with
 * SIGKILL the moment an acknowledgement arrives, again and again, while several clients write at
 * once; after every restart each acknowledged creation (201) and submission (200) is there.
 */
class DurabilityIT {

  static final int CYCLES = Integer.getInteger("errata.durability.cycles", 10);
  static final int WRITERS = 4;
  static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  final String auth = PackagedApp.basic("ada", "errata-demo");

  @Test
  void noAcknowledgedWriteIsLostWhenTheProcessIsKilled() throws Exception {
    Path dir = Files.createTempDirectory("errata-durability").resolve("data");
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    int kills = 0;
    try (PackagedApp app = new PackagedApp(dir)) {
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        app.start(demo());
        checkEveryAcknowledgedWrite(app, acknowledged, kills);
        writeUntilKilled(app, acknowledged, cycle);
        kills++;
      }
      app.start(demo());
      checkEveryAcknowledgedWrite(app, acknowledged, kills);
      app.stop();
    }
    System.out.printf(
        "Durability: %d kills with SIGKILL right after an acknowledgement, %d acknowledged writes,"
            + " 0 lost%n",
        kills, acknowledged.size());
    assertTrue(acknowledged.size() >= CYCLES * 5, "enough writes were acknowledged");
  }

  /**
   * Each acknowledged creation exists; each acknowledged submission is in review. (A submission
   * whose answer never arrived may or may not have happened: both are right.)
   */
  private void checkEveryAcknowledgedWrite(
      PackagedApp app, Map<Long, String> acknowledged, int kills) throws Exception {
    Map<Long, String> stored = everyStatus(app);
    for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
      String now = stored.getOrDefault(e.getKey(), "missing");
      String where = "correction " + e.getKey() + " after " + kills + " kills";
      if (e.getValue().equals("IN_REVIEW")) {
        assertEquals("IN_REVIEW", now, where);
      } else {
        assertTrue(now.equals("DRAFT") || now.equals("IN_REVIEW"), where + ": " + now);
      }
    }
  }

  /** A demo start; the JDBC address can be overridden to show what happens without the fix. */
  static String[] demo() {
    String url = System.getProperty("errata.durability.jdbc-url");
    return url == null
        ? new String[] {"-Derrata.demo=true"}
        : new String[] {"-Derrata.demo=true", "-Dquarkus.datasource.jdbc.url=" + url};
  }

  /** Writers create and submit corrections; one kill follows a random acknowledgement at once. */
  private void writeUntilKilled(PackagedApp app, Map<Long, String> acknowledged, int cycle)
      throws Exception {
    int killAfter = ThreadLocalRandom.current().nextInt(5, 30);
    AtomicInteger acks = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.submit(
          () -> {
            int n = 0;
            while (!killed.get()) {
              try {
                String url = "durability.example/c" + cycle + "/w" + writer + "/" + n++;
                HttpResponse<String> created = send(app, "POST", "/api/corrections", body(url));
                if (created.statusCode() != 201) {
                  continue;
                }
                long id = id(created.body());
                acknowledged.put(id, "DRAFT");
                if (acks.incrementAndGet() >= killAfter && killed.compareAndSet(false, true)) {
                  app.kill();
                  done.countDown();
                  return null;
                }
                HttpResponse<String> submitted =
                    send(app, "POST", "/api/corrections/" + id + "/submit", "");
                if (submitted.statusCode() == 200) {
                  acknowledged.put(id, "IN_REVIEW");
                  if (acks.incrementAndGet() >= killAfter && killed.compareAndSet(false, true)) {
                    app.kill();
                    done.countDown();
                    return null;
                  }
                }
              } catch (IOException e) {
                // the process is gone
                return null;
              }
            }
            return null;
          });
    }
    done.await();
    writers.shutdownNow();
  }

  /** Every correction's status, read page by page from the editors' API. */
  private Map<Long, String> everyStatus(PackagedApp app) throws Exception {
    Map<Long, String> found = new HashMap<>();
    String path = "/api/corrections?limit=200";
    Pattern row = Pattern.compile("\\{\"id\":(\\d+),\"status\":\"([A-Z_]+)\"");
    while (path != null) {
      HttpResponse<String> r = send(app, "GET", path, null);
      assertEquals(200, r.statusCode(), r.body());
      Matcher m = row.matcher(r.body());
      while (m.find()) {
        found.put(Long.parseLong(m.group(1)), m.group(2));
      }
      Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(r.body());
      path = next.find() ? next.group(1) : null;
    }
    return found;
  }

  private HttpResponse<String> send(PackagedApp app, String method, String path, String json)
      throws IOException {
    return app.send(auth, method, path, json);
  }

  static long id(String body) {
    Matcher m = ID.matcher(body);
    if (!m.find()) {
      throw new AssertionError("no id in " + body);
    }
    return Long.parseLong(m.group(1));
  }

  static String body(String url) {
    return "{\"articleUrl\":\""
        + url
        + "\",\"passage\":\"A passage that is wrong\",\"summary\":\"It is wrong.\","
        + "\"reasoning\":\"Because the vendor says otherwise.\",\"sources\":[{\"title\":\"Help\","
        + "\"publisher\":\"Vendor\",\"url\":\"https://help.example.com/a\","
        + "\"quote\":\"The vendor says otherwise.\"}]}";
  }

  static List<String> lines(String s) {
    return new ArrayList<>(List.of(s.split("\n")));
  }
}
