package org.errata.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/**
 * A working day in Chromium: ada asks grace by name for a review; grace finds it counted in the
 * header and listed in her to-do list, which empties once she acts; she finds ada's work in the
 * desk list by author and status; ada deletes a draft she no longer wants and it leaves her list.
 */
@QuarkusTest
class DayAtTheDeskJourneyTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void askedByNameFoundInTheToDoListAndTheDeskListAndADraftDeleted() {
    Path chromium = Browser.requireChromium();
    long id =
        Api.create("ada", "day-at-the-desk.example/story", "Its assistant never leaves the box");
    long unwanted =
        Api.create("ada", "day-at-the-desk.example/other", "A draft ada no longer wants");
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      Page ada = Browser.signIn(browser.newContext(Browser.desktop()), base, "ada");
      ada.navigate(base + "editor/corrections/" + id);
      ada.getByLabel("Ask for a review from").selectOption("grace");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
          .click();
      assertThat(ada.locator("h1")).containsText("In review");
      assertThat(ada.locator(".asked")).hasText("Review asked of grace.");

      Page grace = Browser.signIn(browser.newContext(Browser.desktop()), base, "grace");
      assertThat(grace.locator("nav .count")).containsText("waiting for you");
      assertThat(grace.locator("ul.todo"))
          .containsText(
              "ada asks you by name for a review of “Its assistant never leaves the box”");
      Browser.shot(grace, "to-do-list");

      // The desk list: ada's work in review.
      grace
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All corrections"))
          .click();
      grace.getByLabel("Author").fill("ada");
      grace.getByLabel("Status").selectOption("IN_REVIEW");
      grace
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show corrections"))
          .click();
      assertThat(grace.locator("h2#found")).hasText("Corrections that match");
      assertThat(grace.locator("section table")).containsText("Its assistant never leaves the box");
      assertThat(grace.getByLabel("Author")).hasValue("ada");
      Browser.shot(grace, "desk-list");

      // grace asks for changes: it leaves her to-do list and enters ada's.
      grace
          .getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions().setName("“Its assistant never leaves the box”"))
          .click();
      grace.locator("#comment").fill("Name the product in the summary.");
      grace
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request changes"))
          .click();
      grace.navigate(base + "editor");
      assertThat(grace.locator("#todo + *")).not().containsText("Its assistant never leaves");
      ada.navigate(base + "editor");
      assertThat(ada.locator("ul.todo"))
          .containsText("grace requested changes on “Its assistant never leaves the box”");

      // ada deletes the draft she no longer wants.
      ada.navigate(base + "editor/corrections/" + unwanted);
      ada.getByText("Delete this draft…").click();
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the draft"))
          .click();
      assertThat(ada.locator("h1")).containsText("Deleted");
      ada.navigate(base + "editor");
      assertThat(ada.locator("#drafts + *")).not().containsText("A draft ada no longer wants");
    }
  }
}
