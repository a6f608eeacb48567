package org.errata.evidence;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * A web page as a reader reads it: the text of the page without scripts, styles, forms or
 * navigation chrome, one line per block, and the canonical address it declares.
 */
public final class PageText {

  private static final String CHROME =
      "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, aside, form,"
          + " button, select, dialog, [hidden], [aria-hidden=true], [role=navigation],"
          + " [role=banner], [role=contentinfo], [role=search]";

  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "blockquote",
          "dd",
          "div",
          "dl",
          "dt",
          "figcaption",
          "figure",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "tr",
          "td",
          "th",
          "ul",
          "summary",
          "details",
          "caption");

  private PageText() {}

  /**
   * The readable text, the page's title, its rel=canonical address and its rel=amphtml address
   * (null when none).
   */
  public record Page(String text, String title, String canonicalUrl, String ampUrl) {}

  public static Page fromHtml(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    String canonical = null;
    Element link = doc.selectFirst("link[rel~=(?i)(^|\\s)canonical(\\s|$)][href]");
    if (link != null) {
      String href = link.absUrl("href");
      canonical = href.isBlank() ? null : href;
    }
    String amp = null;
    Element ampLink = doc.selectFirst("link[rel~=(?i)(^|\\s)amphtml(\\s|$)][href]");
    if (ampLink != null) {
      String href = ampLink.absUrl("href");
      amp = href.isBlank() ? null : href;
    }
    String title = doc.title();
    doc.select(CHROME).remove();
    // Site-wide header and footer are chrome; an article's own header and footer are not.
    for (Element e : doc.select("header, footer")) {
      if (e.closest("article, main") == null) {
        e.remove();
      }
    }
    StringBuilder out = new StringBuilder();
    Element body = doc.body();
    if (body != null) {
      body.traverse(
          new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
              if (node instanceof TextNode text) {
                String s = text.getWholeText().replaceAll("[ \\t\\r\\n\\f]+", " ");
                if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                  s = s.stripLeading();
                }
                out.append(s);
              } else if (node instanceof Element e) {
                if (e.normalName().equals("br")) {
                  out.append('\n');
                } else if (BLOCKS.contains(e.normalName())) {
                  newline(out);
                }
              }
            }

            @Override
            public void tail(Node node, int depth) {
              if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                newline(out);
              }
            }
          });
    }
    return new Page(tidy(out.toString()), title, canonical, amp);
  }

  public static Page fromPlainText(String text) {
    return new Page(tidy(text.replace("\r\n", "\n").replace('\r', '\n')), null, null, null);
  }

  private static void newline(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    if (end > 0 && out.charAt(end - 1) != '\n') {
      out.append('\n');
    }
  }

  /** Lines without trailing spaces, at most one empty line in a row. */
  private static String tidy(String text) {
    StringBuilder b = new StringBuilder(text.length());
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.isBlank()) {
        if (++blank > 1 || b.length() == 0) {
          continue;
        }
        b.append('\n');
        continue;
      }
      blank = 0;
      b.append(l).append('\n');
    }
    return b.toString().strip();
  }
}
