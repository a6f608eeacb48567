package org.errata.publicsite;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.Slice;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Readers search live corrections, and list every correction to one publication. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

  static final int PAGE = 20;

  @Inject SearchIndex index;

  /** One correction found, the searched words marked in what is shown of it. */
  public record Hit(
      long id,
      String link,
      List<Highlight.Piece> passage,
      List<Highlight.Piece> summary,
      String articleUrl,
      String site,
      Instant publishedAt) {
    static Hit of(Correction c, List<String> terms) {
      return new Hit(
          c.id,
          Links.published(c.id),
          Highlight.around(c.published.passage, terms, 300),
          Highlight.around(
              matches(c.published.summary, terms) || !matches(c.published.reasoning, terms)
                  ? c.published.summary
                  : c.published.reasoning,
              terms,
              280),
          ArticleUrl.clean(c.articleUrl),
          c.article.site,
          c.published.publishedAt);
    }

    private static boolean matches(String text, List<String> terms) {
      return Highlight.of(text, terms).stream().anyMatch(Highlight.Piece::hit);
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance search(
        String q, List<Hit> hits, int page, String previous, String next, String error);

    static native TemplateInstance site(String site, List<Hit> corrections, String older);
  }

  @GET
  @Path("search")
  public Response search(@RestQuery String q, @RestQuery String page) {
    String query = q == null ? "" : q.strip();
    int n = 1;
    if (page != null && page.matches("\\d{1,4}")) {
      n = Math.max(1, Integer.parseInt(page));
    }
    if (query.isEmpty()) {
      return Response.ok(Templates.search("", List.of(), 1, null, null, null)).build();
    }
    if (query.length() > SearchIndex.QUERY_MAX) {
      return Response.status(400)
          .entity(
              Templates.search(
                  query, List.of(), 1, null, null, "A search can be at most 200 characters."))
          .build();
    }
    SearchIndex.Found found = index.search(query, n, PAGE);
    if (found.terms().isEmpty()) {
      return Response.ok(
              Templates.search(
                  query,
                  List.of(),
                  1,
                  null,
                  null,
                  "Search for words that say something, such as a product, a claim or a site."))
          .build();
    }
    String base = "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    return Response.ok(
            Templates.search(
                query,
                found.corrections().stream().map(c -> Hit.of(c, found.terms())).toList(),
                n,
                n > 1 ? base + (n == 2 ? "" : "&page=" + (n - 1)) : null,
                found.more() ? base + "&page=" + (n + 1) : null,
                null))
        .build();
  }

  @GET
  @Path("sites/{domain}")
  public TemplateInstance site(@RestPath String domain, @RestQuery String after) {
    String site = ArticleUrl.site(domain);
    Slice<Correction> slice = Correction.liveOnSite(site, after, PAGE);
    return Templates.site(
        site,
        slice.items().stream().map(c -> Hit.of(c, List.of())).toList(),
        slice.next() == null ? null : "/sites/" + site + "?after=" + slice.next());
  }
}
