package org.errata.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every API error: a sentence, and the field or report line when one applies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, Integer line) {

  public static ApiError of(String error) {
    return new ApiError(error, null, null);
  }
}
