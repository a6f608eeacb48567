package org.errata.webhook;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The admins' webhook pages: register (the secret shown once), see deliveries, remove. */
@Path("/editor/admin/webhooks")
@RolesAllowed(Account.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

  static final String PAGE = "/editor/admin/webhooks";

  /** The list and the form, with a refusal and what was typed, or a new hook's secret. */
  public record View(
      List<Webhook> hooks,
      Webhook made,
      String secret,
      String error,
      String errorField,
      String typedUrl,
      List<String> typedEvents,
      boolean removed) {
    public String errorFor(String field) {
      return field.equals(errorField) ? error : null;
    }

    public boolean typed(String event) {
      return typedEvents == null ? true : typedEvents.contains(event);
    }

    public int maxUrl() {
      return Webhooks.MAX_URL;
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance webhooks(View view);

    static native TemplateInstance deliveries(Webhook hook, List<Delivery> deliveries);
  }

  @Inject Webhooks webhooks;
  @Inject Me me;

  @GET
  @Transactional
  public TemplateInstance list(@org.jboss.resteasy.reactive.RestQuery boolean removed) {
    return Templates.webhooks(new View(hooks(), null, null, null, null, null, null, removed));
  }

  private static List<Webhook> hooks() {
    return Webhook.<Webhook>list("order by id");
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response register(@RestForm String url, @RestForm List<String> events) {
    try {
      Webhooks.Registered r = webhooks.register(url, events, me.account());
      return Response.ok(
              Templates.webhooks(
                  new View(hooks(), r.webhook(), r.secret(), null, null, null, null, false)))
          .header("Cache-Control", "no-store")
          .build();
    } catch (Webhooks.Refused e) {
      return Response.status(400)
          .entity(
              Templates.webhooks(
                  new View(hooks(), null, null, e.getMessage(), e.field, url, events, false)))
          .build();
    }
  }

  @GET
  @Path("{id}")
  @Transactional
  public String deliveries(@RestPath long id) {
    Webhook hook = webhooks.find(id);
    // Rendered here, while the attempts can still be loaded.
    return Templates.deliveries(
            hook,
            Delivery.<Delivery>find("webhook = ?1 order by id desc", hook).page(0, 100).list())
        .render();
  }

  @POST
  @Path("{id}/remove")
  public Response remove(@RestPath long id) {
    webhooks.remove(id);
    return Redirect.seeOther(PAGE + "?removed=true");
  }
}
