package org.errata.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.errata.account.Account;
import org.errata.account.Accounts;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/**
 * Notices by e-mail in a real browser: grace gives her own address on her account page, ada submits
 * a correction, and the mail to grace links to the correction, which grace opens.
 */
@QuarkusTest
class MailNoticeJourneyTest {

  static final String ADDRESS = "grace.reviews@newsroom.example";

  @TestHTTPResource("/")
  URL base;

  @Inject MockMailbox mailbox;
  @Inject Accounts accounts;

  @Test
  void anEditorGivesAnAddressAndIsMailedWhatNeedsThem() throws Exception {
    Path chromium = Browser.requireChromium();
    long graceId = Account.<Account>find("username", "grace").firstResult().id;
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      Page grace = Browser.signIn(browser.newContext(Browser.desktop()), base, "grace");
      grace.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your account")).click();
      assertThat(grace.locator("#email-hint")).containsText("At most 254 characters");
      grace.getByLabel("E-mail address").fill(ADDRESS);
      grace
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save e-mail address"))
          .click();
      assertThat(grace.locator("#saved")).containsText("Notices go to " + ADDRESS);
      Browser.shot(grace, "30-grace-sets-her-address");

      mailbox.clear();
      long id = Api.create("ada", "mail-journey.example/story", "The journey passage");
      Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
      List<Mail> mails = List.of();
      for (int i = 0; i < 50 && mails.isEmpty(); i++) {
        Thread.sleep(100);
        List<Mail> sent = mailbox.getMailsSentTo(ADDRESS);
        mails = sent == null ? List.of() : sent;
      }
      assertEquals(1, mails.size(), "one mail to the address grace gave");
      String text = mails.get(0).getText();
      String link = "http://localhost:8081/editor/corrections/" + id;
      assertTrue(text.contains(link), text);

      grace.navigate(link);
      assertThat(grace.locator("body")).containsText("The journey passage");
      grace.navigate(base + "editor");
      assertThat(grace.locator("ul.todo"))
          .containsText("ada asks for a review of “The journey passage”");
    } finally {
      accounts.setEmail(graceId, "grace@newsroom.example");
    }
  }
}
