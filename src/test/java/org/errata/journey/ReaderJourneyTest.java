package org.errata.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/**
 * A reader's journey in a real browser: they open the Substack link a friend shared (with its
 * tracking parameters), find the correction, read what an update changed, and suggest a new
 * correction; an editor turns the suggestion into a draft.
 */
@QuarkusTest
class ReaderJourneyTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void aSharedSubstackLinkFindsTheCorrectionItsUpdateAndLeadsToASuggestionAnEditorDrafts() {
    Path chromium = Browser.requireChromium();
    String article = "https://journeyletter.substack.com/p/agents-and-sandboxes";
    long id = Api.published(article, "Every agent runs inside a sandbox");
    Map<String, Object> body = Api.correction(article, "Every agent runs inside a sandbox");
    body.put("summary", "Only some agents run inside a sandbox; computer use runs outside it.");
    body.put("changeNote", "Says which feature runs outside the sandbox.");
    body.put("version", Api.as("ada").get("/api/corrections/" + id).jsonPath().getLong("version"));
    Api.as("ada").body(body).put("/api/corrections/" + id).then().statusCode(200);
    Api.submitApprovePublish(id);

    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      Page reader = browser.newContext(Browser.desktop()).newPage();
      reader.navigate(base.toString());
      reader
          .locator("#lookup-url")
          .fill(
              "https://journeyletter.substack.com/p/agents-and-sandboxes?r=2abcd&utm_campaign=post&utm_medium=web&triedRedirect=true");
      reader
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find corrections"))
          .click();
      assertThat(reader.locator("h1")).containsText("1 correction to");
      assertThat(reader.locator(".article-url a"))
          .hasText("https://journeyletter.substack.com/p/agents-and-sandboxes");
      assertThat(reader.locator("body")).not().containsText("utm_campaign");
      assertThat(reader.locator(".updated")).containsText("Says which feature runs outside");
      assertThat(reader.locator("details.changes .diff ins").first()).containsText("Only");
      assertThat(reader.locator("details.versions summary")).containsText("All 2 versions");
      Browser.shot(reader, "40-reader-finds-an-update");

      reader
          .getByRole(
              AriaRole.LINK,
              new Page.GetByRoleOptions()
                  .setName("Spotted an error in this article? Suggest a correction"))
          .click();
      assertThat(reader.locator("#articleUrl"))
          .hasValue("https://journeyletter.substack.com/p/agents-and-sandboxes");
      reader.locator("#passage").fill("Sandboxes were invented in 2023");
      reader
          .locator("#problem")
          .fill("Sandboxing is decades older; the vendor's history page says 1990s.");
      reader.locator("#email").fill("reader@journey.example");
      Browser.shot(reader, "41-reader-suggests");
      reader
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the suggestion"))
          .click();
      assertThat(reader.locator("h1")).containsText("your suggestion was sent");

      Page grace = Browser.signIn(browser.newContext(Browser.desktop()), base, "grace");
      grace.navigate(base + "editor/suggestions");
      assertThat(grace.locator("body")).containsText("Sandboxing is decades older");
      grace
          .locator(
              "article.suggestion",
              new Page.LocatorOptions().setHasText("Sandboxing is decades older"))
          .getByRole(
              AriaRole.LINK,
              new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Turn into a draft"))
          .click();
      assertThat(grace.locator("h1")).containsText("from a reader's suggestion");
      assertThat(grace.locator("#passage")).hasValue("Sandboxes were invented in 2023");
      grace.locator("#summary").fill("Sandboxes are far older than 2023.");
      grace
          .locator("#reasoning")
          .fill("The vendor's history page dates its first sandbox to 1998.");
      grace.locator("#source-0-title").fill("Our history");
      grace.locator("#source-0-url").fill("https://vendor.example/history");
      grace.locator("#source-0-quote").fill("Our first sandbox shipped in 1998.");
      grace.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
      assertThat(grace.locator("h1")).containsText("Draft");
      assertThat(grace.locator("ol.thread")).containsText("A reader suggested this correction");
      Browser.shot(grace, "42-grace-drafts-from-a-suggestion");
    }
  }
}
