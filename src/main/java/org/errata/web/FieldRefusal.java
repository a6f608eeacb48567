package org.errata.web;

/**
 * A request refused because of one field, with the sentence to show beside it: 400 with {@code
 * error} and {@code field} in the API; forms catch it and show it beside the field.
 */
public class FieldRefusal extends RuntimeException {

  public final String field;

  public FieldRefusal(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }
}
