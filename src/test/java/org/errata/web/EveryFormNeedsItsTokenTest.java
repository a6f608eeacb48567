package org.errata.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.errata.account.Account;
import org.errata.account.RevokedSession;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.system.Routes;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing route of the HTML side, found in the code itself, refuses a request that
 * does not carry the form's token: with no body at all, a form without a token or with a wrong one,
 * another person's token, JSON, plain text or multipart. Nothing changes.
 */
@QuarkusTest
class EveryFormNeedsItsTokenTest {

  @Test
  void everyStateChangingHtmlRouteRefusesARequestWithoutAValidToken() {
    List<Routes.Route> routes =
        Routes.all().stream().filter(r -> r.changesState() && !r.isApi()).toList();
    assertTrue(routes.size() >= 20, "found only " + routes);
    Session admin = Session.signIn("admin");
    String graceToken = Session.signIn("grace").token("/editor");
    String before = fingerprint();
    List<String> wrong = new ArrayList<>();
    for (Routes.Route route : routes) {
      String path = route.with("1");
      List<Attempt> attempts =
          List.of(
              new Attempt("no body", r -> r),
              new Attempt(
                  "form without token",
                  r -> r.contentType("application/x-www-form-urlencoded").formParam("x", "1")),
              new Attempt(
                  "form with a made-up token",
                  r ->
                      r.contentType("application/x-www-form-urlencoded")
                          .formParam("csrf-token", "made-up")),
              new Attempt(
                  "another person's token",
                  r ->
                      r.contentType("application/x-www-form-urlencoded")
                          .formParam("csrf-token", graceToken)),
              new Attempt("JSON", r -> r.contentType("application/json").body("{}")),
              new Attempt("plain text", r -> r.contentType("text/plain").body("csrf-token=x")),
              new Attempt("multipart", r -> r.multiPart("x", "1")));
      for (Attempt a : attempts) {
        Response response = a.shape().apply(admin.request()).request(route.method(), path);
        int status = response.statusCode();
        if (status != 403 && status != 415) {
          wrong.add(route + " (" + a.name() + "): " + status);
        }
      }
    }
    System.out.println(
        "CSRF: "
            + routes.size()
            + " state-changing HTML routes, "
            + routes.size() * 7
            + " forged requests, refused: "
            + (routes.size() * 7 - wrong.size()));
    assertEquals(List.of(), wrong);
    assertEquals(before, fingerprint(), "nothing changed");
  }

  @Test
  void signingInWithoutTheFormsTokenIsRefused() {
    Response response =
        Session.anonymous()
            .request()
            .contentType("application/x-www-form-urlencoded")
            .formParam("username", "ada")
            .formParam("password", "errata-demo")
            .post("/login");
    assertEquals(403, response.statusCode());
    assertTrue(response.getDetailedCookies().get("errata-session") == null);
  }

  @Test
  void theTokenChangesAtEverySignIn() {
    String first = Session.signIn("ada").token("/editor");
    String second = Session.signIn("ada").token("/editor");
    assertTrue(!first.equals(second), "a new session, a new token");
  }

  @Test
  void aValidTokenIsAccepted() {
    // The control: the same kind of request with the page's token goes through.
    Session ada = Session.signIn("ada");
    ada.submit("/editor", "/logout", Map.of()).then().statusCode(303);
  }

  private record Attempt(String name, Function<RequestSpecification, RequestSpecification> shape) {}

  /** What any of those requests could have changed. */
  private static String fingerprint() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AuditEvent.count()
                    + "/"
                    + Correction.count()
                    + "/"
                    + Account.<Account>listAll().stream()
                        .map(a -> a.username + a.roles + a.enabled + a.mustChangePassword + a.email)
                        .toList()
                    + "/"
                    + RevokedSession.count());
  }
}
