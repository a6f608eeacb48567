package org.errata.publicsite;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.report.Report;
import org.errata.report.ReportWriter;
import org.errata.source.QuotedSource;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Published corrections in the report format (report-format.md), so that what Errata publishes can
 * be read by the same tools that write reports, and a report round-trips: {@code
 * /corrections/{id}.txt} and {@code /articles.txt?url=} (also {@code Accept: text/plain} on the
 * pages themselves, see {@link PlainTextPages}). Live corrections only: a withdrawn one is no
 * longer a correction anybody stands by.
 */
@Path("/")
@PermitAll
public class Exports {

  /** What the published revision {@code r} of {@code c} says, as one item of a report. */
  static Report.Item item(Revision r) {
    return new Report.Item(
        r.passage,
        r.summary,
        r.reasoning,
        r.sources.stream()
            .map((QuotedSource s) -> new Report.Source(s.title, s.publisher, s.quote))
            .toList());
  }

  /** The report of {@code corrections} to the article readers know as {@code articleUrl}. */
  static String report(String articleUrl, List<Correction> corrections) {
    return ReportWriter.render(
        new Report(articleUrl, corrections.stream().map(c -> item(c.published)).toList()));
  }

  @GET
  @Path("corrections/{id: [0-9]{1,18}}.txt")
  @Transactional
  public Response correction(@RestPath long id) {
    Correction c = PublishedCorrections.find(id);
    if (!c.isLive()) {
      return PlainAnswers.plain(
          404,
          "Correction "
              + id
              + " was withdrawn, so it is no longer published as a report. Its page says why: "
              + "/corrections/"
              + id
              + "\n");
    }
    return PlainAnswers.plain(200, report(ArticleUrl.clean(c.articleUrl), List.of(c)));
  }

  @GET
  @Path("articles.txt")
  @Transactional
  public Response article(@RestQuery String url) {
    PlainAnswers.Address address = PlainAnswers.Address.of(url);
    if (address.refusal() != null) {
      return address.refusal();
    }
    String key = address.key();
    PublishedCorrections.ForArticle found = PublishedCorrections.forArticle(key);
    if (found.live().isEmpty()) {
      return PlainAnswers.plain(404, "No corrections found for " + ArticleUrl.clean(url) + ".\n");
    }
    return PlainAnswers.plain(200, report(found.article().displayUrl(), found.live()));
  }
}
