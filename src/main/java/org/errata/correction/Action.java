package org.errata.correction;

/** What an editor may do to a correction; the domain decides which ones apply to whom. */
public enum Action {
  EDIT,
  SUBMIT,
  REQUEST_CHANGES,
  APPROVE,
  PUBLISH,
  AMEND,
  WITHDRAW
}
