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
import java.util.List;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.correction.Slice;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Readers' pages. They query published revisions only, so nothing else can leak. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

  static final int RECENT = 20;

  @Inject Markup markup;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(List<CorrectionView> recent, String older);

    static native TemplateInstance article(
        String url,
        String articleUrl,
        String articleTitle,
        boolean known,
        List<CorrectionView> corrections,
        List<CorrectionView> withdrawn,
        String error);

    static native TemplateInstance correction(CorrectionView correction, Markup.Head head);
  }

  /** Live corrections, newest first, a full page at a time; {@code after}: the older ones. */
  @GET
  public TemplateInstance home(@RestQuery String after) {
    Slice<Correction> page = Correction.live(after, RECENT);
    return Templates.home(
        page.items().stream().map(CorrectionView::published).toList(),
        page.next() == null ? null : "/?after=" + page.next());
  }

  @GET
  @Path("articles")
  public Response article(@RestQuery String url) {
    if (url == null || url.isBlank()) {
      return Response.status(400)
          .entity(
              Templates.article(
                  "", null, null, false, List.of(), List.of(), "Enter an article's web address."))
          .build();
    }
    String key;
    try {
      key = ArticleUrl.key(url);
    } catch (ArticleUrl.InvalidUrl e) {
      return Response.status(400)
          .entity(Templates.article(url, null, null, false, List.of(), List.of(), e.getMessage()))
          .build();
    }
    PublishedCorrections.ForArticle found = PublishedCorrections.forArticle(key);
    String articleUrl =
        found.article() == null ? ArticleUrl.clean(url) : found.article().displayUrl();
    return Response.ok(
            Templates.article(
                url,
                articleUrl,
                found.article() == null ? null : found.article().title,
                found.article() != null,
                found.live().stream().map(CorrectionView::published).toList(),
                found.withdrawn().stream().map(CorrectionView::published).toList(),
                null))
        .build();
  }

  @GET
  @Path("corrections/{id}")
  public TemplateInstance correction(@RestPath long id) {
    Correction c = PublishedCorrections.find(id);
    return Templates.correction(CorrectionView.published(c), markup.of(c, c.published));
  }

  /** An earlier published version, kept readable for the record. */
  @GET
  @Path("corrections/{id}/revisions/{number}")
  public TemplateInstance revision(@RestPath long id, @RestPath int number) {
    Correction c = PublishedCorrections.find(id);
    Revision r = PublishedCorrections.revision(c, number);
    return Templates.correction(CorrectionView.of(c, r), markup.of(c, r));
  }
}
