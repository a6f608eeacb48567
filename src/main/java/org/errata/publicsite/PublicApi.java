package org.errata.publicsite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.errata.api.CorrectionJson;
import org.errata.article.Article;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Reading for anyone (api.md, "Reading"): published corrections only. */
@Path("/api/public/corrections")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicApi {

  /** A published correction: the correction object without version, author and reviewer. */
  public record Published(
      Long id,
      String status,
      String articleUrl,
      String articleKey,
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<CorrectionJson.SourceJson> sources,
      String publicUrl,
      Instant publishedAt,
      CorrectionJson.CheckJson passageCheck,
      Instant updatedAt,
      List<RevisionJson> revisions,
      int revision,
      Instant withdrawnAt,
      String withdrawalReason,
      String articleTitle,
      String approvalOverride) {

    public static Published of(Correction c) {
      return of(c, c.published);
    }

    static Published of(Correction c, Revision r) {
      List<Revision> out = c.publishedRevisions();
      return new Published(
          c.id,
          c.isWithdrawn() ? "WITHDRAWN" : "PUBLISHED",
          ArticleUrl.clean(c.articleUrl),
          c.article.urlKey,
          r.passage,
          r.summary,
          r.reasoning,
          r.verdict,
          r.sources.stream().map(CorrectionJson.SourceJson::of).toList(),
          Links.published(c.id),
          c.firstPublishedAt(),
          CorrectionJson.CheckJson.of(r.passageCheck()),
          c.updatedAtForReaders(),
          out.size() > 1
              ? out.stream()
                  .map(x -> new RevisionJson(x.number, x.publishedAt, x.changeNote))
                  .toList()
              : null,
          r.number,
          c.withdrawnAt,
          c.withdrawalReason,
          c.article.title,
          r.approvalOverride);
    }
  }

  /** One published version of a correction. */
  public record RevisionJson(int number, Instant publishedAt, String changeNote) {}

  /** Every published correction of one article. */
  public record Lookup(
      String articleUrl,
      String articleKey,
      int count,
      List<Published> corrections,
      List<Published> withdrawn) {}

  @Inject ObjectMapper json;

  private Response answer(Object body, Instant changed) {
    try {
      return Conditional.answer(json.writeValueAsBytes(body), changed, MediaType.APPLICATION_JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GET
  @Transactional
  @APIResponse(
      responseCode = "200",
      description = "Every published correction of the article; count 0 is a normal answer",
      content = @Content(schema = @Schema(implementation = Lookup.class)))
  public Response lookup(@RestQuery String url) {
    if (url == null || url.isBlank()) {
      throw new BadRequestException("Give the article's address as ?url=.");
    }
    String key;
    try {
      key = ArticleUrl.key(url);
    } catch (ArticleUrl.InvalidUrl e) {
      throw new BadRequestException(e.getMessage());
    }
    PublishedCorrections.ForArticle found = PublishedCorrections.forArticle(key);
    Article article = found.article();
    List<Published> live = found.live().stream().map(Published::of).toList();
    return answer(
        new Lookup(
            article == null ? ArticleUrl.clean(url) : article.displayUrl(),
            article == null ? key : article.urlKey,
            live.size(),
            live,
            found.withdrawn().stream().map(Published::of).toList()),
        found.changed());
  }

  @GET
  @Path("{id}")
  @Transactional
  @APIResponse(
      responseCode = "200",
      description = "The published correction",
      content = @Content(schema = @Schema(implementation = Published.class)))
  public Response get(@RestPath long id) {
    Correction c = PublishedCorrections.find(id);
    return answer(Published.of(c), PublishedCorrections.changed(c));
  }

  /** An earlier (or the current) published revision. */
  @GET
  @Path("{id}/revisions/{number}")
  @Transactional
  public Response revision(@RestPath long id, @RestPath int number) {
    Correction c = PublishedCorrections.find(id);
    return answer(
        Published.of(c, PublishedCorrections.revision(c, number)), PublishedCorrections.changed(c));
  }
}
