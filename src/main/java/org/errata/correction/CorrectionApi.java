package org.errata.correction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.article.Article;
import org.errata.article.ArticleUrl;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The editors' JSON API (api.md, "Corrections" and "Checking passages and quotes"). Each method is
 * one call into the desk (and, on saving, the checks); the answer is read back in its own
 * transaction, from exactly what was stored.
 */
@Path("/api/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CorrectionApi {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  @Inject CorrectionDesk desk;
  @Inject Verification verification;
  @Inject Me me;

  @POST
  public Response create(CorrectionJson.Request body) {
    CorrectionJson.Request request = body(body);
    long id = desk.propose(request.content(), me.account()).id;
    List<String> problems =
        verification.checkAll(id, request.articleText(), request.pageTexts(), me.account());
    // A relative Location: never built from the Host header the client sent.
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/corrections/" + id)
        .entity(json(id).withCheckProblems(problems))
        .build();
  }

  @GET
  @Transactional
  public CorrectionJson.Page list(
      @RestQuery String url,
      @RestQuery String status,
      @RestQuery String limit,
      @RestQuery String before) {
    Status wanted = null;
    if (status != null && !status.isBlank()) {
      wanted = Status.parse(status.strip());
      if (wanted == null) {
        throw new BadRequestException(
            "Unknown status \""
                + status
                + "\": use DRAFT, IN_REVIEW, REVIEWED, PUBLISHED or WITHDRAWN.");
      }
    }
    int size = number(limit, "limit", DEFAULT_LIMIT);
    if (size < 1 || size > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ".");
    }
    Integer beforeId = before == null || before.isBlank() ? null : number(before, "before", 0);
    String key = null;
    if (url != null && !url.isBlank()) {
      try {
        key = Article.findByUrl(url).map(a -> a.urlKey).orElse(ArticleUrl.key(url));
      } catch (ArticleUrl.InvalidUrl e) {
        throw new BadRequestException(e.getMessage());
      }
    }
    List<Correction> found =
        Correction.page(key, wanted, beforeId == null ? null : beforeId.longValue(), size + 1);
    boolean more = found.size() > size;
    List<Correction> page = more ? found.subList(0, size) : found;
    String next = null;
    if (more) {
      StringBuilder path = new StringBuilder("/api/corrections?limit=" + size);
      if (url != null && !url.isBlank()) {
        path.append("&url=").append(URLEncoder.encode(url, StandardCharsets.UTF_8));
      }
      if (wanted != null) {
        path.append("&status=").append(wanted.name());
      }
      path.append("&before=").append(page.get(page.size() - 1).id);
      next = path.toString();
    }
    return new CorrectionJson.Page(page.stream().map(CorrectionJson::of).toList(), next);
  }

  @GET
  @Path("{id}")
  public CorrectionJson get(@RestPath long id) {
    return json(id);
  }

  @PUT
  @Path("{id}")
  public CorrectionJson update(@RestPath long id, CorrectionJson.Request body) {
    CorrectionJson.Request request = body(body);
    desk.save(id, request.version(), request.content(), request.changeNote(), me.account());
    List<String> problems =
        verification.checkAll(id, request.articleText(), request.pageTexts(), me.account());
    return json(id).withCheckProblems(problems);
  }

  /** Checks the passage and every quote again, fetching the pages when fetching is on. */
  @POST
  @Path("{id}/check")
  public CorrectionJson check(@RestPath long id) {
    List<String> problems = verification.checkAll(id, null, null, me.account());
    return json(id).withCheckProblems(problems);
  }

  @POST
  @Path("{id}/submit")
  public CorrectionJson submit(@RestPath long id) {
    desk.submit(id, null, me.account());
    return json(id);
  }

  @POST
  @Path("{id}/approve")
  public CorrectionJson approve(@RestPath long id, CorrectionJson.ApproveRequest body) {
    desk.approve(id, null, me.account(), body == null ? null : body.override());
    return json(id);
  }

  @POST
  @Path("{id}/request-changes")
  public CorrectionJson requestChanges(@RestPath long id, CorrectionJson.CommentRequest body) {
    String comment = body == null ? null : body.comment();
    desk.requestChanges(id, null, me.account(), comment);
    return json(id);
  }

  @POST
  @Path("{id}/withdraw")
  public CorrectionJson withdraw(@RestPath long id, CorrectionJson.ReasonRequest body) {
    desk.withdraw(id, null, me.account(), body == null ? null : body.reason());
    return json(id);
  }

  /** The working revision's review thread. */
  @GET
  @Path("{id}/comments")
  public CorrectionJson.Thread comments(@RestPath long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new CorrectionJson.Thread(
                    desk.find(id).thread().stream().map(CorrectionJson.CommentJson::of).toList()));
  }

  /** Adds a comment, optionally on a field ("summary") or a source ("source-2"). */
  @POST
  @Path("{id}/comments")
  public Response comment(@RestPath long id, CorrectionJson.CommentBody body) {
    ReviewComment c =
        desk.comment(
            id,
            me.account(),
            body == null ? null : body.body(),
            body == null ? null : body.field());
    return Response.status(201)
        .entity(
            QuarkusTransaction.requiringNew()
                .call(() -> CorrectionJson.CommentJson.of(ReviewComment.findById(c.id))))
        .build();
  }

  @POST
  @Path("{id}/comments/{comment}/resolve")
  public CorrectionJson.Thread resolve(@RestPath long id, @RestPath long comment) {
    desk.resolveComment(id, comment, me.account());
    return comments(id);
  }

  /** Every event of the correction, oldest first. */
  @GET
  @Path("{id}/history")
  public CorrectionJson.History history(@RestPath long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new CorrectionJson.History(
                    desk.find(id).history.stream().map(CorrectionJson.EventJson::of).toList()));
  }

  @POST
  @Path("{id}/publish")
  public CorrectionJson publish(@RestPath long id) {
    desk.publish(id, null, me.account());
    return json(id);
  }

  private CorrectionJson json(long id) {
    return QuarkusTransaction.requiringNew().call(() -> CorrectionJson.of(desk.find(id)));
  }

  private static CorrectionJson.Request body(CorrectionJson.Request body) {
    if (body == null) {
      throw new BadRequestException("Send the correction as a JSON object.");
    }
    return body;
  }

  private static int number(String value, String name, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number.");
    }
  }
}
