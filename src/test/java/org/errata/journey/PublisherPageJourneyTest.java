package org.errata.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
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
import org.errata.system.LocalSite;
import org.junit.jupiter.api.Test;

/**
 * A publisher shows Errata's corrections on its own article page, served from another origin with a
 * strict Content-Security-Policy: the badge as a plain image and the embed script's notice, in a
 * real browser. The page may read the public API across origins, and may not read the editors'.
 */
@QuarkusTest
class PublisherPageJourneyTest {

  @TestHTTPResource("/")
  URL base;

  static String page(String errata, String article) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story</title></head>"
        + "<body><h1>A publisher's story</h1><p>Cowork is sandboxed, safer but more limited.</p>"
        + "<p><img id=\"badge\" alt=\"Corrections\" src=\""
        + errata
        + "badge.svg?url="
        + article
        + "\"></p>"
        + "<script src=\""
        + errata
        + "embed.js\" data-url=\""
        + article
        + "\"></script><p id=\"after\">The rest of the story.</p></body></html>";
  }

  @Test
  void aPublishersPageShowsTheBadgeAndTheNoticeUnderAStrictPolicy() {
    Path chromium = Browser.requireChromium();
    String article = "https://publisher.example/story-with-errata";
    Map<String, Object> body =
        Api.correction(article, "Cowork is sandboxed, safer but more limited");
    body.put("summary", "Computer use runs outside the sandbox, on the real desktop.");
    long id = Api.id(Api.created(body));
    Api.submitApprovePublish(id);

    String errata = base.toString().replace("127.0.0.1", "localhost");
    String errataOrigin = errata.substring(0, errata.length() - 1);
    String csp =
        "default-src 'none'; script-src "
            + errataOrigin
            + "; connect-src "
            + errataOrigin
            + "; img-src "
            + errataOrigin
            + "; frame-src "
            + errataOrigin
            + "; style-src 'none'";
    try (LocalSite publisher = new LocalSite();
        Playwright playwright = Browser.playwright();
        com.microsoft.playwright.Browser browser =
            playwright.chromium().launch(Browser.launchOptions(chromium))) {
      String corrected =
          publisher.page("/story", page(errata, article), Map.of("Content-Security-Policy", csp));
      String clean =
          publisher.page(
              "/clean",
              page(errata, "https://publisher.example/never-corrected"),
              Map.of("Content-Security-Policy", csp));

      Page reader = browser.newContext(Browser.desktop()).newPage();
      List<String> problems = new ArrayList<>();
      reader.onConsoleMessage(
          m -> {
            if (m.type().equals("error")) {
              problems.add(m.text());
            }
          });
      reader.navigate(corrected);
      Locator notice = reader.frameLocator("iframe.errata-embed").locator("aside");
      assertThat(notice).containsText("This article has been corrected.");
      assertThat(notice)
          .containsText("Computer use runs outside the sandbox, on the real desktop.");
      assertThat(notice.locator("a").first())
          .hasAttribute("href", errataOrigin + "/corrections/" + id);
      reader.waitForCondition(
          () ->
              ((Number)
                          reader.evaluate(
                              "() => document.querySelector('iframe.errata-embed').offsetHeight"))
                      .intValue()
                  > 40);
      assertTrue(
          (Boolean)
              reader.evaluate(
                  "() => document.getElementById('badge').complete"
                      + " && document.getElementById('badge').naturalWidth > 0"),
          "the badge loads as an image");
      assertEquals(List.of(), problems, "no CSP violation, no failed request");
      Browser.shot(reader, "60-publisher-page-with-embed-and-badge");

      // The page's own scripts may read the public API across origins, not the editors' API.
      Object count =
          reader.evaluate(
              "url => fetch(url).then(r => r.json()).then(j => j.count)",
              errataOrigin + "/api/public/corrections?url=" + article);
      assertEquals(1, ((Number) count).intValue());
      Object editors =
          reader.evaluate(
              "url => fetch(url).then(() => 'read', () => 'refused')",
              errataOrigin + "/api/corrections");
      assertEquals("refused", editors);

      Page other = browser.newContext(Browser.desktop()).newPage();
      other.navigate(clean);
      assertThat(other.locator("#after")).isVisible();
      other.waitForTimeout(1000);
      assertEquals(
          0,
          ((Number)
                  other.evaluate(
                      "() => document.querySelector('iframe.errata-embed').offsetHeight"))
              .intValue(),
          "nothing to show, nothing shown");
      assertEquals(0, other.frameLocator("iframe.errata-embed").locator("aside").count());
      Browser.shot(other, "61-publisher-page-no-corrections");
    }
  }
}
