package org.errata.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/** api.md, "API tokens": the caller's own tokens. */
@Path("/api/tokens")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class TokenApi {

  /** What a new token is asked to be. */
  public record Request(
      @Schema(example = "fact-checker bot") String name,
      @Schema(example = "false", description = "Read-only tokens get 403 on every change")
          Boolean readOnly) {}

  /** A token as its owner sees it later: never the token itself. */
  public record TokenJson(
      long id, String name, boolean readOnly, Instant createdAt, Instant lastUsedAt) {
    static TokenJson of(ApiToken t) {
      return new TokenJson(t.id, t.name, t.readOnly, t.createdAt, t.lastUsedAt);
    }
  }

  /** A token just made: the only answer that holds the token. */
  public record Created(long id, String name, boolean readOnly, Instant createdAt, String token) {}

  public record Tokens(List<TokenJson> tokens) {}

  @Inject ApiTokens tokens;
  @Inject Me me;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(
      responseCode = "201",
      description = "The new token: the only answer that holds it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  public Response create(Request body) {
    ApiTokens.Made made =
        tokens.create(
            me.account().id,
            body == null ? null : body.name(),
            body != null && Boolean.TRUE.equals(body.readOnly()));
    ApiToken t = made.token();
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(new Created(t.id, t.name, t.readOnly, t.createdAt, made.secret()))
        .build();
  }

  @GET
  public Tokens list() {
    return new Tokens(tokens.list(me.account().id).stream().map(TokenJson::of).toList());
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@RestPath long id) {
    tokens.revoke(me.account().id, id);
    return Response.noContent().build();
  }
}
