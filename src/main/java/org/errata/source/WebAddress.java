package org.errata.source;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Empty, or a complete http:// or https:// address with a host. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebAddress.Validator.class)
public @interface WebAddress {
  String message() default
      "Enter the page's web address, such as https://help.example.com/page (or leave it empty).";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<WebAddress, String> {
    /**
     * {@code typed} with https:// in front when it names no scheme ("help.example.com/page"), the
     * way an article's address is read; anything else, null included, as it is.
     */
    public static String complete(String typed) {
      if (typed == null || SCHEME.matcher(typed).lookingAt() || typed.startsWith("//")) {
        return typed;
      }
      return "https://" + typed;
    }

    /** A scheme and its colon, or a host and port ("example.com:8080" reads as one): left alone. */
    static final java.util.regex.Pattern SCHEME =
        java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || isWebAddress(value.strip());
    }

    /** A complete http:// or https:// address with a host. */
    public static boolean isWebAddress(String value) {
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null
            && !uri.getHost().isBlank();
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
