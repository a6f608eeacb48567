package org.errata.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.junit.jupiter.api.Test;

/** The statistics page in a real browser with JavaScript off: every chart shows, under the CSP. */
@QuarkusTest
class StatsJourneyTest {

  @TestHTTPResource("/")
  URL base;

  @Test
  void theChartsShowWithoutJavaScriptUnderThePolicy() {
    Path chromium = Browser.requireChromium();
    for (String verdict : List.of("False", "Misleading", "False")) {
      Map<String, Object> body =
          Api.correction(
              "stats-journey.example/" + verdict.length() + "/" + System.nanoTime(),
              "A claim counted for the statistics page number " + System.nanoTime());
      body.put("verdict", verdict);
      long id = Api.id(Api.created(body));
      Api.submitApprovePublish(id);
    }
    try (Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      NewContextOptions options = Browser.desktop().setJavaScriptEnabled(false);
      Page reader = browser.newContext(options).newPage();
      List<String> problems = new ArrayList<>();
      reader.onConsoleMessage(
          m -> {
            if (m.type().equals("error")) {
              problems.add(m.text());
            }
          });
      reader.navigate(base + "stats");
      assertThat(reader.locator("h1")).hasText("Statistics");
      assertThat(reader.locator("table caption").first()).containsText("per month");
      for (String chart : List.of("per-month", "by-site", "by-verdict", "quotes")) {
        var image = reader.locator("img[src='/stats/" + chart + ".svg']");
        assertThat(image).isVisible();
        Object width =
            reader.evaluate("el => el.complete && el.naturalWidth", image.elementHandle());
        assertTrue(((Number) width).intValue() > 0, chart + " is drawn");
      }
      assertEquals(List.of(), problems);
      Browser.shot(reader, "62-public-statistics");
    }
  }
}
