package org.errata.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageTextTest {

  static final String HTML =
      """
      <!doctype html><html><head><title>Get started | Help Center</title>
      <link rel="canonical" href="/articles/get-started">
      <style>.x { color: red }</style><script>var secret = "tracking";</script></head>
      <body>
        <header class="site"><a href="/">Help Center home</a></header>
        <nav><ul><li>Menu item</li></ul></nav>
        <main><article>
          <header><h1>Get started with Cowork</h1></header>
          <p>Cowork runs directly on your computer.
             Code runs   safely in an <em>isolated</em> space.</p>
          <ul><li>First point</li><li>Second<br>line</li></ul>
          <form><button>Was this helpful?</button></form>
        </article></main>
        <aside>Related articles</aside>
        <footer>© Vendor</footer>
        <noscript>Enable JavaScript</noscript>
      </body></html>
      """;

  @Test
  void thePageIsReducedToWhatAReaderReads() {
    PageText.Page page = PageText.fromHtml(HTML, "https://help.example.com/en/start");
    assertEquals(
        "Get started with Cowork\n"
            + "Cowork runs directly on your computer. Code runs safely in an isolated space.\n"
            + "First point\nSecond\nline",
        page.text());
    assertFalse(page.text().contains("tracking") || page.text().contains("color"));
    assertFalse(page.text().contains("Menu item") || page.text().contains("Related articles"));
    assertFalse(page.text().contains("Help Center home") || page.text().contains("© Vendor"));
    assertFalse(page.text().contains("helpful") || page.text().contains("JavaScript"));
  }

  @Test
  void theCanonicalAddressIsMadeAbsolute() {
    PageText.Page page = PageText.fromHtml(HTML, "https://help.example.com/en/start");
    assertEquals("https://help.example.com/articles/get-started", page.canonicalUrl());
    assertEquals("Get started | Help Center", page.title());
    assertNull(PageText.fromHtml("<p>x</p>", "https://a.example/").canonicalUrl());
  }

  @Test
  void entitiesAreDecodedAndNonBreakingSpacesKept() {
    PageText.Page page = PageText.fromHtml("<p>Terms &amp; Conditions&nbsp;apply</p>", "");
    assertEquals("Terms & Conditions\u00A0apply", page.text());
  }

  @Test
  void plainTextKeepsItsLines() {
    assertEquals("a\nb\n\nc", PageText.fromPlainText("a\r\nb  \n\n\n\nc\n").text());
    assertTrue(PageText.fromPlainText("").text().isEmpty());
  }
}
