package org.errata.desk;

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
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionContent;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.WorkflowRefusal;
import org.errata.publicsite.CorrectionView;
import org.errata.source.QuotedSource;
import org.errata.suggestion.Suggestion;
import org.errata.suggestion.Suggestions;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The correction form: a new correction, or the words of the revision under way. A refusal shows
 * the form again with each sentence beside its field and everything typed kept; a stale version
 * shows what is there now beside what was typed.
 */
@Path("/editor/corrections")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class FormPages {

  @Inject CorrectionDesk desk;
  @Inject PageAnswers answers;
  @Inject Me me;
  @Inject Suggestions suggestions;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(FormView form);
  }

  /** A blank form; {@code suggestion}: one started from a reader's suggestion, prefilled. */
  @GET
  @Path("new")
  public TemplateInstance newCorrection(@RestQuery Long suggestion) {
    if (suggestion == null) {
      return Templates.form(FormView.blank());
    }
    Suggestion s = suggestions.find(suggestion);
    Target target = Target.from(s);
    return Templates.form(
        FormView.of(
                target.heading(),
                target.action(),
                null,
                null,
                new CorrectionContent(
                    s.articleUrl,
                    s.passage == null ? "" : s.passage,
                    "",
                    "",
                    "",
                    List.of(new QuotedSource())),
                List.of(),
                List.of(),
                null)
            .withReaderWords(target.readerWords()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@BeanParam CorrectionForm form, @RestQuery Long suggestion) {
    Target target =
        suggestion == null
            ? new Target("New correction", Links.corrections(), null, null)
            : Target.from(suggestions.find(suggestion));
    Response rows = rowChange(form, target, null);
    if (rows != null) {
      return rows;
    }
    try {
      Correction made =
          suggestion == null
              ? desk.propose(form.content(), me.account())
              : suggestions.draft(suggestion, form.content(), me.account());
      return Redirect.seeOther(Links.correction(made.id));
    } catch (CorrectionDesk.InvalidContent e) {
      return again(400, target, null, form, e.problems, null);
    }
  }

  @GET
  @Path("{id}/edit")
  public TemplateInstance edit(@RestPath long id) {
    Correction c = desk.find(id);
    Target target = Target.edit(id);
    return Templates.form(
        FormView.of(
            target.heading(),
            target.action(),
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
    Target target = Target.edit(id);
    Response rows = rowChange(form, target, form.readVersion());
    if (rows != null) {
      return rows;
    }
    try {
      desk.edit(id, form.readVersion(), form.content(), me.account());
      return Redirect.seeOther(Links.correction(id) + "?" + CorrectionPage.SAVED + "=1");
    } catch (CorrectionDesk.InvalidContent e) {
      return again(400, target, form.readVersion(), form, e.problems, null);
    } catch (CorrectionDesk.StaleVersion e) {
      // Keep what they typed, show what is there now, and let them save over it knowingly.
      Correction now = desk.find(id);
      return again(
          409,
          new Target("Someone else saved this correction", target.action(), id, null),
          now.version,
          form,
          List.of(),
          CorrectionView.of(now, now.current));
    } catch (WorkflowRefusal e) {
      if (e.field != null) {
        // About something typed: the form again, the sentence beside that field.
        return again(
            400,
            target,
            form.readVersion(),
            form,
            List.of(new CorrectionDesk.Problem(e.field, e.getMessage())),
            null);
      }
      return answers.refused(id, null, null, e);
    }
  }

  /** Where the form posts and what it is called. */
  record Target(String heading, String action, Long id, String readerWords) {
    static Target edit(long id) {
      return new Target("Edit correction " + id, Links.correction(id), id, null);
    }

    /** A new correction from a reader's suggestion, with the reader's words beside the form. */
    static Target from(Suggestion s) {
      return new Target(
          "New correction from a reader's suggestion",
          Links.corrections() + "?suggestion=" + s.id,
          null,
          s.asComment());
    }
  }

  /** Adding or removing a source row re-shows the form; nothing is saved. */
  private static Response rowChange(CorrectionForm form, Target target, Long version) {
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
                FormView.of(
                        target.heading(),
                        target.action(),
                        target.id(),
                        version,
                        form.content(),
                        rows,
                        List.of(),
                        null)
                    .withReaderWords(target.readerWords())))
        .build();
  }

  private static Response again(
      int status,
      Target target,
      Long version,
      CorrectionForm form,
      List<CorrectionDesk.Problem> problems,
      CorrectionView current) {
    CorrectionContent typed = form.content();
    // Error paths index the filled rows, so show exactly those (or one empty row).
    return Response.status(status)
        .entity(
            Templates.form(
                FormView.of(
                        target.heading(),
                        target.action(),
                        target.id(),
                        version,
                        typed,
                        typed.sources,
                        problems,
                        current)
                    .withReaderWords(target.readerWords())))
        .build();
  }
}
