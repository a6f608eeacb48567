package org.errata.activity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.AuditEvent;
import org.errata.correction.Slice;
import org.errata.correction.Status;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The admins' site-wide activity log: every event, newest first, filtered by editor, action and
 * date. Pages are found by id ("older than event N"), never by offset, so the thousandth page costs
 * what the first does.
 */
@Path("/editor/admin/activity")
@RolesAllowed(Account.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ActivityPages {

  static final int PAGE = 50;

  /** One event. */
  public record Line(
      long id,
      Instant at,
      String actor,
      String action,
      long correctionId,
      int revision,
      Status from,
      Status to,
      String comment) {}

  /** The page: filters as typed, the events, and the link to older ones. */
  public record View(
      String editor,
      String action,
      String from,
      String to,
      String error,
      List<Line> lines,
      String older,
      List<String> actions) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance activity(View view);
  }

  @GET
  public TemplateInstance activity(
      @RestQuery String editor,
      @RestQuery String action,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery Long before) {
    List<String> actions = Arrays.stream(AuditEvent.Kind.values()).map(Enum::name).toList();
    String error = null;
    Long actorId = null;
    if (editor != null && !editor.isBlank()) {
      // By id, so the (actor_id, id) index serves the page.
      Account who = Account.findByUsername(editor.strip()).orElse(null);
      if (who == null) {
        error = "There is no editor named " + editor.strip() + ".";
      } else {
        actorId = who.id;
      }
    }
    AuditEvent.Kind kind = null;
    if (action != null && !action.isBlank()) {
      if (actions.contains(action)) {
        kind = AuditEvent.Kind.valueOf(action);
      } else {
        error = "Unknown action " + action + ".";
      }
    }
    Instant since = null;
    Instant until = null;
    try {
      if (from != null && !from.isBlank()) {
        since = LocalDate.parse(from.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (to != null && !to.isBlank()) {
        until = LocalDate.parse(to.strip()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      error = "Give dates as year-month-day, like 2026-11-28.";
    }
    Slice<AuditEvent> page =
        error == null
            ? AuditEvent.log(actorId, kind, since, until, before, PAGE)
            : new Slice<>(List.of(), null);
    List<AuditEvent> events = page.items();
    List<Line> lines =
        events.stream()
            .limit(PAGE)
            .map(
                e ->
                    new Line(
                        e.id,
                        e.at,
                        e.actor.username,
                        e.action.name(),
                        e.correction.id,
                        e.revisionNumber,
                        e.fromStatus,
                        e.toStatus,
                        e.comment))
            .toList();
    String older = null;
    if (page.next() != null) {
      older =
          Links.activity()
              + "?before="
              + page.next()
              + param("editor", editor)
              + param("action", action)
              + param("from", from)
              + param("to", to);
    }
    return Templates.activity(new View(editor, action, from, to, error, lines, older, actions));
  }

  private static String param(String name, String value) {
    return value == null || value.isBlank()
        ? ""
        : "&" + name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8);
  }
}
