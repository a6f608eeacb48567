package org.errata.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person wrote, and nothing that only looks like text: no control characters but line breaks
 * and tabs, no invisible direction overrides (which make text read differently from how it is
 * stored), no broken UTF-16. With {@code words}, it must also hold at least one letter or digit, so
 * a passage, summary or quote is never punctuation or blank space alone.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {
  /** What the field is, for the sentence: "The passage". */
  String value();

  boolean words() default false;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the constraint with the field's own sentence. */
  class Validator implements ConstraintValidator<PlainText, String> {
    private String what;
    private boolean words;

    @Override
    public void initialize(PlainText annotation) {
      what = annotation.value();
      words = annotation.words();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      String problem =
          TextRules.problem(value == null || value.isBlank() ? null : value, what, words);
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              problem.replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$"))
          .addConstraintViolation();
      return false;
    }
  }
}
