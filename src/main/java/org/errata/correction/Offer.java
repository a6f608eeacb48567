package org.errata.correction;

import java.util.List;
import java.util.Set;

/**
 * An action a person may take now, what they still have to give with it, and why: "approve, with an
 * override reason, because source 2's quote was not found on its page". Pages show exactly these
 * actions with exactly these fields; the API lists them; the server accepts exactly these.
 */
public record Offer(Action action, Set<Need> needs, List<String> because) {

  /** What an action needs besides the click, named as the form or JSON field that carries it. */
  public enum Need {
    /** A comment for the author (request changes). */
    COMMENT("comment"),
    /** Why the reviewer accepts evidence the automatic check did not confirm. */
    OVERRIDE("override"),
    /** The public change note of an amendment. */
    CHANGE_NOTE("changeNote"),
    /** The public reason for withdrawing. */
    REASON("reason");

    /** The field that carries it, in forms and in JSON bodies. */
    public final String field;

    Need(String field) {
      this.field = field;
    }
  }

  public boolean needs(Need need) {
    return needs.contains(need);
  }
}
