package org.errata.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/**
 * On a phone (390 × 844): every desk page fits the screen's width, so nobody scrolls sideways to
 * read a list or reach a button. A wide table scrolls inside its own box; the page never does.
 */
@QuarkusTest
class PhoneJourneyTest {

  @TestHTTPResource("/")
  URL base;

  static com.microsoft.playwright.Browser.NewContextOptions phoneOptions() {
    return new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(390, 844)
        .setIsMobile(true);
  }

  @Test
  void everyDeskPageFitsAPhoneScreen() {
    Path chromium = Browser.requireChromium();
    long draft =
        Api.create("ada", "phone.example/a-rather-long-address/for-a-narrow-screen", "On a phone");
    long published = Api.published("phone.example/published", "Published, seen on a phone");
    List<String> pages =
        new ArrayList<>(
            List.of(
                "editor",
                "editor/corrections",
                "editor/corrections?status=lost&author=nobody",
                "editor/corrections/new",
                "editor/corrections/" + draft,
                "editor/corrections/" + draft + "/edit",
                "editor/corrections/" + published,
                "editor/reports/new",
                "editor/suggestions",
                "editor/account",
                "editor/account/password",
                "editor/admin/accounts",
                "editor/admin/activity",
                "editor/admin/webhooks"));
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      BrowserContext phone = browser.newContext(phoneOptions());
      Page admin = Browser.signIn(phone, base, "admin");
      admin.navigate(base + "editor/corrections/" + published);
      pages.add(
          admin
              .getByText("the article and its addresses")
              .getAttribute("href")
              .replaceFirst("^/", ""));
      List<String> wide = new ArrayList<>();
      for (String path : pages) {
        admin.navigate(base + path);
        int width = ((Number) admin.evaluate("document.documentElement.scrollWidth")).intValue();
        if (width > 390) {
          wide.add("/" + path + " is " + width + " px wide");
        }
      }
      admin.navigate(base + "editor");
      Browser.shot(admin, "phone-dashboard");
      admin.navigate(base + "editor/corrections?author=ada");
      Browser.shot(admin, "phone-desk-list");
      assertEquals(List.of(), wide, "pages wider than the phone's 390 px");

      // grace's to-do list on the phone: the review ada asked of her.
      long review = Api.create("ada", "phone.example/review", "Asked of grace, seen on a phone");
      Api.as("ada")
          .body(java.util.Map.of("reviewer", "grace"))
          .post("/api/corrections/" + review + "/submit")
          .then()
          .statusCode(200);
      Page grace = Browser.signIn(phone.browser().newContext(phoneOptions()), base, "grace");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(grace.locator("ul.todo"))
          .containsText("Asked of grace, seen on a phone");
      assertEquals(
          390,
          ((Number) grace.evaluate("document.documentElement.scrollWidth")).intValue(),
          "the to-do list fits");
      Browser.shot(grace, "phone-to-do-list");

      // A check that cannot reach its page, on the phone: said at the top, where the page opens.
      Page ada = Browser.signIn(phone.browser().newContext(phoneOptions()), base, "ada");
      ada.navigate(base + "editor/corrections/" + draft);
      ada.locator("#passage button[value=fetch]").click();
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
              ada.locator("#unreachable"))
          .containsText("Errata could not reach that page");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
              ada.locator("#unreachable"))
          .isInViewport();
      ada.screenshot(
          new Page.ScreenshotOptions().setPath(Browser.SHOTS.resolve("phone-failed-fetch.png")));
    }
  }
}
