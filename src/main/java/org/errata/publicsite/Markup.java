package org.errata.publicsite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.web.Links;
import org.errata.web.SiteAddress;
import org.errata.web.TemplateExtensions;

/**
 * What a correction's page tells search engines and social networks: schema.org {@code ClaimReview}
 * JSON-LD (Google's fact-check markup), Open Graph and Twitter card tags, a meta description from
 * the summary and the canonical address. Only a live correction's current version is a fact-check
 * that still stands; earlier versions and withdrawn corrections point to the canonical page and
 * carry no ClaimReview.
 */
@ApplicationScoped
public class Markup {

  /** Said when a correction has no verdict: true of every published correction. */
  static final String NO_VERDICT = "Correction published";

  @Inject SiteAddress site;

  @Inject ObjectMapper json;

  /**
   * The head of a correction's page. {@code jsonLd} is serialised by Jackson with {@code <}, {@code
   * >} and {@code &} written as JSON escapes, so nothing anybody typed can close the script
   * element: that is why it may be written unescaped into the page.
   */
  public record Head(
      String canonical,
      String title,
      String description,
      String siteName,
      String published,
      String modified,
      RawString jsonLd) {}

  public Head of(Correction c, Revision shown) {
    String canonical = site.base() + Links.published(c.id);
    Revision r = c.published;
    String title = "Correction: " + r.passage;
    String description = TemplateExtensions.shorten(r.summary, 300);
    boolean standing = c.isLive() && shown == r;
    Instant first = c.firstPublishedAt();
    return new Head(
        canonical,
        TemplateExtensions.shorten(title, 200),
        description,
        site.organisation(),
        first == null ? null : iso(first),
        r.publishedAt == null ? null : iso(r.publishedAt),
        standing ? new RawString(claimReview(c, canonical)) : null);
  }

  /** The ClaimReview of live correction {@code c}, as JSON-LD. */
  String claimReview(Correction c, String canonical) {
    Revision r = c.published;
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put("name", site.organisation());
    publisher.put("url", site.base() + "/");

    Map<String, Object> appearance = new LinkedHashMap<>();
    appearance.put("@type", "CreativeWork");
    appearance.put("url", TemplateExtensions.href(c.article.displayUrl()));
    if (c.article.title != null && !c.article.title.isBlank()) {
      appearance.put("headline", c.article.title);
    }
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("@type", "Claim");
    claim.put("appearance", appearance);
    claim.put("firstAppearance", appearance);

    Map<String, Object> rating = new LinkedHashMap<>();
    rating.put("@type", "Rating");
    rating.put("alternateName", r.verdict == null || r.verdict.isBlank() ? NO_VERDICT : r.verdict);

    Map<String, Object> review = new LinkedHashMap<>();
    review.put("@context", "https://schema.org");
    review.put("@type", "ClaimReview");
    review.put("url", canonical);
    review.put("claimReviewed", r.passage);
    review.put("itemReviewed", claim);
    review.put("author", publisher);
    review.put("datePublished", day(c.firstPublishedAt()));
    review.put("reviewRating", rating);
    review.put("reviewBody", r.summary);
    if (r.number > 1) {
      review.put("dateModified", iso(r.publishedAt));
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("@type", "CorrectionComment");
      change.put("text", r.changeNote == null ? "This correction was updated." : r.changeNote);
      change.put("datePublished", iso(r.publishedAt));
      review.put("correction", List.of(change));
    }
    try {
      return json.writeValueAsString(review)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * RFC 3339 to the second, for every machine-read date (markup, feeds, sitemaps): readers of feeds
   * parse fractions of a second in differing ways.
   */
  static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The UTC day, such as 2026-11-29. */
  static String day(Instant instant) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
  }
}
