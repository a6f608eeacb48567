package org.errata.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords is slow and costs Errata no bcrypt work, and it cannot lock a real editor out
 * of the browser she signs in with.
 */
@QuarkusTest
@TestProfile(BehindAProxy.class)
class SignInThrottleTest {

  static final AtomicInteger NEXT = new AtomicInteger(1);

  /** A client address of its own for each call. */
  static String newAddress() {
    int n = NEXT.getAndIncrement();
    return "203.0." + (n / 250) + "." + (1 + n % 250);
  }

  static Response form(String address, String user, String password) {
    Session s = Session.anonymous();
    String token = s.token("/login");
    return s.request()
        .header("X-Forwarded-For", address)
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf-token", token)
        .formParam("username", user)
        .formParam("password", password)
        .post("/login");
  }

  static Response basic(String address, String user, String password) {
    return RestAssured.given()
        .header("X-Forwarded-For", address)
        .auth()
        .preemptive()
        .basic(user, password)
        .get("/api/corrections");
  }

  @Test
  void afterFiveWrongPasswordsFromOneAddressTheNextIsA429WithRetryAfter() {
    String address = newAddress();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, form(address, "grace", "guess-" + i).statusCode());
    }
    Response sixth = form(address, "grace", "guess-6");
    assertEquals(429, sixth.statusCode());
    assertTrue(Integer.parseInt(sixth.header("Retry-After")) >= 1);
    assertTrue(sixth.asString().contains("Too many failed sign-ins"), sixth.asString());
    // The right password waits too: the wait is before any password is checked.
    assertEquals(429, form(address, "grace", "errata-demo").statusCode());
  }

  @Test
  void theApiIsThrottledTheSameWayAndSaysSoInJson() {
    String address = newAddress();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, basic(address, "admin", "guess-" + i).statusCode());
    }
    Response throttled = basic(address, "admin", "guess-again");
    assertEquals(429, throttled.statusCode());
    assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1);
    assertTrue(throttled.jsonPath().getString("error").contains("Too many failed sign-ins"));
  }

  @Test
  void aThrottledAttemptCostsNoPasswordCheck() {
    String address = newAddress();
    List<Long> checked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      checked.add(millis(() -> form(address, "ada", "guess-" + NEXT.get())));
    }
    List<Long> throttled = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      throttled.add(millis(() -> form(address, "ada", "guess-more")));
    }
    assertTrue(
        median(throttled) * 2 < median(checked),
        "throttled " + throttled + " vs checked " + checked);
  }

  @Test
  void guessesFromManyAddressesNeverLockOutTheEditorAtHerOwnBrowser() {
    // grace signs in at her desk, which leaves her browser's device cookie.
    Session desk = Session.anonymous();
    String token = desk.token("/login");
    Response in =
        desk.request()
            .header("X-Forwarded-For", "198.51.100.77")
            .contentType("application/x-www-form-urlencoded")
            .formParams(Map.of("csrf-token", token, "username", "grace", "password", "errata-demo"))
            .post("/login");
    assertEquals(303, in.statusCode());
    String device = in.getDetailedCookies().getValue("errata-device");
    assertTrue(device != null && !device.isEmpty());
    // Someone guesses her password from many addresses until her account is throttled for them.
    Response last = null;
    for (int i = 0; i < 12; i++) {
      last = form(newAddress(), "grace", "distributed-guess-" + i);
    }
    assertEquals(429, last.statusCode(), "guessing from a new address is throttled");
    // Her own browser still signs in.
    Session again = Session.anonymous();
    again.cookies().put("errata-device", device);
    String t = again.token("/login");
    Response back =
        again
            .request()
            .header("X-Forwarded-For", "198.51.100.77")
            .contentType("application/x-www-form-urlencoded")
            .formParams(Map.of("csrf-token", t, "username", "grace", "password", "errata-demo"))
            .post("/login");
    assertEquals(303, back.statusCode());
  }

  @Test
  void anUnknownNameCostsWhatAWrongPasswordCosts() {
    form(newAddress(), "no-such-editor-warmup", "x");
    List<Long> unknown = new ArrayList<>();
    List<Long> wrong = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "nobody-" + i;
      unknown.add(millis(() -> form(newAddress(), name, "a-password")));
      wrong.add(millis(() -> form(newAddress(), "admin", "a-password")));
    }
    double ratio = (double) median(unknown) / median(wrong);
    assertTrue(ratio > 0.6 && ratio < 1.6, "unknown " + unknown + " vs wrong " + wrong);
  }

  static long millis(Supplier<Response> request) {
    long t0 = System.nanoTime();
    request.get();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
