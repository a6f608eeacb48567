package org.errata.correction;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.source.PageFetcher;
import org.errata.source.QuotedSource;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The desk's correction pages. Each POST changes one thing through {@link CorrectionDesk} and
 * answers 303 to a page; a refusal re-shows the page or form with the domain's sentence and
 * everything typed kept.
 */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class CorrectionPages {

  @Inject CorrectionDesk desk;
  @Inject Verification verification;
  @Inject Me me;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(FormView form);

    static native TemplateInstance page(PageView page);

    static native TemplateInstance drift(DriftView drift);

    static native TemplateInstance changes(ChangesView changes);
  }

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

  /** Word-level differences between two revisions (default: the last two). */
  @GET
  @Path("{id}/changes")
  public TemplateInstance changes(
      @RestPath long id,
      @org.jboss.resteasy.reactive.RestQuery Integer from,
      @org.jboss.resteasy.reactive.RestQuery Integer to) {
    Correction c = desk.find(id);
    int last = c.current.number;
    int b = to == null || to < 1 || to > last ? last : to;
    int a = from == null || from < 1 || from > last ? Math.max(1, b - 1) : from;
    Revision before = revision(c, a);
    Revision after = revision(c, b);
    return Templates.changes(
        new ChangesView(
            id,
            "Revision " + a + " → revision " + b,
            ContentDiff.of(before.content(), after.content()),
            c.revisions.stream().map(r -> r.number).toList(),
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
                + org.errata.system.TemplateExtensions.dateTime(request.at)
                + ")",
            ContentDiff.of(ContentDiff.fromSnapshot(request.seenContent), c.current.content()),
            c.revisions.stream().map(r -> r.number).toList(),
            c.current.number,
            c.current.number));
  }

  private static Revision revision(Correction c, int number) {
    return c.revisions.stream()
        .filter(r -> r.number == number)
        .findFirst()
        .orElseThrow(() -> new CorrectionDesk.NotFound(c.id));
  }

  /** The page at publication beside the page now, for a flagged passage or quote. */
  @GET
  @Path("{id}/drift/{flag}")
  public TemplateInstance drift(@RestPath long id, @RestPath long flag) {
    return Templates.drift(DriftView.of(driftFlag(id, flag)));
  }

  /** An editor looked at the change and dealt with it (or found it harmless). */
  @POST
  @Path("{id}/drift/{flag}/dismissal")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @jakarta.transaction.Transactional
  public Response dismissDrift(@RestPath long id, @RestPath long flag) {
    driftFlag(id, flag).resolve(me.account(), java.time.Instant.now());
    return Redirect.seeOther("/editor");
  }

  private static DriftFlag driftFlag(long id, long flag) {
    DriftFlag found = DriftFlag.findById(flag);
    if (found == null || !found.correction.id.equals(id)) {
      throw new CorrectionDesk.NotFound(id);
    }
    return found;
  }

  @GET
  @Path("new")
  public TemplateInstance newCorrection() {
    return Templates.form(FormView.blank());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@BeanParam CorrectionForm form) {
    String heading = "New correction";
    String action = "/editor/corrections";
    Response rows = rowChange(form, heading, action, null, null);
    if (rows != null) {
      return rows;
    }
    try {
      Correction created = desk.propose(form.content(), me.account());
      return redirect(created.id);
    } catch (CorrectionDesk.InvalidContent e) {
      return formAgain(400, heading, action, null, null, form, e.problems, null);
    }
  }

  @GET
  @Path("{id}")
  public TemplateInstance page(@RestPath long id) {
    return Templates.page(PageView.of(desk.find(id), me.account(), verification.canFetch()));
  }

  @GET
  @Path("{id}/edit")
  public TemplateInstance edit(@RestPath long id) {
    Correction c = desk.find(id);
    return Templates.form(
        FormView.of(
            editHeading(id),
            "/editor/corrections/" + id,
            id,
            c.version,
            c.current.content(),
            List.of(),
            List.of(),
            null));
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(@RestPath long id, @BeanParam CorrectionForm form) {
    String heading = editHeading(id);
    String action = "/editor/corrections/" + id;
    Response rows = rowChange(form, heading, action, id, form.readVersion());
    if (rows != null) {
      return rows;
    }
    try {
      desk.edit(id, form.readVersion(), form.content(), me.account());
      return redirect(id);
    } catch (CorrectionDesk.InvalidContent e) {
      return formAgain(400, heading, action, id, form.readVersion(), form, e.problems, null);
    } catch (CorrectionDesk.StaleVersion e) {
      // Keep what they typed, show what is there now, and let them save over it knowingly.
      Correction now = desk.find(id);
      return formAgain(
          409,
          "Someone else saved this correction",
          action,
          id,
          now.version,
          form,
          List.of(),
          CorrectionView.of(now, now.current));
    } catch (WorkflowRefusal e) {
      if (e.field != null) {
        // About something typed: the form again, the sentence beside that field.
        return formAgain(
            400,
            heading,
            action,
            id,
            form.readVersion(),
            form,
            List.of(new CorrectionDesk.Problem(e.field, e.getMessage())),
            null);
      }
      return pageAgain(id, e, null, null);
    }
  }

  @POST
  @Path("{id}/submission")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(@RestPath long id, @RestForm String version) {
    return act(id, () -> desk.submit(id, CorrectionForm.parseVersion(version), me.account()));
  }

  @POST
  @Path("{id}/approval")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response approve(@RestPath long id, @RestForm String version, @RestForm String override) {
    return act(
        id, () -> desk.approve(id, CorrectionForm.parseVersion(version), me.account(), override));
  }

  @POST
  @Path("{id}/publication")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response publish(@RestPath long id, @RestForm String version) {
    return act(id, () -> desk.publish(id, CorrectionForm.parseVersion(version), me.account()));
  }

  @POST
  @Path("{id}/changes-request")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response requestChanges(
      @RestPath long id, @RestForm String version, @RestForm String comment) {
    try {
      desk.requestChanges(id, CorrectionForm.parseVersion(version), me.account(), comment);
      return redirect(id);
    } catch (WorkflowRefusal e) {
      if (e.kind == WorkflowRefusal.Kind.INVALID) {
        return page(
            400,
            PageView.of(
                desk.find(id),
                me.account(),
                null,
                comment,
                e.getMessage(),
                verification.canFetch(),
                null));
      }
      return pageAgain(id, e, comment, null);
    } catch (CorrectionDesk.StaleVersion e) {
      return page(
          409,
          PageView.of(
              desk.find(id),
              me.account(),
              e.getMessage(),
              comment,
              null,
              verification.canFetch(),
              null));
    }
  }

  /** Adds a comment to the review thread, optionally on one field or source. */
  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response comment(@RestPath long id, @RestForm String body, @RestForm String field) {
    try {
      desk.comment(id, me.account(), body, field);
      return Redirect.seeOther("/editor/corrections/" + id + "#discussion");
    } catch (WorkflowRefusal e) {
      return formRefused(id, "comment-new", body, e);
    }
  }

  /** Marks a comment resolved. */
  @POST
  @Path("{id}/comments/{comment}/resolution")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response resolve(@RestPath long id, @RestPath long comment) {
    try {
      desk.resolveComment(id, comment, me.account());
      return Redirect.seeOther("/editor/corrections/" + id + "#discussion");
    } catch (WorkflowRefusal e) {
      return pageAgain(id, e, null, null);
    }
  }

  /** Starts an amendment with its public change note, then opens it for editing. */
  @POST
  @Path("{id}/amendment")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response amend(@RestPath long id, @RestForm String version, @RestForm String changeNote) {
    try {
      desk.amend(id, CorrectionForm.parseVersion(version), changeNote, me.account());
      return Redirect.seeOther("/editor/corrections/" + id + "/edit");
    } catch (WorkflowRefusal | CorrectionDesk.StaleVersion e) {
      return formRefused(id, "changeNote", changeNote, e);
    }
  }

  /** Withdraws with a public reason; the correction stays readable, marked withdrawn. */
  @POST
  @Path("{id}/withdrawal")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response withdraw(@RestPath long id, @RestForm String version, @RestForm String reason) {
    try {
      desk.withdraw(id, CorrectionForm.parseVersion(version), me.account(), reason);
      return redirect(id);
    } catch (WorkflowRefusal | CorrectionDesk.StaleVersion e) {
      return formRefused(id, "reason", reason, e);
    }
  }

  /** The page again, with the refusal beside the form it came from and the text kept. */
  private Response formRefused(long id, String target, String text, RuntimeException e) {
    boolean invalid = e instanceof WorkflowRefusal r && r.kind == WorkflowRefusal.Kind.INVALID;
    int status = e instanceof WorkflowRefusal r ? r.kind.status : 409;
    PageView view =
        PageView.of(
            desk.find(id),
            me.account(),
            // A refusal of what was typed goes beside the field; any other at the top.
            invalid ? null : e.getMessage(),
            null,
            null,
            verification.canFetch(),
            new PageView.CheckProblem(target, e.getMessage(), text));
    return Response.status(status).entity(Templates.page(view)).build();
  }

  /** Checks the passage against pasted article text, or fetches the article. */
  @POST
  @Path("{id}/passage-check")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response checkPassage(@RestPath long id, @RestForm String op, @RestForm String text) {
    return check(
        id,
        "passage",
        text,
        () -> {
          if ("fetch".equals(op)) {
            verification.fetchPassage(id, me.account());
          } else {
            verification.checkPassageText(id, text, me.account());
          }
        });
  }

  /** Checks source {@code n}'s quote (1-based) against pasted text, or fetches its page. */
  @POST
  @Path("{id}/sources/{n}/quote-check")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response checkQuote(
      @RestPath long id, @RestPath int n, @RestForm String op, @RestForm String text) {
    return check(
        id,
        "source-" + n,
        text,
        () -> {
          if ("fetch".equals(op)) {
            verification.fetchQuote(id, n - 1, me.account());
          } else {
            verification.checkQuoteText(id, n - 1, text, me.account());
          }
        });
  }

  private Response check(long id, String target, String text, Runnable check) {
    try {
      check.run();
      return Redirect.seeOther("/editor/corrections/" + id + "#" + target);
    } catch (PageFetcher.FetchFailed | WorkflowRefusal e) {
      PageView view =
          PageView.of(
              desk.find(id),
              me.account(),
              null,
              null,
              null,
              verification.canFetch(),
              new PageView.CheckProblem(target, e.getMessage(), text));
      return Response.status(422).entity(Templates.page(view)).build();
    }
  }

  private Response act(long id, Supplier<Correction> change) {
    try {
      change.get();
      return redirect(id);
    } catch (WorkflowRefusal e) {
      return pageAgain(id, e, null, null);
    } catch (CorrectionDesk.StaleVersion e) {
      return page(
          409,
          PageView.of(
              desk.find(id),
              me.account(),
              e.getMessage(),
              null,
              null,
              verification.canFetch(),
              null));
    }
  }

  private Response pageAgain(long id, WorkflowRefusal e, String comment, String commentError) {
    return page(
        e.kind.status,
        PageView.of(
            desk.find(id),
            me.account(),
            e.getMessage(),
            comment,
            commentError,
            verification.canFetch(),
            null));
  }

  private static Response page(int status, PageView view) {
    return Response.status(status).entity(Templates.page(view)).build();
  }

  /** Adding or removing a source row re-shows the form; nothing is saved. */
  private Response rowChange(
      CorrectionForm form, String heading, String action, Long id, Long version) {
    List<QuotedSource> rows = new ArrayList<>(form.rows());
    if (form.isAddSource()) {
      rows.add(new QuotedSource());
    } else if (form.removedRow() >= 0 && form.removedRow() < rows.size()) {
      rows.remove(form.removedRow());
    } else {
      return null;
    }
    return Response.ok(
            Templates.form(
                FormView.of(heading, action, id, version, form.content(), rows, List.of(), null)))
        .build();
  }

  private static Response formAgain(
      int status,
      String heading,
      String action,
      Long id,
      Long version,
      CorrectionForm form,
      List<CorrectionDesk.Problem> problems,
      CorrectionView current) {
    CorrectionContent typed = form.content();
    // Error paths index the filled rows, so show exactly those (or one empty row).
    return Response.status(status)
        .entity(
            Templates.form(
                FormView.of(heading, action, id, version, typed, typed.sources, problems, current)))
        .build();
  }

  private static String editHeading(long id) {
    return "Edit correction " + id;
  }

  private static Response redirect(long id) {
    return Redirect.seeOther("/editor/corrections/" + id);
  }
}
