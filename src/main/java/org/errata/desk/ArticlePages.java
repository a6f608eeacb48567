package org.errata.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.errata.account.Account;
import org.errata.article.Article;
import org.errata.article.Articles;
import org.errata.correction.Correction;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** An article on the desk: its addresses (readers find it under each) and its corrections. */
@Path("/editor/articles")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ArticlePages {

  @Inject Articles articles;

  /** A correction of the article, as listed. */
  public record Row(long id, String status, String passage, String link) {}

  /** The page: the article, its other addresses and corrections, and the alias form's state. */
  public record View(
      long id,
      String url,
      String key,
      String title,
      String site,
      List<String> aliases,
      List<Row> corrections,
      String error,
      String typed,
      String done) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance article(View article);
  }

  @GET
  @Path("{id}")
  public TemplateInstance article(@RestPath long id, @RestQuery String done) {
    return Templates.article(view(id, null, null, "alias".equals(done)));
  }

  @POST
  @Path("{id}/aliases")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addAlias(@RestPath long id, @RestForm String url) {
    try {
      articles.addAlias(id, url);
      return Redirect.seeOther(Links.deskArticle(id) + "?done=alias");
    } catch (Article.AliasRefused e) {
      return Response.status(400)
          .entity(Templates.article(view(id, e.getMessage(), url, false)))
          .build();
    }
  }

  private View view(long id, String error, String typed, boolean done) {
    Article a = articles.find(id);
    return new View(
        a.id,
        a.url,
        a.urlKey,
        a.title,
        a.site,
        a.aliases(),
        Correction.<Correction>list("article = ?1 order by id desc", a).stream()
            .map(c -> new Row(c.id, c.status().label, c.current.passage, Links.correction(c.id)))
            .toList(),
        error,
        typed,
        done
            ? "The address was added: readers who have it now find this article's corrections."
            : null);
  }
}
