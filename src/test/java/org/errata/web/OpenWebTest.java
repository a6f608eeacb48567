package org.errata.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.errata.system.Api;
import org.errata.system.Session;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless client sends, item by item (issue 9's reproductions), and the answer
 * each must get: a 4xx with a sentence, the usual page or JSON error, never a 5xx.
 */
@QuarkusTest
class OpenWebTest {

  // ---- error pages, signed in or not ----

  @Test
  void errorPagesRenderForSignedInEditorsAsForReaders() {
    for (Session who : List.of(Session.anonymous(), Session.signIn("ada"))) {
      who.get("/nope")
          .then()
          .statusCode(404)
          .contentType(startsWith("text/html"))
          .contentType(containsString("charset=UTF-8"))
          .body(containsString("There is nothing at this address."));
    }
    // A reader is first sent to sign in; the desk does not say what exists behind it.
    Session.anonymous().request().delete("/editor/corrections/1").then().statusCode(303);
    Session ada = Session.signIn("ada");
    ada.get("/editor/corrections/1/submission")
        .then()
        .statusCode(405)
        .body(containsString("does not accept that method"));
    ada.request().delete("/editor/corrections/1").then().statusCode(405);
  }

  /** A request as bytes, for what a well-behaved client library refuses to send. */
  static int raw(Session who, String path, String contentType, String body) {
    try {
      String cookies =
          who.cookies().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies);
      }
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Matcher<Integer> anyOf4xx() {
    return Matchers.both(Matchers.greaterThanOrEqualTo(400)).and(Matchers.lessThan(500));
  }

  @Test
  void browsersGetAFavicon() {
    for (Session who : List.of(Session.anonymous(), Session.signIn("ada"))) {
      Response ico = who.get("/favicon.ico");
      assertEquals(200, ico.statusCode());
      assertTrue(ico.asByteArray().length > 0);
      who.get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }
    Session.anonymous().get("/").then().body(containsString("rel=\"icon\""));
  }

  // ---- malformed requests ----

  @Test
  void anAcceptHeaderThatCannotBeReadIsA400() {
    RestAssured.given().header("Accept", "*/*;q=abc").get("/").then().statusCode(400);
    Api.as("ada")
        .header("Accept", "*/*;q=abc")
        .get("/api/corrections")
        .then()
        .statusCode(400)
        .body("error", not(Matchers.emptyOrNullString()));
  }

  @Test
  void anApiBodyWithoutAContentTypeIsAnsweredWithASentence() {
    Response reports =
        RestAssured.given()
            .auth()
            .preemptive()
            .basic("ada", "errata-demo")
            .header("Content-Type", "")
            .body("x".getBytes(StandardCharsets.UTF_8))
            .post("/api/reports");
    assertTrue(reports.statusCode() >= 400 && reports.statusCode() < 500, reports.asString());
    assertTrue(reports.asString().contains("\"error\""), reports.asString());
  }

  @Test
  void malformedFormsAreA400WithAPage() {
    Session ada = Session.signIn("ada");
    String token = ada.token("/editor/corrections/new");
    for (String body :
        List.of(
            "csrf-token=" + token + "&passage=%",
            "csrf-token=" + token + "&passage=%G1",
            "csrf-token=" + token + "&" + "p=1&".repeat(1200))) {
      ada.request()
          .contentType("application/x-www-form-urlencoded")
          .body(body)
          .post("/editor/corrections")
          .then()
          .statusCode(400)
          .contentType(startsWith("text/html"))
          .body(containsString("could not be read"));
    }
    int unknownCharset =
        raw(
            ada,
            "/editor/corrections",
            "application/x-www-form-urlencoded; charset=x-no-such-charset",
            "csrf-token=" + token + "&passage=a");
    assertTrue(unknownCharset >= 400 && unknownCharset < 500, "status " + unknownCharset);
    assertEquals(
        400,
        raw(
            ada,
            "/editor/reports",
            "multipart/form-data; boundary=XX",
            "--XX\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nabc"));
  }

  @Test
  void theWrongJsonTypeIsA400NamingTheField() {
    Api.as("ada")
        .body("[1]")
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("error", containsString("JSON object"));
    Api.as("ada")
        .body("{\"version\":\"abc\"}")
        .put("/api/corrections/1")
        .then()
        .statusCode(400)
        .body("field", equalTo("version"));
    Api.as("ada")
        .body("{\"sources\":{}}")
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("sources"));
    Api.as("ada")
        .body("{\"passage\":12}")
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("passage"))
        .body("error", containsString("text"));
    Api.as("ada")
        .body(Map.of("articleUrl", "json-bool.example/a", "passage", true))
        .post("/api/corrections")
        .then()
        .statusCode(400)
        .body("field", equalTo("passage"));
  }

  @Test
  void bodiesOverTwoMebibytesAre413WithAJsonSentence() {
    Api.as("ada")
        .body("{\"passage\":\"" + "a".repeat(2_200_000) + "\"}")
        .post("/api/corrections")
        .then()
        .statusCode(413)
        .body("error", containsString("2 MiB"))
        .header("Content-Security-Policy", not(Matchers.emptyOrNullString()));
  }

  // ---- text that is not text ----

  @Test
  void controlCharactersAndTextWithoutWordsAreRefused() {
    for (String passage : List.of("\u0000", "\u202E", "...", "a\u0007b", "evil \u202Egnp.exe")) {
      Map<String, Object> body = Api.correction("text-rules.example/a", passage);
      Api.as("ada")
          .body(body)
          .post("/api/corrections")
          .then()
          .statusCode(400)
          .body("field", equalTo("passage"));
    }
    Map<String, Object> summary = Api.correction("text-rules.example/b", "A fine passage");
    summary.put("summary", "\u0000");
    Api.as("ada").body(summary).post("/api/corrections").then().statusCode(400);
    // Tabs, line breaks and every script are text.
    Map<String, Object> fine = Api.correction("text-rules.example/c", "Ein Satz — 漢字 und 😀");
    fine.put("reasoning", "Line one\n\tindented\n- bullet");
    Api.as("ada").body(fine).post("/api/corrections").then().statusCode(201);
  }

  @Test
  void aReviewCommentWithAControlCharacterIsRefused() {
    long id = Api.create("ada", "text-rules.example/comment", "A passage to discuss");
    Api.as("grace")
        .body(Map.of("body", "Look\u0000here"))
        .post("/api/corrections/" + id + "/comments")
        .then()
        .statusCode(400)
        .body("error", containsString("control character"));
  }

  // ---- redirects and headers ----

  @Test
  void theHostHeaderIsNeverEchoedIntoARedirect() {
    Session ada = Session.signIn("ada");
    Response out =
        ada.request()
            .header("Host", "evil.example")
            .contentType("application/x-www-form-urlencoded")
            .formParam("csrf-token", ada.token("/editor"))
            .post("/logout");
    assertEquals(303, out.statusCode());
    assertEquals("/", out.header("Location"));
    Response challenge =
        RestAssured.given().redirects().follow(false).header("Host", "evil.example").get("/editor");
    assertFalse(
        challenge.header("Location").contains("evil.example"), challenge.header("Location"));
    Response created =
        Api.as("ada")
            .header("Host", "evil.example")
            .body(Api.correction("host-header.example/a", "A passage"))
            .post("/api/corrections");
    assertEquals(201, created.statusCode());
    assertTrue(
        created.header("Location").startsWith("/api/corrections/"), created.header("Location"));
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    List<Response> answers =
        List.of(
            RestAssured.get("/api/corrections"),
            RestAssured.given().auth().preemptive().basic("ada", "wrong").get("/api/corrections"),
            RestAssured.get("/" + "a".repeat(9000)),
            RestAssured.given().header("X-Big", "b".repeat(20_000)).get("/"),
            RestAssured.get("/articles?url=example.com/a"),
            RestAssured.get("/nope"));
    for (Response r : answers) {
      assertTrue(r.header("Content-Security-Policy") != null, r.statusCode() + " " + r.headers());
      assertEquals("nosniff", r.header("X-Content-Type-Options"));
      assertEquals("DENY", r.header("X-Frame-Options"));
      assertTrue(r.header("Referrer-Policy") != null);
    }
    assertEquals(401, answers.get(0).statusCode());
    assertEquals(414, answers.get(2).statusCode());
    assertEquals(431, answers.get(3).statusCode());
    assertTrue(
        answers.get(4).contentType().contains("charset=UTF-8"), answers.get(4).contentType());
    assertTrue(
        answers.get(5).contentType().contains("charset=UTF-8"), answers.get(5).contentType());
  }

  @Test
  void forwardedHeadersAreIgnoredUnlessAProxyIsTrusted() {
    Response page =
        RestAssured.given()
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-For", "1.2.3.4")
            .get("/login");
    assertFalse(page.header("Set-Cookie").contains("Secure"), page.header("Set-Cookie"));
    assertEquals(null, page.header("Strict-Transport-Security"));
  }

  @Test
  void deskAndAccountPagesAreNeverStored() {
    Session ada = Session.signIn("ada");
    for (String page : List.of("/editor", "/editor/account", "/editor/corrections/1", "/login")) {
      assertEquals("no-store", ada.get(page).header("Cache-Control"), page);
    }
    assertEquals("no-store", Api.as("ada").get("/api/corrections").header("Cache-Control"));
  }

  // ---- accounts ----

  @Test
  void anAccountWithATemporaryPasswordCannotUseTheApi() {
    Session admin = Session.signIn("admin");
    String temporary =
        admin.temporaryPassword(
            admin.submit(
                "/editor/admin/accounts",
                "/editor/admin/accounts",
                Map.of("username", "tempo", "role", "editor")));
    RestAssured.given()
        .auth()
        .preemptive()
        .basic("tempo", temporary)
        .get("/api/corrections")
        .then()
        .statusCode(403)
        .body("error", containsString("temporary password"));
    RestAssured.given()
        .auth()
        .preemptive()
        .basic("tempo", temporary)
        .contentType("application/json")
        .body(Api.correction("temporary.example/a", "A passage"))
        .post("/api/corrections")
        .then()
        .statusCode(403);
  }

  @Test
  void aDisabledAccountGetsTheSameAnswerAsAWrongPassword() {
    Session admin = Session.signIn("admin");
    admin.submit(
        "/editor/admin/accounts",
        "/editor/admin/accounts",
        Map.of("username", "disabled-one", "role", "editor"));
    long id = Session.accountId("disabled-one");
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/enabled",
            Map.of("enabled", "false"))
        .then()
        .statusCode(303);
    // Right or wrong, the password of a disabled account gets one answer: no redirect, the
    // sentence.
    Response right =
        Session.anonymous()
            .submit(
                "/login",
                "/login",
                Map.of("username", "disabled-one", "password", "whatever-1234"));
    Response wrongForAda =
        Session.anonymous()
            .submit("/login", "/login", Map.of("username", "ada", "password", "not-her-password"));
    assertEquals(401, right.statusCode());
    assertEquals(wrongForAda.statusCode(), right.statusCode());
    assertTrue(right.asString().contains("do not match an account that may sign in"));
    assertEquals(
        sentence(wrongForAda.asString()), sentence(right.asString()), "one sentence for both");
  }

  private static String sentence(String page) {
    java.util.regex.Matcher m = Pattern.compile("id=\"login-error\">([^<]+)<").matcher(page);
    return m.find() ? m.group(1) : page;
  }
}
