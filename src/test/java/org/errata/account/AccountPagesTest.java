package org.errata.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
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
    return shownOnce(admin, created);
  }

  static String shownOnce(Session admin, Response posted) {
    return admin.temporaryPassword(posted);
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
        .body(containsString("Welcome to Errata."));
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

    long id = Session.accountId("dina");
    Response disabled =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/enabled",
            Map.of("enabled", "false"));
    assertEquals(303, disabled.statusCode());
    // The list it returns to says what was done, to whom.
    admin
        .get(disabled.header("Location"))
        .then()
        .body(containsString("Disabled dina: they can no longer sign in"));
    admin
        .get("/editor/admin/accounts")
        .then()
        .body(containsString("aria-label=\"Enable dina\""))
        .body(containsString("aria-label=\"Reset password for dina\""));
    RestAssured.given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .get("/editor")
        .then()
        .statusCode(303)
        .header("Location", startsWith("/login"));
    RestAssured.given()
        .auth()
        .preemptive()
        .basic("dina", GOOD)
        .get("/api/corrections")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Basic"))
        .body("error", containsString("disabled"));

    Response enabled =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/enabled",
            Map.of("enabled", "true"));
    assertEquals(303, enabled.statusCode());
    admin
        .get(enabled.header("Location"))
        .then()
        .body(containsString("Enabled dina: they can sign in again."));
    Session.signIn("dina", GOOD).get("/editor").then().statusCode(200);
  }

  @Test
  void aNewAccountIsWelcomedAndOnlyAResetSaysItWasReset() {
    Session admin = Session.signIn("admin");
    String first = create(admin, "wendy");
    Session.signIn("wendy", first)
        .get(AccountPages.PASSWORD_PAGE)
        .then()
        .body(containsString("Welcome to Errata."))
        .body(not(containsString("An admin reset your password")));
    Response reset =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + Session.accountId("wendy") + "/reset",
            Map.of());
    Session.signIn("wendy", shownOnce(admin, reset))
        .get(AccountPages.PASSWORD_PAGE)
        .then()
        .body(containsString("An admin reset your password."))
        .body(not(containsString("Welcome to Errata.")));
  }

  @Test
  void changingARoleSaysWhatItDid() {
    Session admin = Session.signIn("admin");
    create(admin, "rolf");
    long id = Session.accountId("rolf");
    Response promoted =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/role",
            Map.of("role", "admin"));
    assertEquals(303, promoted.statusCode());
    admin.get(promoted.header("Location")).then().body(containsString("rolf is now an admin."));
    Response demoted =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + id + "/role",
            Map.of("role", "editor"));
    admin
        .get(demoted.header("Location"))
        .then()
        .body(containsString("rolf is now an editor (no longer an admin)."));
  }

  @Test
  void resettingAPasswordEndsEverySessionOfThatAccount() {
    Session admin = Session.signIn("admin");
    Session raf = firstSignIn("raf", create(admin, "raf"));
    Map<String, String> cookies = new HashMap<>(raf.cookies());
    Response reset =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + Session.accountId("raf") + "/reset",
            Map.of());
    shownOnce(admin, reset);
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
    // Errata's own page with a sentence, not the browser's bare 403.
    Session.signIn("ada")
        .get("/editor/admin/accounts")
        .then()
        .statusCode(403)
        .contentType(containsString("text/html"))
        .body(containsString("Only an admin may do this."));
  }

  @Test
  void anAdminCannotDisableThemself() {
    Session admin = Session.signIn("admin");
    long own = Session.accountId("admin");
    String page = admin.get("/editor/admin/accounts").asString();
    assertTrue(
        !page.contains("/editor/admin/accounts/" + own + "/enabled")
            && !page.contains("/editor/admin/accounts/" + own + "/role"),
        "no Disable or Make editor button on one's own row");
    assertTrue(
        page.contains("/editor/admin/accounts/" + Session.accountId("ada") + "/enabled"),
        "other rows keep theirs");
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + Session.accountId("admin") + "/enabled",
            Map.of("enabled", "false"))
        .then()
        .statusCode(409)
        .body(containsString("You cannot disable your own account."));
  }

  static Response setEmail(Session session, String email) {
    return session.submit(
        AccountPages.ACCOUNT_PAGE, "/editor/account/email", Map.of("email", email));
  }

  @Test
  void anEditorSetsTheirEMailAddressAndABadOneComesBackBesideTheFieldAsTyped() {
    Session admin = Session.signIn("admin");
    Session ines = firstSignIn("ines", create(admin, "ines"));
    ines.get(AccountPages.ACCOUNT_PAGE)
        .then()
        .statusCode(200)
        .body(containsString("At most 254 characters. Leave it empty for no e-mail."));

    Response bad = setEmail(ines, "ines at newsroom");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.asString().contains("id=\"email-error\">That is not an e-mail address"));
    assertTrue(bad.asString().contains("value=\"ines at newsroom\""), "what was typed is kept");

    String tooLong = "i".repeat(250) + "@n.example";
    Response longOne = setEmail(ines, tooLong);
    assertEquals(400, longOne.statusCode());
    assertTrue(longOne.asString().contains("can be at most 254 characters"));

    Response injected = setEmail(ines, "ines@newsroom.example\r\nBcc: all@newsroom.example");
    assertEquals(400, injected.statusCode(), "no second header or recipient gets in");

    setEmail(ines, "  ines@newsroom.example ")
        .then()
        .statusCode(303)
        .header("Location", endsWith(AccountPages.ACCOUNT_PAGE + "?saved=true"));
    ines.get(AccountPages.ACCOUNT_PAGE + "?saved=true")
        .then()
        .body(containsString("Notices go to ines@newsroom.example."))
        .body(containsString("value=\"ines@newsroom.example\""));
    admin.get("/editor/admin/accounts").then().body(containsString("ines@newsroom.example"));

    setEmail(ines, "").then().statusCode(303);
    ines.get(AccountPages.ACCOUNT_PAGE + "?saved=true")
        .then()
        .body(containsString("You get no e-mail"));
  }

  @Test
  void anAdminMayGiveANewAccountAnAddressAndABadOneIsRefusedBesideIt() {
    Session admin = Session.signIn("admin");
    Response bad =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts",
            Map.of("username", "jonas", "role", "editor", "email", "jonas@"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.asString().contains("id=\"email-error\">That is not an e-mail address"));
    assertTrue(bad.asString().contains("value=\"jonas\""), "the user name typed is kept");
    assertTrue(bad.asString().contains("value=\"jonas@\""), "the address typed is kept");
    assertTrue(!bad.asString().contains("<td>jonas</td>"), "no account was created");

    create(admin, "jonas");
    Response withAddress =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts",
            Map.of("username", "kim", "role", "editor", "email", "kim@newsroom.example"));
    assertEquals(303, withAddress.statusCode());
    assertTrue(
        admin
            .get(withAddress.header("Location"))
            .asString()
            .contains("<td>kim@newsroom.example</td>"));
  }

  @Test
  void aTemporaryPasswordIsShownOnlyToTheAdminWhoMadeIt() {
    Session admin = Session.signIn("admin");
    Response created =
        admin.submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts",
            Map.of("username", "oona", "role", "editor"));
    String list = created.header("Location");
    Session other = Session.signIn("ada");
    // An editor is no admin: the page itself is refused.
    assertEquals(403, other.get(list).statusCode());
    String shown = admin.get(list).asString();
    assertTrue(TEMPORARY.matcher(shown).find(), shown);
    admin
        .get("/editor/admin/accounts?shown=made-up")
        .then()
        .body(containsString("That temporary password was shown once"));
  }
}
