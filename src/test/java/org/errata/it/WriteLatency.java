package org.errata.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What writing every commit to the file before acknowledging it costs: the latency of creating a
 * correction on the desk (one form post, one transaction), with the packaged application on an H2
 * file, with and without {@code WRITE_DELAY=0}. A harness, not a test:
 *
 * <pre>
 * ./mvnw -q package -DskipTests &amp;&amp; ./mvnw -q test-compile
 * java -cp target/test-classes org.errata.it.WriteLatency [writes]
 * </pre>
 */
public final class WriteLatency {

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    int writes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String fileUrl = "jdbc:h2:file:${errata.data-dir}/errata;DB_CLOSE_ON_EXIT=FALSE";
    for (int round = 1; round <= 2; round++) {
      report("WRITE_DELAY=0 (shipped)", run(writes, null));
      report("H2 default (500 ms delay)", run(writes, "-Dquarkus.datasource.jdbc.url=" + fileUrl));
    }
  }

  static void report(String what, List<Double> ms) {
    Collections.sort(ms);
    System.out.printf(
        "%-28s median %.2f ms, p90 %.2f ms over %d writes%n",
        what, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.9)), ms.size());
  }

  static List<Double> run(int writes, String override) throws Exception {
    try (PackagedApp app =
        new PackagedApp(Files.createTempDirectory("errata-latency").resolve("data"))) {
      if (override == null) {
        app.start("-Derrata.demo=true");
      } else {
        app.start("-Derrata.demo=true", override);
      }
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String token = token(http, app.base() + "/login");
      post(
          http,
          app.base() + "/login",
          Map.of("username", "ada", "password", "errata-demo", "csrf-token", token));
      token = token(http, app.base() + "/editor/corrections/new");
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < writes + 20; i++) {
        Map<String, String> form =
            Map.of(
                "csrf-token", token,
                "articleUrl", "latency.example/a" + i,
                "passage", "A passage that is wrong",
                "summary", "It is wrong.",
                "reasoning", "Because the vendor says otherwise.",
                "sourceTitle", "Help",
                "sourcePublisher", "Vendor",
                "sourceUrl", "https://help.example.com/a",
                "sourceQuote", "The vendor says otherwise.");
        long t0 = System.nanoTime();
        int status = post(http, app.base() + "/editor/corrections", form);
        double took = (System.nanoTime() - t0) / 1e6;
        if (status != 303) {
          throw new AssertionError("creation answered " + status);
        }
        if (i >= 20) {
          ms.add(took);
        }
      }
      app.stop();
      return ms;
    }
  }

  static String token(HttpClient http, String page) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = TOKEN.matcher(body);
    if (!m.find()) {
      throw new AssertionError("no token on " + page);
    }
    return m.group(1);
  }

  static int post(HttpClient http, String url, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
