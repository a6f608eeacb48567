package org.errata.correction;

/** What is checked against a page: the passage (in the article) or one source's quote. */
public record CheckTarget(Integer sourceIndex) {

  public static final CheckTarget PASSAGE = new CheckTarget(null);

  /** Source {@code index}, 0-based. */
  public static CheckTarget source(int index) {
    return new CheckTarget(index);
  }

  public boolean isPassage() {
    return sourceIndex == null;
  }

  /** "Passage" or "Source 2". */
  public String label() {
    return isPassage() ? "Passage" : "Source " + (sourceIndex + 1);
  }
}
