package org.errata.publicsite;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.errata.correction.Correction;
import org.errata.web.Links;
import org.errata.web.SiteAddress;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /embed/notice?url=}: the notice {@code embed.js} frames on a publisher's article. It is
 * Errata's page, under a strict policy of its own (its own stylesheet and one script that reports
 * its height; nothing else may load; any site may frame it), with no cookie and no tracking.
 */
@Path("/embed")
@PermitAll
public class EmbedPages {

  static final String POLICY =
      "default-src 'none'; style-src 'self'; script-src 'self'; base-uri 'none';"
          + " form-action 'none'; frame-ancestors *";

  @Inject SiteAddress site;

  /** One correction in the notice. */
  public record Item(String passage, String summary, String link) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance notice(List<Item> corrections, String home, String organisation);
  }

  @GET
  @Path("notice")
  @Transactional
  public Response notice(@RestQuery String url) {
    PlainAnswers.Address address = PlainAnswers.Address.of(url);
    if (address.refusal() != null) {
      return address.refusal();
    }
    List<Correction> live = PublishedCorrections.forArticle(address.key()).live();
    List<Item> items =
        live.stream()
            .map(
                c ->
                    new Item(
                        c.published.passage, c.published.summary, site.at(Links.published(c.id))))
            .toList();
    String html = Templates.notice(items, site.at("/"), site.organisation()).render();
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Content-Security-Policy", POLICY)
        .build();
  }
}
