package org.errata.publicsite;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /badge.svg?url=}: an image a publisher puts beside an article, saying how many live
 * corrections Errata has published to it ("1 correction", "No corrections"), in a neutral style: a
 * badge reports, it does not accuse. Cached like every public answer (ETag, 304).
 */
@Path("/badge.svg")
@PermitAll
public class Badge {

  static final String SVG = "image/svg+xml; charset=utf-8";

  /** The words on the right of the badge. */
  static String words(int live) {
    return live == 0 ? "No corrections" : live == 1 ? "1 correction" : live + " corrections";
  }

  /** The badge for {@code live} corrections; text widths estimated from character counts. */
  static String svg(int live) {
    String left = "Errata";
    String right = words(live);
    int leftWidth = 12 + left.length() * 7;
    int rightWidth = 12 + right.length() * 7;
    int width = leftWidth + rightWidth;
    String fill = live == 0 ? "#5b6770" : "#31556f";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + width
        + "\" height=\"20\" role=\"img\" aria-label=\"Errata: "
        + right
        + "\">"
        + "<title>Errata: "
        + right
        + "</title>"
        + "<rect width=\""
        + width
        + "\" height=\"20\" rx=\"3\" fill=\"#2b2b2b\"/>"
        + "<rect x=\""
        + leftWidth
        + "\" width=\""
        + rightWidth
        + "\" height=\"20\" rx=\"3\" fill=\""
        + fill
        + "\"/>"
        + "<rect x=\""
        + leftWidth
        + "\" width=\"4\" height=\"20\" fill=\""
        + fill
        + "\"/>"
        + "<g fill=\"#ffffff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\"6\" y=\"14\">"
        + left
        + "</text>"
        + "<text x=\""
        + (leftWidth + 6)
        + "\" y=\"14\">"
        + right
        + "</text></g></svg>";
  }

  @GET
  @Transactional
  public Response badge(@RestQuery String url) {
    PlainAnswers.Address address = PlainAnswers.Address.of(url);
    if (address.refusal() != null) {
      return address.refusal();
    }
    PublishedCorrections.ForArticle found = PublishedCorrections.forArticle(address.key());
    return Conditional.answer(Conditional.utf8(svg(found.live().size())), found.changed(), SVG);
  }
}
