package org.errata.activity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.errata.account.Account;
import org.errata.correction.AuditEvent;
import org.errata.correction.Slice;
import org.errata.correction.Status;
import org.errata.web.Csv;
import org.errata.web.ErrorPage;
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
      Long correctionId,
      String account,
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
      List<Choice> actions,
      String csv) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance activity(View view);
  }

  /** The filters as typed, what they select, and the sentence when one cannot be read. */
  record Filter(Long actorId, AuditEvent.Kind kind, Instant since, Instant until, String error) {

    static Filter of(String editor, String action, String from, String to) {
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
        if (Arrays.stream(AuditEvent.Kind.values()).anyMatch(k -> k.name().equals(action))) {
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
      return new Filter(actorId, kind, since, until, error);
    }

    Slice<AuditEvent> page(Long before, int size) {
      return AuditEvent.log(actorId, kind, since, until, before, size);
    }
  }

  /** An action for the filter's list: its code (the value) and its words (what people read). */
  public record Choice(String code, String words) {}

  @GET
  public TemplateInstance activity(
      @RestQuery String editor,
      @RestQuery String action,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery Long before) {
    List<Choice> actions =
        Arrays.stream(AuditEvent.Kind.values())
            .map(k -> new Choice(k.name(), k.description))
            .toList();
    Filter filter = Filter.of(editor, action, from, to);
    Slice<AuditEvent> page =
        filter.error() == null ? filter.page(before, PAGE) : new Slice<>(List.of(), null);
    List<Line> lines =
        page.items().stream()
            .limit(PAGE)
            .map(
                e ->
                    new Line(
                        e.id,
                        e.at,
                        e.actor.username,
                        e.action.description,
                        e.correction == null ? null : e.correction.id,
                        e.subject == null ? null : e.subject.username,
                        e.revisionNumber,
                        e.fromStatus,
                        e.toStatus,
                        e.comment))
            .toList();
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("editor", editor);
    filters.put("action", action);
    filters.put("from", from);
    filters.put("to", to);
    Map<String, String> next = new LinkedHashMap<>();
    next.put("before", page.next());
    next.putAll(filters);
    String older = page.next() == null ? null : Links.activity() + Links.query(next);
    String csv = Links.activity() + "/export" + Links.query(filters);
    return Templates.activity(
        new View(editor, action, from, to, filter.error(), lines, older, actions, csv));
  }

  /** At most this many events go into one CSV file (the newest); filter for older ones. */
  static final int CSV_MAX = 100_000;

  /** The same events as the page, every page of them, as CSV for a spreadsheet. */
  @GET
  @Path("export")
  @Produces("text/csv")
  public Response csv(
      @RestQuery String editor,
      @RestQuery String action,
      @RestQuery String from,
      @RestQuery String to) {
    Filter filter = Filter.of(editor, action, from, to);
    if (filter.error() != null) {
      return ErrorPage.html(400, "Bad request", filter.error());
    }
    StringBuilder out =
        new StringBuilder("when,who,what,action,correction,revision,from,to,comment,account\r\n");
    Long before = null;
    int rows = 0;
    do {
      Slice<AuditEvent> page = filter.page(before, 1000);
      for (AuditEvent e : page.items()) {
        if (rows++ >= CSV_MAX) {
          break;
        }
        out.append(Csv.cell(e.at.toString()))
            .append(',')
            .append(Csv.cell(e.actor.username))
            .append(',')
            .append(Csv.cell(e.action.description))
            .append(',')
            .append(Csv.cell(e.action.name()))
            .append(',')
            .append(e.correction == null ? "" : e.correction.id)
            .append(',')
            .append(e.correction == null ? "" : e.revisionNumber)
            .append(',')
            .append(Csv.cell(e.fromStatus == null ? "" : e.fromStatus.label))
            .append(',')
            .append(Csv.cell(e.toStatus == null ? "" : e.toStatus.label))
            .append(',')
            .append(Csv.cell(e.comment))
            .append(',')
            .append(Csv.cell(e.subject == null ? "" : e.subject.username))
            .append("\r\n");
      }
      before = page.next() == null ? null : Long.valueOf(page.next());
    } while (before != null && rows < CSV_MAX);
    return Response.ok(out.toString())
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"errata-activity.csv\"")
        .build();
  }
}
