package org.errata.review;

import java.util.ArrayList;
import java.util.List;
import org.errata.correction.CorrectionContent;
import org.errata.correction.Field;
import org.errata.source.QuotedSource;

/** Field-by-field word differences between two versions of a correction's content. */
public final class ContentDiff {

  private ContentDiff() {}

  /** One field's differences. */
  public record FieldDiff(String label, List<WordDiff.Segment> segments, boolean changed) {}

  public static List<FieldDiff> of(CorrectionContent before, CorrectionContent after) {
    List<FieldDiff> out = new ArrayList<>();
    add(out, Field.ARTICLE_URL.label, before.articleUrl, after.articleUrl);
    add(out, Field.PASSAGE.label, before.passage, after.passage);
    add(out, Field.SUMMARY.label, before.summary, after.summary);
    add(out, Field.REASONING.label, before.reasoning, after.reasoning);
    add(out, Field.VERDICT.label, before.verdict, after.verdict);
    add(out, Field.SOURCES.label, sources(before.sources), sources(after.sources));
    return out;
  }

  private static void add(List<FieldDiff> out, String label, String before, String after) {
    List<WordDiff.Segment> segments = WordDiff.diff(before, after);
    out.add(new FieldDiff(label, segments, WordDiff.changed(segments)));
  }

  /** Sources as text: one block each, so added, removed and changed sources all show. */
  static String sources(List<QuotedSource> sources) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < sources.size(); i++) {
      QuotedSource s = sources.get(i);
      if (i > 0) {
        b.append("\n\n");
      }
      b.append(i + 1).append(". ").append(s.heading());
      if (s.url != null) {
        b.append('\n').append(s.url);
      }
      b.append("\n“").append(s.quote).append('”');
    }
    return b.toString();
  }
}
