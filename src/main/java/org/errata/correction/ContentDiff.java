package org.errata.correction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.errata.source.QuotedSource;

/** Field-by-field word differences between two versions of a correction's content. */
public final class ContentDiff {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ContentDiff() {}

  /** One field's differences. */
  public record FieldDiff(String label, List<WordDiff.Segment> segments, boolean changed) {}

  /** The words of a version, as stored to compare later. */
  record Seen(
      String articleUrl,
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<SeenSource> sources) {}

  record SeenSource(String title, String publisher, String url, String quote) {}

  public static List<FieldDiff> of(CorrectionContent before, CorrectionContent after) {
    List<FieldDiff> out = new ArrayList<>();
    add(out, "Article address", before.articleUrl, after.articleUrl);
    add(out, "Passage", before.passage, after.passage);
    add(out, "Summary", before.summary, after.summary);
    add(out, "Full reasoning", before.reasoning, after.reasoning);
    add(out, "Verdict", before.verdict, after.verdict);
    add(out, "Sources", sources(before.sources), sources(after.sources));
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

  static String snapshot(CorrectionContent c) {
    try {
      return JSON.writeValueAsString(
          new Seen(
              c.articleUrl,
              c.passage,
              c.summary,
              c.reasoning,
              c.verdict,
              c.sources.stream()
                  .map(s -> new SeenSource(s.title, s.publisher, s.url, s.quote))
                  .toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static CorrectionContent fromSnapshot(String json) {
    try {
      Seen seen = JSON.readValue(json, Seen.class);
      return new CorrectionContent(
          seen.articleUrl(),
          seen.passage(),
          seen.summary(),
          seen.reasoning(),
          seen.verdict(),
          seen.sources().stream()
              .map(s -> new QuotedSource(s.title(), s.publisher(), s.url(), s.quote()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
