package org.errata.suggestion;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.errata.web.ClientAddress;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The readers' form to suggest a correction, linked from every article's page. No account; limited
 * per client; a field people never see catches robots that fill in everything.
 */
@Path("/suggest")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SuggestionPages {

  @Inject Suggestions suggestions;
  @Inject RoutingContext rc;

  /** The form as shown: what was typed and the sentence beside each field at fault. */
  public record Form(
      String articleUrl,
      String passage,
      String problem,
      String sources,
      String email,
      Map<String, String> errors,
      String error) {

    static Form blank(String url) {
      return new Form(url == null ? "" : url, "", "", "", "", Map.of(), null);
    }

    public String errorAt(String field) {
      return errors.get(field);
    }

    public List<String> messages() {
      return List.copyOf(errors.values());
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(Form form);

    static native TemplateInstance sent(String articleUrl);
  }

  @GET
  public TemplateInstance form(@RestQuery String url) {
    return Templates.form(Form.blank(url == null ? null : url.strip()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response send(
      @RestForm String articleUrl,
      @RestForm String passage,
      @RestForm String problem,
      @RestForm String sources,
      @RestForm String email,
      @RestForm String website) {
    Suggestion.Input input = new Suggestion.Input(articleUrl, passage, problem, sources, email);
    if (website != null && !website.isBlank()) {
      // Only robots fill in the field people never see: thank them, keep nothing.
      return thanks(articleUrl);
    }
    try {
      suggestions.submit(input, ClientAddress.of(rc));
      return thanks(articleUrl);
    } catch (Suggestion.Refused e) {
      Map<String, String> errors =
          e.problems.stream()
              .collect(
                  Collectors.toMap(
                      Suggestion.Problem::field,
                      Suggestion.Problem::message,
                      (a, b) -> a,
                      LinkedHashMap::new));
      return again(400, input, errors, null);
    } catch (Suggestions.TooMany e) {
      return Response.fromResponse(again(429, input, Map.of(), e.getMessage()))
          .header("Retry-After", Math.max(1, e.retryAfter.toSeconds()))
          .build();
    }
  }

  @GET
  @Path("sent")
  public TemplateInstance sent(@RestQuery String url) {
    return Templates.sent(url == null ? null : url.strip());
  }

  private static Response thanks(String articleUrl) {
    return Redirect.seeOther(
        "/suggest/sent?url="
            + URLEncoder.encode(
                articleUrl == null ? "" : articleUrl.strip(), StandardCharsets.UTF_8));
  }

  private static Response again(
      int status, Suggestion.Input in, Map<String, String> errors, String error) {
    return Response.status(status)
        .entity(
            Templates.form(
                new Form(
                    orEmpty(in.articleUrl()),
                    orEmpty(in.passage()),
                    orEmpty(in.problem()),
                    orEmpty(in.sources()),
                    orEmpty(in.email()),
                    errors,
                    error)))
        .build();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
