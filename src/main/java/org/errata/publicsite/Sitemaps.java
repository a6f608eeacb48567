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
import java.util.List;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.web.Links;
import org.errata.web.SiteAddress;
import org.jboss.resteasy.reactive.RestPath;

/**
 * What crawlers may read and where to find it: {@code robots.txt} keeps them off the desk, the
 * sign-in page and the editors' API; {@code sitemap.xml} is an index of sitemaps listing every
 * public page (the front page and search, each live correction, each article and publication with
 * one), in pages of {@value #PER_MAP} ids so that no sitemap nears the protocol's 50,000 limit.
 */
@Path("/")
@PermitAll
public class Sitemaps {

  static final int PER_MAP = 10_000;
  static final String XML = "application/xml; charset=utf-8";

  @Inject SiteAddress site;

  /** One address in a sitemap, with when it last changed when that is known. */
  public record Url(String loc, String lastmod) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(List<String> maps);

    static native TemplateInstance urls(List<Url> urls);
  }

  @GET
  @Path("robots.txt")
  public Response robots() {
    return PlainAnswers.plain(
        200,
        "# Errata: published corrections are public; the editors' desk is not for crawlers.\n"
            + "User-agent: *\n"
            + "Disallow: /editor\n"
            + "Disallow: /login\n"
            + "Disallow: /logout\n"
            + "Disallow: /api/\n"
            + "Allow: /api/public/\n"
            + "Disallow: /suggest\n"
            + "\n"
            + "Sitemap: "
            + site.base()
            + "/sitemap.xml\n");
  }

  @GET
  @Path("sitemap.xml")
  @Transactional
  public Response index() {
    List<String> maps = new ArrayList<>();
    maps.add(site.base() + "/sitemaps/pages.xml");
    maps.add(site.base() + "/sitemaps/sites.xml");
    long corrections = maxId("select max(c.id) from Correction c where c.liveAt is not null");
    for (long k = 1; k <= (corrections + PER_MAP - 1) / PER_MAP; k++) {
      maps.add(site.base() + "/sitemaps/corrections-" + k + ".xml");
    }
    long articles = maxId("select max(c.article.id) from Correction c where c.liveAt is not null");
    for (long k = 1; k <= (articles + PER_MAP - 1) / PER_MAP; k++) {
      maps.add(site.base() + "/sitemaps/articles-" + k + ".xml");
    }
    return xml(Templates.index(maps));
  }

  @GET
  @Path("sitemaps/pages.xml")
  public Response pages() {
    return xml(
        Templates.urls(
            List.of(
                new Url(site.base() + "/", null),
                new Url(site.base() + "/search", null),
                new Url(site.base() + "/stats", null))));
  }

  @GET
  @Path("sitemaps/corrections-{k: [0-9]{1,9}}.xml")
  @Transactional
  public Response corrections(@RestPath long k) {
    List<Url> urls = new ArrayList<>();
    for (Object[] row :
        Correction.getEntityManager()
            .createQuery(
                "select c.id, c.liveAt from Correction c where c.liveAt is not null"
                    + " and c.id > ?1 and c.id <= ?2 order by c.id",
                Object[].class)
            .setParameter(1, (k - 1) * PER_MAP)
            .setParameter(2, k * PER_MAP)
            .getResultList()) {
      urls.add(new Url(site.base() + Links.published((Long) row[0]), Markup.iso((Instant) row[1])));
    }
    return urls.isEmpty() && k > 1
        ? PlainAnswers.plain(404, "No such sitemap.\n")
        : xml(Templates.urls(urls));
  }

  @GET
  @Path("sitemaps/articles-{k: [0-9]{1,9}}.xml")
  @Transactional
  public Response articles(@RestPath long k) {
    List<Url> urls = new ArrayList<>();
    for (Object[] row :
        Correction.getEntityManager()
            .createQuery(
                "select a.id, a.url, max(c.liveAt) from Correction c join c.article a"
                    + " where c.liveAt is not null and a.id > ?1 and a.id <= ?2"
                    + " group by a.id, a.url order by a.id",
                Object[].class)
            .setParameter(1, (k - 1) * PER_MAP)
            .setParameter(2, k * PER_MAP)
            .getResultList()) {
      urls.add(
          new Url(
              site.base()
                  + "/articles?url="
                  + URLEncoder.encode(ArticleUrl.clean((String) row[1]), StandardCharsets.UTF_8),
              Markup.iso((Instant) row[2])));
    }
    return xml(Templates.urls(urls));
  }

  @GET
  @Path("sitemaps/sites.xml")
  @Transactional
  public Response sites() {
    List<Url> urls = new ArrayList<>();
    for (Object[] row :
        Correction.getEntityManager()
            .createQuery(
                "select a.site, max(c.liveAt) from Correction c join c.article a"
                    + " where c.liveAt is not null and a.site is not null"
                    + " group by a.site order by a.site",
                Object[].class)
            .setMaxResults(50_000)
            .getResultList()) {
      urls.add(new Url(site.base() + "/sites/" + row[0], Markup.iso((Instant) row[1])));
    }
    return xml(Templates.urls(urls));
  }

  private static long maxId(String query) {
    Long max = Correction.getEntityManager().createQuery(query, Long.class).getSingleResult();
    return max == null ? 0 : max;
  }

  private static Response xml(TemplateInstance t) {
    return Response.ok(t.render(), XML).build();
  }
}
