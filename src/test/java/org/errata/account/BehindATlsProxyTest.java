package org.errata.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy that terminates TLS, cookies are Secure and the site asks for HTTPS. */
@QuarkusTest
@TestProfile(BehindAProxy.class)
class BehindATlsProxyTest {

  static Response signIn(String proto) {
    Response page = RestAssured.given().header("X-Forwarded-Proto", proto).get("/login");
    String token =
        page.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
    return RestAssured.given()
        .redirects()
        .follow(false)
        .header("X-Forwarded-Proto", proto)
        .cookies(page.getCookies())
        .contentType("application/x-www-form-urlencoded")
        .formParams(Map.of("csrf-token", token, "username", "ada", "password", "errata-demo"))
        .post("/login");
  }

  @Test
  void overHttpsEveryCookieIsSecureAndHstsIsSent() {
    Response page = RestAssured.given().header("X-Forwarded-Proto", "https").get("/login");
    assertTrue(page.header("Set-Cookie").contains("Secure"), page.header("Set-Cookie"));
    assertTrue(page.header("Strict-Transport-Security").startsWith("max-age="));
    Response in = signIn("https");
    assertEquals(303, in.statusCode());
    List<String> cookies = in.headers().getValues("Set-Cookie");
    assertTrue(cookies.size() >= 2, cookies.toString());
    assertTrue(cookies.stream().allMatch(c -> c.contains("; Secure")), cookies.toString());
    assertTrue(cookies.stream().allMatch(c -> c.contains("HttpOnly")), cookies.toString());
    assertTrue(cookies.stream().allMatch(c -> c.contains("SameSite=Strict")), cookies.toString());
  }

  @Test
  void overPlainHttpNothingPretendsToBeSecure() {
    Response in = signIn("http");
    assertEquals(303, in.statusCode());
    assertTrue(in.headers().getValues("Set-Cookie").stream().noneMatch(c -> c.contains("Secure")));
    assertNull(RestAssured.get("/").header("Strict-Transport-Security"));
  }
}
