package org.errata.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Report} in the format {@link ReportParser} reads, so that parsing what was
 * written gives back the same report.
 */
public final class ReportWriter {

  private ReportWriter() {}

  public static String render(Report report) {
    List<String> out = new ArrayList<>();
    out.add(report.articleUrl());
    out.add(ReportParser.plural(report.corrections().size(), "correction") + " found");
    for (Report.Item item : report.corrections()) {
      out.add(claim(item.claim()));
      out.add(item.summary());
      out.add(ReportParser.FULL_REASONING);
      out.addAll(List.of(item.reasoning().split("\n", -1)));
      out.add(ReportParser.plural(item.sources().size(), "source"));
      for (Report.Source source : item.sources()) {
        out.add(
            "- " + source.title() + (source.publisher() == null ? "" : " | " + source.publisher()));
        out.add(source.quote());
      }
    }
    // No newline after the last line, as in the canonical example (the grammar allows either).
    return String.join("\n", out);
  }

  // A claim that itself starts or ends with a quotation mark is wrapped once more, because the
  // parser removes one pair of outer marks.
  private static String claim(String claim) {
    boolean quoted =
        claim.startsWith("“")
            || claim.startsWith("\"")
            || claim.endsWith("”")
            || claim.endsWith("\"");
    return quoted ? "“" + claim + "”" : claim;
  }
}
