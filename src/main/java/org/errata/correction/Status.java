package org.errata.correction;

/** Where a correction's working revision stands (BRIEF.md, "Workflow"). */
public enum Status {
  DRAFT("Draft"),
  IN_REVIEW("In review"),
  REVIEWED("Reviewed"),
  PUBLISHED("Published"),
  WITHDRAWN("Withdrawn"),
  /** A draft its author deleted before it was ever submitted; kept, with its history. */
  DELETED("Deleted");

  public final String label;

  Status(String label) {
    this.label = label;
  }

  /**
   * The status named in an API query or a filter ("IN_REVIEW", "in review", "in-review"), or null
   * for an unknown name.
   */
  public static Status parse(String name) {
    String n = name == null ? "" : name.strip().replace(' ', '_').replace('-', '_');
    for (Status status : values()) {
      if (status.name().equalsIgnoreCase(n)) {
        return status;
      }
    }
    return null;
  }
}
