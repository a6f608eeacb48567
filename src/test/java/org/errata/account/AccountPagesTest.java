package org.errata.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** Admins run the accounts; editors choose their own passwords; disabling takes effect at once. */
@QuarkusTest
class AccountPagesTest {

  static final Pattern TEMPORARY = Pattern.compile("shown only now: ([A-Za-z0-9_-]+)");
  static final String GOOD = "orange kettle sings at dawn";

  static String create(Session admin, String username) {
    Response created =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts",
            Map.of("username", username, "role", "editor"));
    assertEquals(200, created.statusCode(), created.asString());
    Matcher m = TEMPORARY.matcher(created.asString());
    assertTrue(m.find(), "the temporary password is shown once");
    return m.group(1);
  }

  static Session firstSignIn(String username, String temporary) {
    Session s = Session.signIn(username, temporary);
    s.get("/editor")
        .then()
        .statusCode(303)
        .header("Location", endsWith(AccountPages.PASSWORD_PAGE));
    s.submit(
            AccountPages.PASSWORD_PAGE,
            AccountPages.PASSWORD_PAGE,
            Map.of("current", temporary, "password", GOOD, "confirm", GOOD))
        .then()
        .statusCode(303);
    s.get("/editor").then().statusCode(200);
    return s;
  }

  @Test
  void anAdminCreatesAnAccountWhoseHolderMustChooseAPassword() {
    Session admin = Session.signIn("admin");
    String temporary = create(admin, "lin");
    Session lin = Session.signIn("lin", temporary);
    lin.get("/editor")
        .then()
        .statusCode(303)
        .header("Location", endsWith(AccountPages.PASSWORD_PAGE));
    lin.get(AccountPages.PASSWORD_PAGE)
        .then()
        .statusCode(200)
        .body(containsString("An admin reset your password"));
    Response common =
        lin.submit(
            AccountPages.PASSWORD_PAGE,
            AccountPages.PASSWORD_PAGE,
            Map.of("current", temporary, "password", "password1234", "confirm", "password1234"));
    assertEquals(400, common.statusCode());
    assertTrue(common.asString().contains("one of the most common"));
    assertTrue(!common.asString().contains("password1234"), "passwords are never echoed");
    Response wrong =
        lin.submit(
            AccountPages.PASSWORD_PAGE,
            AccountPages.PASSWORD_PAGE,
            Map.of("current", "not-it", "password", GOOD, "confirm", GOOD));
    assertTrue(wrong.asString().contains("That is not your current password."));
    lin.submit(
            AccountPages.PASSWORD_PAGE,
            AccountPages.PASSWORD_PAGE,
            Map.of("current", temporary, "password", GOOD, "confirm", GOOD))
        .then()
        .statusCode(303);
    lin.get("/editor").then().statusCode(200);
    Session.signIn("lin", GOOD).get("/editor").then().statusCode(200);
  }

  @Test
  void disablingAnAccountEndsItsSessionAtOnceAndItsApiAccess() {
    Session admin = Session.signIn("admin");
    String temporary = create(admin, "dina");
    Session dina = firstSignIn("dina", temporary);
    Map<String, String> cookies = new HashMap<>(dina.cookies());
    RestAssured.given()
        .auth()
        .preemptive()
        .basic("dina", GOOD)
        .get("/api/corrections")
        .then()
        .statusCode(200);

    long id = accountId("dina");
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/enabled",
            Map.of("enabled", "false"))
        .then()
        .statusCode(303);
    RestAssured.given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .get("/editor")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/login"));
    RestAssured.given()
        .auth()
        .preemptive()
        .basic("dina", GOOD)
        .get("/api/corrections")
        .then()
        .statusCode(401);

    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/enabled",
            Map.of("enabled", "true"))
        .then()
        .statusCode(303);
    Session.signIn("dina", GOOD).get("/editor").then().statusCode(200);
  }

  @Test
  void resettingAPasswordEndsEverySessionOfThatAccount() {
    Session admin = Session.signIn("admin");
    Session raf = firstSignIn("raf", create(admin, "raf"));
    Map<String, String> cookies = new HashMap<>(raf.cookies());
    Response reset =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + accountId("raf") + "/reset",
            Map.of());
    assertEquals(200, reset.statusCode());
    assertTrue(TEMPORARY.matcher(reset.asString()).find());
    RestAssured.given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .get("/editor")
        .then()
        .statusCode(303);
  }

  @Test
  void editorsCannotManageAccounts() {
    Session.signIn("ada").get("/editor/admin/accounts").then().statusCode(403);
  }

  @Test
  void anAdminCannotDisableThemself() {
    Session admin = Session.signIn("admin");
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + accountId("admin") + "/enabled",
            Map.of("enabled", "false"))
        .then()
        .statusCode(409)
        .body(containsString("You cannot disable your own account."));
  }

  static long accountId(String username) {
    String page = Session.signIn("admin").get("/editor/admin/accounts").asString();
    Matcher m =
        Pattern.compile("<td>" + username + "</td>[\\s\\S]*?/editor/admin/accounts/(\\d+)/reset")
            .matcher(page);
    assertTrue(m.find(), "row for " + username);
    return Long.parseLong(m.group(1));
  }
}
