package org.errata.report;

import java.util.List;

/**
 * A parsed fact-check report: the article and its corrections, exactly as written (Unicode kept, a
 * claim's outer quotation marks removed). Pure values, no framework types.
 */
public record Report(String articleUrl, List<Item> corrections) {

  public Report {
    corrections = List.copyOf(corrections);
  }

  /** One correction of the report; {@code reasoning} lines joined by LF, paragraphs by a blank. */
  public record Item(String claim, String summary, String reasoning, List<Source> sources) {
    public Item {
      sources = List.copyOf(sources);
    }
  }

  /** A source heading split into title and optional publisher, and the quote under it. */
  public record Source(String title, String publisher, String quote) {}
}
