package org.errata.correction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a correction an editor writes, in the order the form shows them, with their names in
 * forms, JSON and validation paths and their labels: the one list of them.
 */
public enum Field {
  ARTICLE_URL("articleUrl", "Article address", "the article address"),
  PASSAGE("passage", "Passage", "the passage"),
  SUMMARY("summary", "Summary", "the summary"),
  REASONING("reasoning", "Full reasoning", "the full reasoning"),
  VERDICT("verdict", "Verdict", "the verdict"),
  SOURCES("sources", "Sources", "the sources");

  /** The name in forms, JSON bodies and validation paths. */
  public final String key;

  /** As a heading: "Full reasoning". */
  public final String label;

  /** In a sentence: "the full reasoning". */
  public final String inSentence;

  Field(String key, String label, String inSentence) {
    this.key = key;
    this.label = label;
    this.inSentence = inSentence;
  }

  /** The field a validation path names ("sources[1].url" is SOURCES), if any. */
  public static Optional<Field> ofPath(String path) {
    for (Field f : values()) {
      if (path.equals(f.key) || path.startsWith(f.key + "[") || path.startsWith(f.key + ".")) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Where a validation path sits in the form, for listing problems in form order: the field's
   * place, then the source's row.
   */
  public static int formOrder(String path) {
    Optional<Field> field = ofPath(path);
    if (field.isEmpty()) {
      return Integer.MAX_VALUE;
    }
    int rank = field.get().ordinal() * 100_000;
    int open = path.indexOf('[');
    if (open >= 0) {
      int close = path.indexOf(']', open);
      try {
        rank += 1 + Integer.parseInt(path.substring(open + 1, close)) * 10;
      } catch (RuntimeException e) {
        // not an index: the field's own place
      }
    }
    return rank;
  }

  /**
   * One part a comment can be about: a field, or one source ({@code source} 1-based, 0 otherwise).
   */
  public record Part(Field field, int source) {

    /** The key in forms and JSON: "summary", "source-2". */
    public String key() {
      return field == SOURCES ? "source-" + source : field.key;
    }

    /** "on the summary", "on source 2". */
    public String where() {
      return field == SOURCES ? "on source " + source : "on " + field.inSentence;
    }

    /** "The summary", "Source 2", for a list to choose from. */
    public String label() {
      return field == SOURCES
          ? "Source " + source
          : Character.toUpperCase(field.inSentence.charAt(0)) + field.inSentence.substring(1);
    }

    /** The part {@code key} names in a correction with {@code sources} sources, if any. */
    public static Optional<Part> parse(String key, int sources) {
      if (key == null) {
        return Optional.empty();
      }
      if (key.startsWith("source-")) {
        try {
          int n = Integer.parseInt(key.substring(7));
          return n >= 1 && n <= sources ? Optional.of(new Part(SOURCES, n)) : Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      for (Field f : values()) {
        if (f != SOURCES && f.key.equals(key)) {
          return Optional.of(new Part(f, 0));
        }
      }
      return Optional.empty();
    }

    /** Every part of a correction with {@code sources} sources, in form order. */
    public static List<Part> all(int sources) {
      List<Part> parts = new ArrayList<>();
      for (Field f : values()) {
        if (f == SOURCES) {
          for (int n = 1; n <= sources; n++) {
            parts.add(new Part(SOURCES, n));
          }
        } else {
          parts.add(new Part(f, 0));
        }
      }
      return parts;
    }
  }
}
