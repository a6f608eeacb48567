package org.errata.correction;

/** Where a correction's working revision stands (BRIEF.md, "Workflow"). */
public enum Status {
  DRAFT("Draft"),
  IN_REVIEW("In review"),
  REVIEWED("Reviewed"),
  PUBLISHED("Published"),
  WITHDRAWN("Withdrawn");

  public final String label;

  Status(String label) {
    this.label = label;
  }

  /** The status named in an API query, or null for an unknown name. */
  public static Status parse(String name) {
    for (Status status : values()) {
      if (status.name().equalsIgnoreCase(name)) {
        return status;
      }
    }
    return null;
  }
}
