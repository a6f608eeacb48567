package org.errata.correction;

/** What an editor may do to a correction; the domain decides which ones apply to whom. */
public enum Action {
  EDIT,
  SUBMIT,
  REQUEST_CHANGES,
  APPROVE,
  PUBLISH,
  AMEND,
  WITHDRAW,
  /** Add a comment to the revision under way, or resolve one. */
  COMMENT,
  /** Take a submission back into draft before a reviewer has started on it. */
  RECALL,
  /** Delete a draft that was never submitted (kept on the record, marked deleted). */
  DELETE,
  /** Check the passage or a quote against its page (on a live correction: a finding beside it). */
  CHECK
}
