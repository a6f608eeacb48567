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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Evidence in a real browser: the article's text pasted and the passage highlighted in it; a source
 * whose quote is not on its page blocks approval until the reviewer gives a reason; readers see the
 * check date and a link that jumps to the quoted words.
 */
@QuarkusTest
class EvidenceJourneyTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void passageHighlightedWrongQuoteNeedsAReasonReadersSeeTheEvidence() {
    Path chromium = Browser.requireChromium();
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      Page ada = Browser.signIn(browser.newContext(Browser.desktop()), base, "ada");
      ada.navigate(base + "editor/corrections/new");
      ada.locator("#articleUrl").fill("https://evidence-news.example/2026/agents");
      ada.locator("#passage").fill("agents never touch your real desktop");
      ada.locator("#summary").fill("They do: computer use works on the real desktop.");
      ada.locator("#reasoning").fill("The vendor says so in two places.");
      ada.locator("#source-0-title").fill("Computer use");
      ada.locator("#source-0-url").fill("https://help.vendor.example/computer-use");
      ada.locator("#source-0-quote")
          .fill("Claude is interacting with your actual desktop and apps");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another source"))
          .click();
      ada.locator("#source-1-title").fill("Sandbox overview");
      ada.locator("#source-1-url").fill("https://help.vendor.example/sandbox");
      ada.locator("#source-1-quote").fill("Everything always runs inside the sandbox.");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
      String correctionUrl = ada.url();

      // The article's text, pasted: the passage is found and highlighted in its context.
      check(
          ada,
          "passage",
          "AI agents\nThe reviewer claims agents never touch your real desktop, which is reassuring.");
      assertThat(ada.locator("#passage mark")).hasText("agents never touch your real desktop");
      assertThat(ada.locator("#passage .check-status")).hasText("Found exactly");
      check(
          ada,
          "source-1",
          "Computer use\nThis means Claude is interacting with your actual desktop and apps, rather than a sandbox.");
      check(
          ada,
          "source-2",
          "Sandbox overview\nCode runs in a virtual machine. Computer use does not.");
      assertThat(ada.locator("#source-2 .check-status")).hasText("Not found on the page");
      Browser.shot(ada, "11-ada-evidence");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
          .click();

      // grace cannot simply approve: the second quote is not on its page.
      Page grace = Browser.signIn(browser.newContext(Browser.desktop()), base, "grace");
      grace.navigate(correctionUrl);
      assertThat(grace.locator("#unverified"))
          .containsText("Source 2 (“Sandbox overview”): the quote was not found on the page.");
      assertThat(
              grace.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)))
          .hasCount(0);
      grace
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve with this reason"))
          .click();
      assertThat(grace.locator("p.error")).containsText("give an override reason");
      grace
          .locator("#override")
          .fill("The sandbox page was rewritten today; the archived copy has the sentence.");
      Browser.shot(grace, "12-grace-override");
      grace
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve with this reason"))
          .click();
      assertThat(grace.locator("h1")).containsText("Reviewed");
      assertThat(grace.locator("body")).containsText("The sandbox page was rewritten today");
      grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
      assertThat(grace.locator("h1")).containsText("Published");

      // A reader sees when the first quote was checked, and links that jump to the words.
      Page reader = browser.newContext(Browser.desktop()).newPage();
      reader.navigate(base + "articles?url=evidence-news.example/2026/agents");
      Locator sources = reader.locator("ol.sources li");
      assertThat(sources.nth(0).locator(".checked"))
          .containsText("Quote checked against text supplied by the editor on");
      assertThat(sources.nth(1).locator(".checked")).hasCount(0);
      assertThat(sources.nth(1).locator(".unconfirmed"))
          .containsText("The automatic check did not confirm this quote");
      assertThat(reader.locator(".override-note")).containsText("approved it because");
      assertThat(sources.nth(0).locator("a"))
          .hasAttribute(
              "href",
              "https://help.vendor.example/computer-use#:~:text=Claude%20is%20interacting%20with%20your%20actual%20desktop%20and%20apps");
      assertThat(reader.locator("a.in-article"))
          .hasAttribute(
              "href",
              Pattern.compile(
                  "^https://evidence-news\\.example/2026/agents#:~:text=agents%20never%20touch%20your%20real%20desktop$"));
      Browser.shot(reader, "13-reader-sees-evidence");
    }
  }

  static void check(Page page, String target, String text) {
    page.locator("#" + target + "-text").fill(text);
    page.locator("#" + target)
        .getByRole(
            AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check against pasted text"))
        .click();
    assertThat(page.locator("#" + target + " .check-status")).not().hasText("Not checked yet");
  }
}
