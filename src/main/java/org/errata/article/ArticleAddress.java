package org.errata.article;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An article's address: http or https, with or without the scheme typed. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ArticleAddress.Validator.class)
public @interface ArticleAddress {
  String message() default "Enter the article's web address, like https://example.com/story.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ArticleAddress, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      try {
        ArticleUrl.key(value);
        return true;
      } catch (ArticleUrl.InvalidUrl e) {
        context.disableDefaultConstraintViolation();
        // The sentence is ours, but escape anyway: it is read as a message template.
        String message =
            e.getMessage().replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$");
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
      }
    }
  }
}
