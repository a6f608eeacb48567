package org.errata.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.errata.account.Account;
import org.errata.correction.Correction;
import org.errata.correction.DeskFilter;
import org.errata.correction.Slice;
import org.errata.correction.Status;
import org.errata.web.Links;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Every correction on the desk, most recently changed first, narrowed by status, author, reviewer,
 * site, days and words, fifty to a page: where an editor finds last month's work.
 */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class DeskList {

  /** The list as shown: what was typed, what could not be read, the rows and the next page. */
  public record View(
      DeskFilter.Typed typed,
      Map<String, String> problems,
      List<Dashboard.Row> rows,
      String older,
      boolean firstPage,
      String firstPageLink,
      List<Status> statuses) {

    public String problem(String field) {
      return problems.get(field);
    }

    /** Whether the status list should show {@code s} chosen. */
    public boolean chosen(Status s) {
      return typed.status() != null && s == Status.parse(typed.status());
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(View view);
  }

  @GET
  public Response list(
      @RestQuery String status,
      @RestQuery String author,
      @RestQuery String reviewer,
      @RestQuery String site,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String q,
      @RestQuery String after) {
    DeskFilter.Typed typed = new DeskFilter.Typed(status, author, reviewer, site, from, to, q);
    DeskFilter filter = DeskFilter.of(typed);
    Map<String, String> problems = new LinkedHashMap<>();
    filter.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
    String query = Links.query(fields(typed));
    if (!problems.isEmpty()) {
      return Response.status(400)
          .entity(
              Templates.list(
                  new View(
                      typed,
                      problems,
                      List.of(),
                      null,
                      true,
                      Links.corrections() + query,
                      List.of(Status.values()))))
          .build();
    }
    Slice<Correction> page = filter.page(after);
    Map<String, String> next = fields(typed);
    next.put("after", page.next());
    String older = page.next() == null ? null : Links.corrections() + Links.query(next);
    return Response.ok(
            Templates.list(
                new View(
                    typed,
                    problems,
                    Dashboard.rows(page.items()),
                    older,
                    after == null,
                    Links.corrections() + query,
                    List.of(Status.values()))))
        .build();
  }

  /** The filter's fields by name, in the form's order, as a page's address carries them. */
  private static Map<String, String> fields(DeskFilter.Typed t) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", t.status());
    fields.put("author", t.author());
    fields.put("reviewer", t.reviewer());
    fields.put("site", t.site());
    fields.put("from", t.from());
    fields.put("to", t.to());
    fields.put("q", t.words());
    return fields;
  }
}
