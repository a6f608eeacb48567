package org.errata.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.errata.account.Account;
import org.errata.account.Me;
import org.errata.correction.Correction;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** "Import a report": paste or upload a fact-check report and get one draft per correction. */
@Path("/editor/reports")
@RolesAllowed(Account.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

  @Inject ReportImport reports;
  @Inject Me me;

  /** The import form: the text as typed, and the refusal with the lines around the fault. */
  public record Form(String text, String error, Integer line, List<ExcerptLine> excerpt) {
    static Form empty() {
      return new Form("", null, null, List.of());
    }
  }

  /** One numbered line of the report around the line at fault. */
  public record ExcerptLine(int number, String text, boolean fault) {}

  /** One draft an import created. */
  /** One draft created, with the corrections of the same article it may repeat. */
  public record Row(
      long id, String passage, int sources, long sourcesWithoutUrl, List<Long> duplicates) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance form(Form form);

    static native TemplateInstance imported(String articleUrl, List<Row> rows);
  }

  @GET
  @Path("new")
  public TemplateInstance form() {
    return Templates.form(Form.empty());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response importReport(@RestForm String text, @RestForm("file") FileUpload file) {
    boolean uploaded = file != null && file.size() > 0;
    String shown = text == null ? "" : text;
    try {
      List<Correction> created;
      if (uploaded) {
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        // Shown back only if the import is refused, so the editor can fix it in the box.
        shown = new String(bytes, StandardCharsets.UTF_8);
        created = reports.importBytes(bytes, me.account());
      } else {
        created = reports.importText(shown, me.account());
      }
      String ids = created.stream().map(c -> c.id.toString()).collect(Collectors.joining(","));
      return Redirect.seeOther(Links.importedReport(ids));
    } catch (ReportFormatException e) {
      return Response.status(422)
          .entity(Templates.form(new Form(shown, e.sentence(), e.line, excerpt(shown, e.line))))
          .build();
    } catch (ReportImport.TooLarge e) {
      return Response.status(413)
          .entity(Templates.form(new Form(shown, e.getMessage(), null, List.of())))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Path("imported")
  public TemplateInstance imported(@RestQuery String ids) {
    List<Row> rows = new ArrayList<>();
    String articleUrl = null;
    for (String id : ids == null ? new String[0] : ids.split(",")) {
      Correction c;
      try {
        c = Correction.findById(Long.parseLong(id.strip()));
      } catch (NumberFormatException e) {
        continue;
      }
      if (c == null) {
        continue;
      }
      articleUrl = c.articleUrl;
      rows.add(
          new Row(
              c.id,
              c.current.passage,
              c.current.sources.size(),
              c.current.sources.stream().filter(s -> s.url == null).count(),
              c.possibleDuplicates()));
    }
    return Templates.imported(articleUrl, rows);
  }

  /** The lines around {@code line}, numbered as the error counts them. */
  static List<ExcerptLine> excerpt(String text, int line) {
    String[] lines = text.split("\n", -1);
    List<ExcerptLine> out = new ArrayList<>();
    for (int n = Math.max(1, line - 2); n <= Math.min(lines.length, line + 2); n++) {
      String content = lines[n - 1].replace("\r", "");
      if (n == 1 && content.startsWith("\uFEFF")) {
        content = content.substring(1);
      }
      out.add(new ExcerptLine(n, content, n == line));
    }
    return out;
  }
}
