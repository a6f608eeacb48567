package org.errata.source;

/** What checking a passage or a quote against a page's text found (api.md). */
public enum CheckStatus {
  /** The words are on the page exactly as written. */
  EXACT,
  /** Found once white space, quotation marks, dashes and case are folded. */
  NORMALIZED,
  /** A near match, with a similarity score of at least 0.8. */
  APPROXIMATE,
  /** Not on the page (the best near match scored under 0.8). */
  NOT_FOUND,
  /** Nothing to check against yet. */
  UNCHECKED;

  public boolean found() {
    return this == EXACT || this == NORMALIZED || this == APPROXIMATE;
  }

  /** The sentence editors see next to a source or passage. */
  public String label() {
    return switch (this) {
      case EXACT -> "Found exactly";
      case NORMALIZED -> "Found (spacing, quotes, dashes or case differ)";
      case APPROXIMATE -> "Found approximately";
      case NOT_FOUND -> "Not found on the page";
      case UNCHECKED -> "Not checked yet";
    };
  }
}
