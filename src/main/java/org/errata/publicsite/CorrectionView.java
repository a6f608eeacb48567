package org.errata.publicsite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.Revision;
import org.errata.evidence.TextFragment;
import org.errata.review.ContentDiff;
import org.errata.source.Check;
import org.errata.source.QuotedSource;
import org.errata.text.Reasoning;
import org.errata.web.Links;
import org.errata.web.TemplateExtensions;

/**
 * One revision laid out as readers see it. The editor's page shows the working revision through
 * this same view, so what an editor approves is what readers get. Every mark it offers is derived
 * from what was stored when the words were checked and approved, never assumed.
 */
public record CorrectionView(
    long id,
    String articleUrl,
    String articleTitle,
    String passage,
    String summary,
    List<Reasoning.Block> reasoning,
    String verdict,
    List<SourceView> sources,
    Instant publishedAt,
    String articleLink,
    int revision,
    boolean latest,
    Instant updatedAt,
    String changeNote,
    Instant withdrawnAt,
    List<Words> withdrawalReason,
    List<RevisionLink> revisions,
    Mark passageMark,
    String override,
    List<ContentDiff.FieldDiff> changes) {

  /** A published revision, for the list of versions readers can open. */
  public record RevisionLink(int number, Instant publishedAt, String changeNote, String link) {}

  /**
   * What a check found, said truthfully: found against a page Errata fetched on a date, found in
   * text an editor supplied, or not confirmed. Null when nothing was checked.
   */
  public record Mark(boolean fetched, boolean supplied, boolean unconfirmed, Instant on) {
    static Mark of(Check check) {
      if (check.found()) {
        return new Mark(
            check.foundOnFetchedPage(), !check.foundOnFetchedPage(), false, check.checkedAt);
      }
      return new Mark(false, false, true, check.checkedAt);
    }
  }

  /** Words of a withdrawal reason; those that name another correction link to it. */
  public record Words(String text, String link) {}

  /**
   * A source as readers see it: linked with a text fragment to the quoted words, what its quote was
   * checked against and when, or the description of an offline source.
   */
  public record SourceView(
      String title,
      String publisher,
      String url,
      String quote,
      String link,
      boolean offline,
      String offlineNote,
      Mark mark) {
    static SourceView of(QuotedSource s) {
      return new SourceView(
          s.title,
          s.publisher,
          s.url,
          s.quote,
          s.url == null ? null : TextFragment.link(s.url, s.quote),
          s.offline,
          s.offline ? s.offlineNote : null,
          s.offline ? null : Mark.of(s.check()));
    }

    /** "Title | Publisher", or the title alone. */
    public String heading() {
      return publisher == null ? title : title + " | " + publisher;
    }
  }

  private static final Pattern NAMED =
      Pattern.compile("(?i)\\bcorrection\\s+(?:no\\.\\s*|#)?(\\d{1,12})\\b");

  public static CorrectionView of(Correction correction, Revision revision) {
    List<Revision> out = correction.publishedRevisions();
    boolean latest =
        correction.published == null
            || revision == correction.published
            || revision.publishedAt == null;
    Revision previous = previousPublished(out, revision);
    return new CorrectionView(
        correction.id,
        ArticleUrl.clean(correction.articleUrl),
        correction.article == null ? null : correction.article.title,
        revision.passage,
        revision.summary,
        Reasoning.blocks(revision.reasoning),
        revision.verdict,
        revision.sources.stream().map(SourceView::of).toList(),
        correction.firstPublishedAt(),
        TextFragment.link(
            TemplateExtensions.href(ArticleUrl.clean(correction.articleUrl)), revision.passage),
        revision.number,
        latest,
        latest ? correction.updatedAtForReaders() : revision.publishedAt,
        revision.publishedAt == null ? null : revision.changeNote,
        correction.withdrawnAt,
        correction.withdrawalReason == null
            ? List.of()
            : linked(correction.withdrawalReason, correction.id),
        out.size() > 1
            ? out.stream()
                .map(
                    r ->
                        new RevisionLink(
                            r.number,
                            r.publishedAt,
                            r.changeNote,
                            Links.publishedRevision(correction.id, r.number)))
                .toList()
            : List.of(),
        revision.passageCheck().checkedAt == null ? null : Mark.of(revision.passageCheck()),
        revision.approvalOverride,
        previous == null || revision.publishedAt == null
            ? List.of()
            : ContentDiff.of(previous.content(), revision.content()).stream()
                .filter(ContentDiff.FieldDiff::changed)
                .toList());
  }

  /** The published revision before {@code revision}, or null when it is the first. */
  private static Revision previousPublished(List<Revision> published, Revision revision) {
    Revision before = null;
    for (Revision r : published) {
      if (r.number >= revision.number) {
        break;
      }
      before = r;
    }
    return before;
  }

  /** Splits {@code reason} so that "correction 12" links to that correction's page. */
  static List<Words> linked(String reason, long self) {
    List<Words> words = new ArrayList<>();
    Matcher m = NAMED.matcher(reason);
    int at = 0;
    while (m.find()) {
      long named;
      try {
        named = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (named == self) {
        continue;
      }
      if (m.start() > at) {
        words.add(new Words(reason.substring(at, m.start()), null));
      }
      words.add(new Words(m.group(), Links.published(named)));
      at = m.end();
    }
    if (at < reason.length()) {
      words.add(new Words(reason.substring(at), null));
    }
    return words;
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  /** The withdrawal reason as plain text. */
  public String withdrawalText() {
    StringBuilder b = new StringBuilder();
    withdrawalReason.forEach(w -> b.append(w.text()));
    return b.toString();
  }

  /** The article as readers know it: its title when its page gave one, else its clean address. */
  public String articleName() {
    return articleTitle == null || articleTitle.isBlank() ? articleUrl : articleTitle;
  }

  /** Whether any of the evidence was approved without the automatic check confirming it. */
  public boolean anyUnconfirmed() {
    return override != null
        && ((passageMark != null && passageMark.unconfirmed())
            || sources.stream().anyMatch(s -> s.mark() != null && s.mark().unconfirmed()));
  }

  /** What readers see of a published correction. */
  public static CorrectionView published(Correction correction) {
    return of(correction, correction.published);
  }

  public String permalink() {
    return Links.published(id);
  }

  /** "1 source", "3 sources". */
  public String sourceCount() {
    return sources.size() == 1 ? "1 source" : sources.size() + " sources";
  }
}
