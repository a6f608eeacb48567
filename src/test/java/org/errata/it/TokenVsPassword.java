package org.errata.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an editors'-API call costs with an API token against the same call with HTTP Basic (a bcrypt
 * check of cost 12 on every call), in one run of the packaged application: the calls alternate, so
 * both see the same machine. A harness, not a test:
 *
 * <pre>
 * ./mvnw -q package -DskipTests &amp;&amp; ./mvnw -q test-compile
 * java -cp target/test-classes org.errata.it.TokenVsPassword [calls]
 * </pre>
 */
public final class TokenVsPassword {

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    // As shipped, a password that matched is remembered for five minutes (per instance); the
    // second run makes every Basic call check its password, as the first call of each client does.
    run(calls, "as shipped (a matched password remembered 5 min)", "5m");
    run(calls, "every Basic call checks its password (bcrypt, cost 12)", "0s");
  }

  static void run(int calls, String what, String remember) throws Exception {
    System.out.println("== " + what);
    try (PackagedApp app =
        new PackagedApp(Files.createTempDirectory("errata-tokens").resolve("data"))) {
      app.start("-Derrata.demo=true", "-Derrata.sign-in.remember-match=" + remember);
      HttpClient http = HttpClient.newHttpClient();
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("ada:errata-demo".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> made =
          http.send(
              HttpRequest.newBuilder(URI.create(app.base() + "/api/tokens"))
                  .header("Authorization", basic)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(made.body());
      if (made.statusCode() != 201 || !m.find()) {
        throw new IllegalStateException("no token: " + made.statusCode() + " " + made.body());
      }
      String bearer = "Bearer " + m.group(1);
      URI call = URI.create(app.base() + "/api/corrections/1");
      List<Double> withToken = new ArrayList<>();
      List<Double> withPassword = new ArrayList<>();
      for (int i = 0; i < calls + 10; i++) {
        double t = time(http, call, bearer);
        double p = time(http, call, basic);
        if (i >= 10) {
          withToken.add(t);
          withPassword.add(p);
        }
      }
      report("Authorization: Bearer (token)", withToken);
      report("Authorization: Basic (password)", withPassword);
      Collections.sort(withToken);
      Collections.sort(withPassword);
      System.out.printf(
          "median Basic / median Bearer: %.1f x%n",
          withPassword.get(withPassword.size() / 2) / withToken.get(withToken.size() / 2));
    }
  }

  static double time(HttpClient http, URI uri, String authorization) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
            HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
    }
    return ms;
  }

  static void report(String what, List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    System.out.printf(
        "%-34s median %7.2f ms, p90 %7.2f ms over %d calls%n",
        what, sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), ms.size());
  }
}
