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
 * Amending in a real browser: ada amends a published correction with a change note, grace comments
 * and the comment is resolved, grace approves and publishes, and a reader sees the update note and
 * can still read the earlier version.
 */
@QuarkusTest
class AmendmentJourneyTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void amendReviewWithAResolvedCommentPublishAndReadTheEarlierVersion() {
    Path chromium = Browser.requireChromium();
    long id = Api.published("amend-journey.example/story", "The plan is free for everyone");
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      Page ada = Browser.signIn(browser.newContext(Browser.desktop()), base, "ada");
      ada.navigate(base + "editor/corrections/" + id);
      ada.locator("#changeNote").fill("Names the plan that stays free.");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start an amendment"))
          .click();
      ada.locator("#summary")
          .fill("Only the Starter plan is free; the article implies every plan is.");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
      assertThat(ada.locator("body")).containsText("readers still see revision 1");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
          .click();

      Page grace = Browser.signIn(browser.newContext(Browser.desktop()), base, "grace");
      grace.navigate(base + "editor/corrections/" + id);
      grace.locator("#comment-new").fill("Is “Starter” the plan's exact name on the pricing page?");
      grace.locator("#comment-field").selectOption("summary");
      grace
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true))
          .click();
      assertThat(grace.locator("#discussion-heading")).containsText("1 unresolved");
      Browser.shot(grace, "21-grace-comments-on-amendment");

      ada.navigate(base + "editor/corrections/" + id);
      assertThat(ada.locator("ol.thread")).containsText("on the summary");
      ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
      assertThat(ada.locator("#discussion-heading")).not().containsText("unresolved");

      grace.navigate(base + "editor/corrections/" + id);
      grace
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true))
          .click();
      grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
      assertThat(grace.locator("h1")).containsText("Published");

      Page reader = browser.newContext(Browser.desktop()).newPage();
      reader.navigate(base + "corrections/" + id);
      assertThat(reader.locator(".updated")).containsText("Names the plan that stays free.");
      assertThat(reader.locator(".summary")).containsText("Only the Starter plan is free");
      assertThat(reader.locator("body")).not().containsText("exact name on the pricing page");
      reader.locator("details.versions summary").click();
      Browser.shot(reader, "22-reader-sees-update");
      reader.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revision 1")).click();
      assertThat(reader.locator("body")).containsText("This is an earlier version");
      assertThat(reader.locator(".summary")).containsText("The article overstates it");
      Browser.shot(reader, "23-reader-reads-earlier-version");
    }
  }
}
