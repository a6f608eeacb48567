package org.errata.correction;

/** A workflow rule said no; the message is a sentence for the person who asked. */
public class WorkflowRefusal extends RuntimeException {

  /** Why, in terms an API can answer with a status code. */
  public enum Kind {
    /** The person may never do this to this correction (403). */
    FORBIDDEN,
    /** The correction is not in a state that allows it (409). */
    CONFLICT,
    /** Something the person must supply is missing (400). */
    INVALID
  }

  public final Kind kind;

  public WorkflowRefusal(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }
}
