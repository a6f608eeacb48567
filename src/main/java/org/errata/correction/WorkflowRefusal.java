package org.errata.correction;

/** A workflow rule said no; the message is a sentence for the person who asked. */
public class WorkflowRefusal extends RuntimeException {

  /** Why, in terms an API can answer with a status code. */
  public enum Kind {
    /** The person may never do this to this correction. */
    FORBIDDEN(403),
    /** The correction is not in a state that allows it. */
    CONFLICT(409),
    /** Something the person must supply is missing. */
    INVALID(400);

    /** The HTTP status a page or the API answers this refusal with. */
    public final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  public final Kind kind;

  /** The field the refusal is about ("articleUrl"), or null when it is about the whole. */
  public final String field;

  public WorkflowRefusal(Kind kind, String message) {
    this(kind, message, null);
  }

  public WorkflowRefusal(Kind kind, String message, String field) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }
}
