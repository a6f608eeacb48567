package org.errata.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long parsing a 1 MiB report of 100 corrections takes. A harness, not a timed test: run it and
 * read the figures (docs/performance.md says how).
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/classes:target/test-classes org.errata.report.ReportParserBenchmark
 * </pre>
 */
public final class ReportParserBenchmark {

  private ReportParserBenchmark() {}

  /**
   * A valid report of {@code corrections} corrections, padded with reasoning to about {@code
   * bytes}.
   */
  static String report(int corrections, int bytes) {
    int perCorrection = bytes / corrections;
    StringBuilder b = new StringBuilder("https://www.example.com/a/long/article\n");
    b.append(corrections).append(" corrections found\n");
    for (int i = 1; i <= corrections; i++) {
      int start = b.length();
      b.append("“Claim number ").append(i).append(" says something overstated”\n");
      b.append("The summary of correction ").append(i).append(" — with curly “quotes” and é.\n");
      b.append("Full reasoning\n");
      List<String> sources = new ArrayList<>();
      for (int s = 1; s <= 5; s++) {
        sources.add(
            "- Help page "
                + s
                + " | Vendor Help Center\nThe quote from page "
                + s
                + "… continues here.\n");
      }
      int sourceBytes = sources.stream().mapToInt(String::length).sum() + 20;
      int line = 0;
      while (b.length() - start + sourceBytes < perCorrection - 120) {
        b.append(line % 4 == 0 ? "- " : "")
            .append("Reasoning line ")
            .append(line++)
            .append(
                ": Anthropic’s documentation distinguishes between regular task execution and computer use.\n");
      }
      b.append("5 sources\n");
      sources.forEach(b::append);
    }
    return b.toString();
  }

  public static void main(String[] args) {
    String text = report(100, 1024 * 1024 - 16 * 1024);
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > 1024 * 1024) {
      throw new AssertionError("the report must fit the 1 MiB limit: " + bytes);
    }
    long cold = System.nanoTime();
    Report parsed = ReportParser.parse(text);
    cold = System.nanoTime() - cold;
    System.out.printf(
        "report: %,d bytes, %d corrections, %,d lines%n",
        bytes, parsed.corrections().size(), text.split("\n").length);
    System.out.printf("first parse in a fresh JVM (cold): %.2f ms%n", cold / 1e6);
    for (int i = 0; i < 200; i++) {
      ReportParser.parse(text); // warm-up: let the JIT compile the parser
    }
    int runs = 101;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Report r = ReportParser.parse(text);
      nanos[i] = System.nanoTime() - t0;
      if (r.corrections().size() != 100) {
        throw new AssertionError("parsed " + r.corrections().size());
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "warm: median %.2f ms, min %.2f ms, p90 %.2f ms, max %.2f ms (%d runs)%n",
        nanos[runs / 2] / 1e6,
        nanos[0] / 1e6,
        nanos[runs * 9 / 10] / 1e6,
        nanos[runs - 1] / 1e6,
        runs);
  }
}
