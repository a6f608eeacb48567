package org.errata.text;

/** What every text a person writes must be; {@link PlainText} applies it to fields. */
public final class TextRules {

  private TextRules() {}

  /** Why {@code text} is refused, or null. {@code what}: "The summary". Null text passes. */
  public static String problem(String text, String what, boolean words) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return what + " contains a broken character; type or paste it again.";
      }
      if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        return what + " contains a broken character; type or paste it again.";
      }
      if ((Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')
          || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        return what
            + " contains an invisible control character (U+"
            + String.format("%04X", (int) c)
            + "); remove it, or paste the text as plain text.";
      }
    }
    if (words && !hasWordCharacter(text)) {
      return what + " must contain words: at least one letter or digit.";
    }
    return null;
  }

  public static boolean hasWordCharacter(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
