package org.errata.web;

/** Nothing of that kind with that id, or none the caller may see: 404 with the sentence. */
public class NotFoundHere extends RuntimeException {

  public NotFoundHere(String message) {
    super(message, null, false, false);
  }
}
