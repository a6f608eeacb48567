package org.errata.desk;

import java.util.ArrayList;
import java.util.List;
import org.errata.correction.CorrectionContent;
import org.errata.source.QuotedSource;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The correction form as posted. Sources arrive as parallel lists, one entry per row, so rows can
 * be added and removed with plain submit buttons and no JavaScript.
 */
public class CorrectionForm {

  public static final String SAVE = "save";
  public static final String ADD_SOURCE = "add-source";
  public static final String REMOVE_SOURCE = "remove-source-";

  @RestForm public String articleUrl;
  @RestForm public String passage;
  @RestForm public String summary;
  @RestForm public String reasoning;
  @RestForm public String verdict;
  @RestForm public List<String> sourceTitle;
  @RestForm public List<String> sourcePublisher;
  @RestForm public List<String> sourceUrl;
  @RestForm public List<String> sourceQuote;
  @RestForm public List<String> sourceKind;
  @RestForm public List<String> sourceNote;
  @RestForm public String version;
  @RestForm public String op;

  /** Every row as typed, blank ones included, so a re-shown form keeps its shape. */
  public List<QuotedSource> rows() {
    int count =
        Math.max(
            Math.max(size(sourceTitle), size(sourcePublisher)),
            Math.max(size(sourceUrl), size(sourceQuote)));
    List<QuotedSource> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      QuotedSource row =
          new QuotedSource(
              at(sourceTitle, i), at(sourcePublisher, i), at(sourceUrl, i), at(sourceQuote, i));
      if ("offline".equals(at(sourceKind, i))) {
        row = row.offline(at(sourceNote, i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** What gets saved: the typed content, wholly empty source rows left out. */
  public CorrectionContent content() {
    List<QuotedSource> filled = rows().stream().filter(r -> !r.isBlank()).toList();
    return new CorrectionContent(articleUrl, passage, summary, reasoning, verdict, filled);
  }

  public boolean isAddSource() {
    return ADD_SOURCE.equals(op);
  }

  /** The row a "Remove" button asked to drop, or -1. */
  public int removedRow() {
    if (op == null || !op.startsWith(REMOVE_SOURCE)) {
      return -1;
    }
    try {
      return Integer.parseInt(op.substring(REMOVE_SOURCE.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The version the editor read, or null when the form carried none. */
  public Long readVersion() {
    return parseVersion(version);
  }

  static Long parseVersion(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(version.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int size(List<String> list) {
    return list == null ? 0 : list.size();
  }

  private static String at(List<String> list, int i) {
    return list != null && i < list.size() ? list.get(i) : "";
  }
}
