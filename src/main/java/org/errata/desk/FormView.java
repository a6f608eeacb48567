package org.errata.desk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.errata.correction.CorrectionContent;
import org.errata.correction.CorrectionDesk;
import org.errata.publicsite.CorrectionView;
import org.errata.source.QuotedSource;
import org.errata.web.Links;

/** The correction form as shown: what was typed, and the message beside each field at fault. */
public record FormView(
    String heading,
    String action,
    Long id,
    Long version,
    String articleUrl,
    String passage,
    String summary,
    String reasoning,
    String verdict,
    List<SourceRow> sources,
    List<CorrectionDesk.Problem> problems,
    CorrectionView current,
    String readerWords) {

  /** One source row of the form. */
  public record SourceRow(
      int index,
      String title,
      String publisher,
      String url,
      String quote,
      String titleError,
      String publisherError,
      String urlError,
      String quoteError,
      boolean offline,
      String offlineNote,
      String offlineNoteError) {
    public int number() {
      return index + 1;
    }

    /** The element id of one of this row's fields, e.g. "source-0-title". */
    public String id(String part) {
      return "source-" + index + "-" + part;
    }

    public boolean hasError() {
      return titleError != null
          || publisherError != null
          || urlError != null
          || quoteError != null
          || offlineNoteError != null;
    }
  }

  public static FormView blank() {
    return of(
        "New correction",
        Links.corrections(),
        null,
        null,
        new CorrectionContent("", "", "", "", "", List.of(new QuotedSource())),
        List.of(),
        List.of(),
        null);
  }

  public static FormView of(
      String heading,
      String action,
      Long id,
      Long version,
      CorrectionContent typed,
      List<QuotedSource> rows,
      List<CorrectionDesk.Problem> problems,
      CorrectionView current) {
    Map<String, String> errors = new HashMap<>();
    for (CorrectionDesk.Problem p : problems) {
      errors.putIfAbsent(p.field(), p.message());
    }
    List<QuotedSource> shown = new ArrayList<>(rows.isEmpty() ? typed.sources : rows);
    if (shown.isEmpty()) {
      shown.add(new QuotedSource());
    }
    List<SourceRow> sourceRows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      QuotedSource s = shown.get(i);
      String prefix = "sources[" + i + "].";
      sourceRows.add(
          new SourceRow(
              i,
              s.title,
              s.publisher,
              s.url,
              s.quote,
              errors.get(prefix + "title"),
              errors.get(prefix + "publisher"),
              errors.get(prefix + "url"),
              errors.get(prefix + "quote"),
              s.offline,
              s.offlineNote,
              errors.get(prefix + "offlineNote")));
    }
    return new FormView(
        heading,
        action,
        id,
        version,
        typed.articleUrl,
        typed.passage,
        typed.summary,
        typed.reasoning,
        typed.verdict,
        sourceRows,
        problems,
        current,
        null);
  }

  /** The same form, beside the words of the reader's suggestion it starts from. */
  public FormView withReaderWords(String words) {
    return new FormView(
        heading,
        action,
        id,
        version,
        articleUrl,
        passage,
        summary,
        reasoning,
        verdict,
        sources,
        problems,
        current,
        words);
  }

  /** The message for {@code field}, or null. */
  public String error(String field) {
    for (CorrectionDesk.Problem p : problems) {
      if (p.field().equals(field)) {
        return p.message();
      }
    }
    return null;
  }

  public boolean isNew() {
    return id == null;
  }
}
