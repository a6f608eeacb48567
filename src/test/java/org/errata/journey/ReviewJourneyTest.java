package org.errata.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One real-browser journey through the desk: ada proposes, grace requests changes, ada resubmits,
 * grace approves and publishes, and a reader finds the correction by another spelling of the URL.
 * Screenshots go to target/screenshots/.
 */
@QuarkusTest
class ReviewJourneyTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void adaProposesGraceReviewsAndAReaderFindsThePublishedCorrection() {
    Path chromium = Browser.requireChromium();
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      Page ada = Browser.signIn(browser.newContext(Browser.desktop()), base, "ada");
      Page grace = Browser.signIn(browser.newContext(Browser.desktop()), base, "grace");

      // ada proposes a correction with two sources, adding the second row without JavaScript.
      ada.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("New correction").setExact(true))
          .first()
          .click();
      ada.locator("#articleUrl")
          .fill("https://www.journey-news.example/tech/ai-agents/?utm_source=newsletter");
      ada.locator("#passage").fill("The assistant never leaves its sandbox");
      ada.locator("#summary")
          .fill("It does: the vendor says its computer-use feature runs outside the sandbox.");
      ada.locator("#reasoning")
          .fill(
              "The vendor's documentation is explicit:\n- Code runs in a VM.\n- Computer use runs outside it.");
      ada.locator("#verdict").fill("Inaccurate");
      ada.locator("#source-0-title").fill("Let the assistant use your computer");
      ada.locator("#source-0-publisher").fill("Vendor Help Center");
      ada.locator("#source-0-url").fill("https://help.vendor.example/computer-use");
      ada.locator("#source-0-quote").fill("Computer use runs outside the virtual machine.");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another source"))
          .click();
      assertThat(ada.locator("#source-1-title")).isVisible();
      assertThat(ada.locator("#passage")).hasValue("The assistant never leaves its sandbox");
      ada.locator("#source-1-title").fill("Get started");
      ada.locator("#source-1-url").fill("https://help.vendor.example/get-started");
      ada.locator("#source-1-quote").fill("Code runs safely in an isolated space.");
      Browser.shot(ada, "01-ada-new-correction");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
      assertThat(ada.locator("h1")).containsText("Draft");
      String correctionUrl = ada.url();
      // ada checks both quotes against the pages' text she copied.
      checkPasted(
          ada,
          "source-1",
          "Let the assistant use your computer\nComputer use runs outside the virtual machine. It sees your apps.");
      checkPasted(ada, "source-2", "Get started\nCode runs safely in an isolated space.");
      assertThat(ada.locator("#source-2 mark")).hasText("Code runs safely in an isolated space.");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
          .click();
      assertThat(ada.locator("h1")).containsText("In review");
      assertThat(ada.locator("body"))
          .containsText("You wrote this correction, so someone else must approve it.");
      Browser.shot(ada, "02-ada-submitted");

      // grace finds it in her to-do list (counted in the header) and asks for a change.
      grace.navigate(base + "editor");
      assertThat(grace.locator("ul.todo"))
          .containsText("ada asks for a review of “The assistant never leaves its sandbox");
      assertThat(grace.locator("nav .count")).containsText("waiting for you");
      Browser.shot(grace, "03-grace-dashboard");
      grace
          .locator("ul.todo")
          .getByRole(
              AriaRole.LINK,
              new Locator.GetByRoleOptions()
                  .setName("ada asks for a review of “The assistant never leaves its sandbox")
                  .setExact(false))
          .click();
      assertThat(grace.locator("h1")).containsText("In review");
      grace.locator("#comment").fill("Say which product the article means in the summary.");
      grace
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request changes"))
          .click();
      assertThat(grace.locator("h1")).containsText("Draft");

      // ada reads the request in her to-do list, edits and resubmits.
      ada.navigate(base + "editor");
      assertThat(ada.locator("ul.todo"))
          .containsText("grace requested changes on “The assistant never leaves its sandbox");
      ada.navigate(correctionUrl);
      assertThat(ada.locator(".notice"))
          .containsText("Say which product the article means in the summary.");
      Browser.shot(ada, "04-ada-changes-requested");
      ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
      ada.locator("#summary")
          .fill(
              "It does: the vendor says its assistant's computer-use feature runs outside the sandbox.");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
          .click();
      assertThat(ada.locator("h1")).containsText("In review");

      // grace resolves her comment, approves and publishes.
      grace.navigate(correctionUrl);
      assertThat(grace.locator("#discussion-heading")).containsText("1 unresolved");
      grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
      assertThat(grace.locator("#discussion-heading")).not().containsText("unresolved");
      grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
      assertThat(grace.locator("h1")).containsText("Reviewed");
      Browser.shot(grace, "05-grace-approved");
      grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
      assertThat(grace.locator("h1")).containsText("Published");

      // A reader, not signed in, finds it by another spelling of the article's address.
      Page reader = browser.newContext(Browser.desktop()).newPage();
      reader.navigate(base.toString());
      reader.locator("#lookup-url").fill("journey-news.example/tech/ai-agents");
      reader
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find corrections"))
          .click();
      assertThat(reader.locator(".count")).hasText("1 correction found");
      assertThat(reader.locator("article.correction"))
          .containsText("The assistant never leaves its sandbox");
      assertThat(reader.locator("article.correction"))
          .containsText("its assistant's computer-use feature");
      assertThat(reader.locator("article.correction")).containsText("2 sources");
      assertThat(reader.locator("article.correction li").first())
          .containsText("Code runs in a VM.");
      assertThat(reader.locator("body")).not().containsText("Say which product");
      Browser.shot(reader, "06-reader-finds-correction");

      Page phone =
          browser
              .newContext(
                  new com.microsoft.playwright.Browser.NewContextOptions()
                      .setViewportSize(390, 844))
              .newPage();
      phone.navigate(reader.url());
      Browser.shot(phone, "07-reader-on-a-phone");
    }
  }

  static void checkPasted(Page page, String target, String text) {
    page.locator("#" + target + "-text").fill(text);
    page.locator("#" + target)
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Check against pasted text"))
        .click();
    assertThat(page.locator("#" + target + " .check-status")).not().hasText("Not checked yet");
  }
}
