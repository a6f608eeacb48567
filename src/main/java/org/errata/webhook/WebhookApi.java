package org.errata.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.errata.account.Account;
import org.errata.account.Me;
import org.jboss.resteasy.reactive.RestPath;

/** api.md, "Webhooks (admins)": register, list, see every attempt, remove. */
@Path("/api/webhooks")
@RolesAllowed(Account.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookApi {

  public record Request(
      @Schema(example = "https://cms.news.example/errata-hook") String url,
      @Schema(
              example = "[\"published\", \"amended\", \"withdrawn\"]",
              description = "Any of published, amended, withdrawn")
          List<String> events) {}

  public record HookJson(long id, String url, List<String> events, Instant createdAt) {
    static HookJson of(Webhook w) {
      return new HookJson(
          w.id, w.url, w.eventList().stream().map(Webhook.Event::wire).toList(), w.createdAt);
    }
  }

  /** A webhook just registered: the only answer with its secret. */
  public record Created(
      long id, String url, List<String> events, Instant createdAt, String secret) {}

  public record Hooks(List<HookJson> webhooks) {}

  public record AttemptJson(Instant at, Integer status, String error, long millis) {}

  public record DeliveryJson(
      long id,
      String event,
      long correctionId,
      String state,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt,
      Instant gaveUpAt,
      List<AttemptJson> attempts) {
    static DeliveryJson of(Delivery d) {
      return new DeliveryJson(
          d.id,
          d.event,
          d.correctionId,
          d.state(),
          d.createdAt,
          d.nextAttemptAt,
          d.deliveredAt,
          d.gaveUpAt,
          d.attemptList.stream()
              .map(a -> new AttemptJson(a.at, a.status, a.error, a.millis))
              .toList());
    }
  }

  public record Deliveries(List<DeliveryJson> deliveries) {}

  @Inject Webhooks webhooks;
  @Inject Me me;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(Request body) {
    Webhooks.Registered r =
        webhooks.register(
            body == null ? null : body.url(), body == null ? null : body.events(), me.account());
    HookJson h = HookJson.of(r.webhook());
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(new Created(h.id(), h.url(), h.events(), h.createdAt(), r.secret()))
        .build();
  }

  @GET
  @Transactional
  public Hooks list() {
    return new Hooks(
        Webhook.<Webhook>listAll().stream()
            .sorted((a, b) -> Long.compare(a.id, b.id))
            .map(HookJson::of)
            .toList());
  }

  /** The newest 100 deliveries to webhook {@code id}, each with every attempt. */
  @GET
  @Path("{id}/deliveries")
  @Transactional
  public Deliveries deliveries(@RestPath long id) {
    Webhook w = webhooks.find(id);
    return new Deliveries(
        Delivery.<Delivery>find("webhook = ?1 order by id desc", w).page(0, 100).list().stream()
            .map(DeliveryJson::of)
            .toList());
  }

  @DELETE
  @Path("{id}")
  public Response remove(@RestPath long id) {
    webhooks.remove(id);
    return Response.noContent().build();
  }
}
