package org.errata.publicsite;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.web.Links;
import org.errata.web.SiteAddress;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Atom feeds of published corrections (api.md, "Public reading"): everything, one article, one
 * publication, one search. Each correction is one entry whose id never changes and whose {@code
 * updated} is when its current version was published (an amendment updates it); a withdrawal is an
 * entry of its own, dated when it happened. Answers carry an ETag and Last-Modified and are 304
 * when the reader already has them.
 */
@Path("/feeds")
@PermitAll
public class Feeds {

  static final String ATOM = "application/atom+xml; charset=utf-8";

  /** Entries in a feed: the newest this many. */
  static final int ENTRIES = 50;

  @Inject SiteAddress site;

  @Inject SearchIndex search;

  /** One entry. */
  public record Entry(
      String id,
      String title,
      String link,
      String published,
      String updated,
      Instant updatedAt,
      String summary,
      String content) {}

  /** One feed. */
  public record Feed(
      String id,
      String title,
      String updated,
      String self,
      String alternate,
      String author,
      String icon,
      List<Entry> entries) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance feed(Feed feed);
  }

  @GET
  @Path("corrections.atom")
  @Transactional
  public Response everything() {
    List<Correction> live = Correction.live(null, ENTRIES).items();
    return answer(
        "corrections",
        "Corrections published by " + site.organisation(),
        "/feeds/corrections.atom",
        "/",
        live,
        Correction.recentlyWithdrawn(null, ENTRIES));
  }

  @GET
  @Path("articles.atom")
  @Transactional
  public Response article(@RestQuery String url) {
    PlainAnswers.Address address = PlainAnswers.Address.of(url);
    if (address.refusal() != null) {
      return address.refusal();
    }
    String key = address.key();
    PublishedCorrections.ForArticle found = PublishedCorrections.forArticle(key);
    String shown = found.article() == null ? ArticleUrl.clean(url) : found.article().displayUrl();
    String query = "?url=" + URLEncoder.encode(shown, StandardCharsets.UTF_8);
    return answer(
        "articles/" + key,
        "Corrections to "
            + (found.article() == null || found.article().title == null
                ? shown
                : "“" + found.article().title + "”"),
        "/feeds/articles.atom" + query,
        "/articles" + query,
        found.live(),
        found.withdrawn());
  }

  @GET
  @Path("sites/{domain}.atom")
  @Transactional
  public Response site(@RestPath String domain) {
    String publication = ArticleUrl.site(domain);
    if (publication.isEmpty() || publication.length() > 253) {
      return PlainAnswers.plain(400, "Give a publication's domain, such as example.com.\n");
    }
    return answer(
        "sites/" + publication,
        "Corrections to articles on " + publication,
        "/feeds/sites/" + publication + ".atom",
        "/sites/" + publication,
        Correction.liveOnSite(publication, null, ENTRIES).items(),
        Correction.recentlyWithdrawn(publication, ENTRIES));
  }

  @GET
  @Path("search.atom")
  @Transactional
  public Response search(@RestQuery String q) {
    if (q == null || q.isBlank() || q.length() > SearchIndex.QUERY_MAX) {
      return PlainAnswers.plain(
          400,
          "Give the words to find as ?q=, at most " + SearchIndex.QUERY_MAX + " characters.\n");
    }
    // One transaction for the search and the feed, so the corrections found stay loaded.
    SearchIndex.Found found = search.search(q, 1, ENTRIES);
    String query = "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    return answer(
        "search/" + String.join("+", found.terms()),
        "Corrections matching “" + q + "”",
        "/feeds/search.atom" + query,
        "/search" + query,
        found.corrections(),
        List.of());
  }

  private Response answer(
      String what,
      String title,
      String self,
      String alternate,
      List<Correction> live,
      List<Correction> withdrawn) {
    List<Entry> entries = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (Correction c : live) {
      if (seen.add(c.id)) {
        entries.add(entry(c));
      }
    }
    for (Correction c : withdrawn) {
      if (seen.add(c.id)) {
        entries.add(entry(c));
      }
      entries.add(withdrawal(c));
    }
    entries.sort(Comparator.comparing(Entry::updatedAt).reversed().thenComparing(Entry::id));
    List<Entry> shown = entries.subList(0, Math.min(ENTRIES, entries.size()));
    Instant updated = shown.isEmpty() ? Instant.EPOCH : shown.get(0).updatedAt();
    Feed feed =
        new Feed(
            tag(null, "feeds/" + what),
            title,
            Markup.iso(updated),
            site.base() + self,
            site.base() + alternate,
            site.organisation(),
            site.base() + "/favicon.svg",
            shown);
    return Conditional.answer(Conditional.utf8(Templates.feed(feed).render()), updated, ATOM);
  }

  private Entry entry(Correction c) {
    Revision r = c.published;
    Instant first = c.firstPublishedAt();
    String name = name(c);
    StringBuilder content = new StringBuilder();
    content.append("The article says: “").append(r.passage).append("”\n\n");
    content.append(r.summary).append("\n\n");
    if (r.number > 1 && r.changeNote != null) {
      content.append("Updated: ").append(r.changeNote).append("\n\n");
    }
    content.append("Read the full correction and its sources: ").append(link(c));
    return new Entry(
        tag(first, "corrections/" + c.id),
        "Correction to " + name,
        link(c),
        Markup.iso(first),
        Markup.iso(r.publishedAt),
        r.publishedAt,
        r.summary,
        content.toString());
  }

  private Entry withdrawal(Correction c) {
    String reason = c.withdrawalReason == null ? "" : c.withdrawalReason;
    return new Entry(
        tag(c.withdrawnAt, "corrections/" + c.id + "/withdrawal"),
        "Withdrawn: the correction to " + name(c),
        link(c),
        Markup.iso(c.withdrawnAt),
        Markup.iso(c.withdrawnAt),
        c.withdrawnAt,
        "This correction was withdrawn. " + reason,
        "This correction was withdrawn: it no longer stands. Why: "
            + reason
            + "\n\nThe correction as it was published stays readable: "
            + link(c));
  }

  private static String name(Correction c) {
    return c.article != null && c.article.title != null && !c.article.title.isBlank()
        ? "“" + c.article.title + "”"
        : ArticleUrl.clean(c.articleUrl);
  }

  private String link(Correction c) {
    return site.base() + Links.published(c.id);
  }

  /**
   * A tag: URI (RFC 4151): the site's host, a date it was ours (the day of first publication; the
   * year Errata began for a feed), and what is named.
   */
  private String tag(Instant when, String what) {
    String host = site.base().replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
    String day = when == null ? "2026" : Markup.day(when);
    return "tag:" + host + "," + day + ":" + what;
  }
}
