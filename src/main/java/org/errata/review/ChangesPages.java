package org.errata.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionContent;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Revision;
import org.errata.web.TemplateExtensions;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Word-level differences: between any two revisions, and since the reviewer's last request. */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ChangesPages {

  @Inject CorrectionDesk desk;

  /** A diff page: its heading, the field-by-field differences, and the revisions to pick from. */
  public record ChangesView(
      long id,
      String heading,
      List<ContentDiff.FieldDiff> fields,
      List<Integer> revisions,
      int from,
      int to) {
    public boolean anyChange() {
      return fields.stream().anyMatch(ContentDiff.FieldDiff::changed);
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance changes(ChangesView changes);
  }

  /** Between two revisions (by default the last two). */
  @GET
  @Path("{id}/changes")
  public TemplateInstance changes(
      @RestPath long id, @RestQuery Integer from, @RestQuery Integer to) {
    Correction c = desk.find(id);
    int last = c.current.number;
    int b = to == null || to < 1 || to > last ? last : to;
    int a = from == null || from < 1 || from > last ? Math.max(1, b - 1) : from;
    return Templates.changes(
        new ChangesView(
            id,
            "Revision " + a + " → revision " + b,
            ContentDiff.of(revision(c, a).content(), revision(c, b).content()),
            numbers(c),
            a,
            b));
  }

  /** What the author changed since the last request for changes: all a reviewer needs to read. */
  @GET
  @Path("{id}/changes-since-request")
  public TemplateInstance changesSinceRequest(@RestPath long id) {
    Correction c = desk.find(id);
    AuditEvent request = c.lastChangeRequest().orElseThrow(() -> new CorrectionDesk.NotFound(id));
    return Templates.changes(
        new ChangesView(
            id,
            "Changed since "
                + request.actor.username
                + " requested changes ("
                + TemplateExtensions.dateTime(request.at)
                + ")",
            ContentDiff.of(
                CorrectionContent.fromSnapshot(request.seenContent), c.current.content()),
            numbers(c),
            c.current.number,
            c.current.number));
  }

  private static List<Integer> numbers(Correction c) {
    return c.revisions.stream().map(r -> r.number).toList();
  }

  private static Revision revision(Correction c, int number) {
    return c.revisions.stream()
        .filter(r -> r.number == number)
        .findFirst()
        .orElseThrow(() -> new CorrectionDesk.NotFound(c.id));
  }
}
