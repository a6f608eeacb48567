package org.errata.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text report format of {@code report-format.md}. A report that breaks the grammar
 * is refused whole with the line and what was expected there.
 */
public final class ReportParser {

  public static final int MAX_CORRECTIONS = 100;
  public static final int MAX_SOURCES = 20;
  static final String FULL_REASONING = "Full reasoning";

  private static final Pattern COUNT = Pattern.compile("(\\d{1,9}) (corrections?) found");
  private static final Pattern SOURCE_COUNT = Pattern.compile("(\\d{1,9}) (sources?)");

  private final String[] lines;
  private int next; // index of the next unread line
  private final List<Positions> positions = new ArrayList<>();
  private int urlLine;

  /** Where each part of one correction stands in the input, 1-based, for error messages. */
  public record Positions(
      int claim, int summary, int reasoning, List<Integer> headings, List<Integer> quotes) {}

  /** A parsed report, the line of its URL, and where each correction's parts were found. */
  public record Parsed(Report report, int urlLine, List<Positions> positions) {}

  private ReportParser(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] raw = body.split("\n", -1);
    int count = raw.length;
    // "a\n" is one line, not two: a final newline ends the last line rather than starting one.
    if (count > 1 && raw[count - 1].isEmpty()) {
      count--;
    }
    lines = new String[count];
    for (int i = 0; i < count; i++) {
      lines[i] = raw[i].stripTrailing();
    }
  }

  /** Parses {@code text}; throws {@link ReportFormatException} naming the line at fault. */
  public static Report parse(String text) {
    return parseWithPositions(text).report();
  }

  /** Like {@link #parse}, also telling on which line each part of each correction stands. */
  public static Parsed parseWithPositions(String text) {
    ReportParser parser = new ReportParser(text);
    Report report = parser.report();
    return new Parsed(
        report,
        parser.urlLine,
        List.copyOf(parser.positions.subList(0, report.corrections().size())));
  }

  private Report report() {
    int urlLine = skipBlank();
    if (urlLine < 0) {
      throw new ReportFormatException(1, "expected the article's URL, but the report is empty");
    }
    this.urlLine = urlLine;
    String articleUrl = take();
    if (articleUrl.contains(" ") || !articleUrl.contains(".")) {
      throw error(urlLine, "expected the article's URL", articleUrl);
    }

    int countLine = skipBlank();
    if (countLine < 0) {
      throw new ReportFormatException(
          urlLine + 1, "expected \"N corrections found\", but the report ends");
    }
    String countText = take();
    Matcher count = COUNT.matcher(countText);
    if (!count.matches()) {
      throw error(countLine, "expected \"N corrections found\"", countText);
    }
    int expected = Integer.parseInt(count.group(1));
    checkAgreement(countLine, expected, count.group(2), "correction", " found", countText);
    if (expected == 0) {
      throw new ReportFormatException(countLine, "a report must contain at least one correction");
    }
    if (expected > MAX_CORRECTIONS) {
      throw new ReportFormatException(
          countLine,
          "a report can contain at most "
              + MAX_CORRECTIONS
              + " corrections, this one says "
              + expected);
    }

    List<Report.Item> items = new ArrayList<>();
    while (skipBlank() >= 0) {
      if (items.size() == expected) {
        int extra = countRemaining(items.size());
        throw new ReportFormatException(
            countLine,
            "line "
                + countLine
                + " says "
                + plural(expected, "correction")
                + ", but the report contains "
                + extra);
      }
      items.add(correction(items.size() + 1));
    }
    if (items.size() < expected) {
      throw new ReportFormatException(
          countLine,
          "line "
              + countLine
              + " says "
              + plural(expected, "correction")
              + ", but the report contains "
              + items.size());
    }
    return new Report(articleUrl, items);
  }

  // After the stated number of corrections, count how many the report really holds, for the error.
  private int countRemaining(int parsed) {
    int total = parsed;
    try {
      while (skipBlank() >= 0 && total < 10_000) {
        correction(total + 1);
        total++;
      }
      return total;
    } catch (ReportFormatException e) {
      return total + 1;
    }
  }

  private Report.Item correction(int n) {
    int claimLine = skipBlank();
    String claim = unquote(take());
    if (claim.isBlank()) {
      throw new ReportFormatException(claimLine, "the claim of correction " + n + " is empty");
    }

    int summaryLine = skipBlank();
    if (summaryLine < 0) {
      throw ended(claimLine, "the summary of correction " + n);
    }
    String summary = take();
    if (summary.equals(FULL_REASONING) || SOURCE_COUNT.matcher(summary).matches()) {
      throw error(summaryLine, "expected the summary of correction " + n, summary);
    }

    int headerLine = skipBlank();
    if (headerLine < 0) {
      throw ended(summaryLine, "\"" + FULL_REASONING + "\" in correction " + n);
    }
    String header = take();
    if (!header.equals(FULL_REASONING)) {
      if (SOURCE_COUNT.matcher(header).matches()) {
        throw new ReportFormatException(
            headerLine,
            "expected \"" + FULL_REASONING + "\" before the sources of correction " + n);
      }
      throw error(
          headerLine,
          "expected \"" + FULL_REASONING + "\" after the summary of correction " + n,
          header);
    }

    List<String> reasoning = new ArrayList<>();
    int sourceCountLine = -1;
    Matcher sourceCount = null;
    while (next < lines.length) {
      String line = lines[next];
      Matcher m = SOURCE_COUNT.matcher(line);
      if (m.matches()) {
        sourceCountLine = next + 1;
        sourceCount = m;
        next++;
        break;
      }
      if (line.isBlank()) {
        if (!reasoning.isEmpty() && !reasoning.get(reasoning.size() - 1).isEmpty()) {
          reasoning.add("");
        }
      } else {
        reasoning.add(line);
      }
      next++;
    }
    while (!reasoning.isEmpty() && reasoning.get(reasoning.size() - 1).isEmpty()) {
      reasoning.remove(reasoning.size() - 1);
    }
    if (sourceCount == null) {
      throw ended(lastLine(), "\"N sources\" after the full reasoning of correction " + n);
    }
    if (reasoning.isEmpty()) {
      throw error(
          sourceCountLine,
          "expected the full reasoning of correction " + n,
          lines[sourceCountLine - 1]);
    }
    int sources = Integer.parseInt(sourceCount.group(1));
    checkAgreement(
        sourceCountLine, sources, sourceCount.group(2), "source", "", lines[sourceCountLine - 1]);
    if (sources == 0) {
      throw new ReportFormatException(
          sourceCountLine, "correction " + n + " must have at least one source");
    }
    if (sources > MAX_SOURCES) {
      throw new ReportFormatException(
          sourceCountLine,
          "a correction can have at most "
              + MAX_SOURCES
              + " sources, correction "
              + n
              + " says "
              + sources);
    }

    List<Report.Source> found = new ArrayList<>();
    List<Integer> headingLines = new ArrayList<>();
    List<Integer> quoteLines = new ArrayList<>();
    for (int j = 1; j <= sources; j++) {
      int headingLine = skipBlank();
      if (headingLine < 0 || !lines[headingLine - 1].startsWith("- ")) {
        // The report ends before the count is reached: the count is what to fix, so point at it.
        // A line that is not a heading is pointed at itself (a "- " may be all it lacks).
        int at = headingLine < 0 ? sourceCountLine : headingLine;
        throw new ReportFormatException(
            at,
            "the report says "
                + plural(sources, "source")
                + ", but correction "
                + n
                + " has "
                + (j - 1));
      }
      // Split before trimming: in "-  | Publisher" the title is empty, not "| Publisher".
      String heading = take().substring(2);
      String title = heading.strip();
      String publisher = null;
      int bar = heading.lastIndexOf(" | ");
      if (bar >= 0) {
        title = heading.substring(0, bar).strip();
        publisher = heading.substring(bar + 3).strip();
        if (publisher.isEmpty()) {
          publisher = null;
        }
      }
      if (title.isEmpty()) {
        throw new ReportFormatException(
            headingLine, "expected a title after \"- \" for source " + j + " of correction " + n);
      }
      int quoteLine = skipBlank();
      if (quoteLine < 0) {
        throw ended(headingLine, "the quote from \"" + title + "\"");
      }
      found.add(new Report.Source(title, publisher, take()));
      headingLines.add(headingLine);
      quoteLines.add(quoteLine);
    }
    positions.add(new Positions(claimLine, summaryLine, headerLine + 1, headingLines, quoteLines));
    return new Report.Item(claim, summary, String.join("\n", reasoning), found);
  }

  private static void checkAgreement(
      int line, int n, String noun, String singular, String tail, String found) {
    boolean plural = noun.endsWith("s");
    if (plural == (n == 1)) {
      throw error(line, "expected \"" + plural(n, singular) + tail + "\"", found);
    }
  }

  /** “The claim” and "the claim" are stored without their outer marks. */
  static String unquote(String claim) {
    if (claim.length() >= 2
        && ((claim.startsWith("“") && claim.endsWith("”"))
            || (claim.startsWith("\"") && claim.endsWith("\"")))) {
      return claim.substring(1, claim.length() - 1).strip();
    }
    return claim;
  }

  static String plural(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  /** The 1-based number of the next non-blank line, or -1 at the end; does not consume it. */
  private int skipBlank() {
    while (next < lines.length && lines[next].isBlank()) {
      next++;
    }
    return next < lines.length ? next + 1 : -1;
  }

  private String take() {
    return lines[next++];
  }

  private int lastLine() {
    int i = lines.length;
    while (i > 1 && lines[i - 1].isBlank()) {
      i--;
    }
    return Math.max(i, 1);
  }

  private static ReportFormatException error(int line, String expected, String found) {
    return new ReportFormatException(line, expected + ", found \"" + shorten(found) + "\"");
  }

  private static ReportFormatException ended(int line, String expected) {
    return new ReportFormatException(line, "expected " + expected + ", but the report ends");
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }
}
