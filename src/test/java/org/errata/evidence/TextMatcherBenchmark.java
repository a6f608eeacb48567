package org.errata.evidence;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How long finding a 300-character quote in a 2 MiB page takes, for each kind of match. A harness,
 * not a timed test (docs/performance.md says how to run it).
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/classes:target/test-classes org.errata.evidence.TextMatcherBenchmark
 * </pre>
 */
public final class TextMatcherBenchmark {

  private TextMatcherBenchmark() {}

  static final String[] WORDS = {
    "the", "computer", "runs", "outside", "virtual", "machine", "sandbox", "files", "commands",
    "desktop", "apps", "isolated", "space", "code", "shell", "Cowork", "Claude", "feature",
    "documentation", "help", "center", "users", "plan", "pricing", "account", "settings", "data"
  };

  static String page(Random random, int chars) {
    StringBuilder b = new StringBuilder(chars + 100);
    while (b.length() < chars) {
      int words = 8 + random.nextInt(20);
      for (int w = 0; w < words; w++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        b.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        b.append(w == words - 1 ? ".\n" : " ");
      }
    }
    b.setLength(chars);
    return b.toString();
  }

  public static void main(String[] args) {
    Random random = new Random(42);
    String page = page(random, 2 * 1024 * 1024);
    int at = page.length() * 3 / 4;
    String quote = page.substring(at, at + 300);
    String folded = quote.toUpperCase().replace(" ", "  ");
    char[] typo = quote.toCharArray();
    for (int i = 10; i < typo.length; i += 30) {
      typo[i] = typo[i] == 'x' ? 'y' : 'x'; // 10 changed characters: score about 0.97
    }
    String approximate = new String(typo);
    String absent = page(new Random(7), 300).replace('e', 'q');
    System.out.printf("page: %,d chars; quote: %d chars%n", page.length(), quote.length());
    run("exact", () -> TextMatcher.find(quote, page));
    run("normalized (case and spaces)", () -> TextMatcher.find(folded, page));
    run("approximate (10 typos)", () -> TextMatcher.find(approximate, page));
    run("not found", () -> TextMatcher.find(absent, page));
    run(
        "ellipsis (3 parts)",
        () ->
            TextMatcher.find(
                quote.substring(0, 80)
                    + "…"
                    + quote.substring(120, 200)
                    + "..."
                    + quote.substring(240),
                page));
  }

  static void run(String name, Supplier<TextMatcher.Match> find) {
    TextMatcher.Match first = find.get();
    for (int i = 0; i < 20; i++) {
      find.get(); // warm-up
    }
    int runs = 31;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      find.get();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-30s %-11s score %.3f  median %6.2f ms  min %6.2f ms  max %6.2f ms%n",
        name,
        first.status(),
        first.score(),
        nanos[runs / 2] / 1e6,
        nanos[0] / 1e6,
        nanos[runs - 1] / 1e6);
  }
}
