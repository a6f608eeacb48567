package org.errata.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grammar of report-format.md, followed exactly. */
public class ReportParserTest {

  public static String seed() throws IOException {
    try (InputStream in =
        ReportParserTest.class.getClassLoader().getResourceAsStream("seed/fact-check-report.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theSeedReportParsesIntoExactlyItsParts() throws IOException {
    Report report = ReportParser.parse(seed());
    assertEquals("www.oneusefulthing.org/p/claude-dispatch-and-the-power-of", report.articleUrl());
    assertEquals(1, report.corrections().size());
    Report.Item item = report.corrections().get(0);
    assertEquals("Cowork is sandboxed, safer but more limited", item.claim());
    assertEquals(
        "That overstates Cowork’s isolation. Anthropic says Cowork’s computer-use feature runs"
            + " outside the VM sandbox and interacts with your actual desktop and apps.",
        item.summary());
    assertEquals(
        String.join(
            "\n",
            "Anthropic’s own documentation distinguishes between regular Cowork task execution and"
                + " computer use:",
            "- In Cowork generally, code and shell commands run in an isolated VM.",
            "- But when Claude uses computer use—the capability this article is discussing"
                + " alongside Dispatch and desktop control—Anthropic says it runs outside that VM"
                + " and interacts with your actual desktop and apps.",
            "Anthropic’s help center states that in standard Cowork, “code runs safely in an"
                + " isolated space” and “runs code and shell commands in an isolated virtual"
                + " machine (VM) on your computer.” But Anthropic separately warns that for"
                + " computer use, “Computer use runs outside the virtual machine that Cowork"
                + " normally uses for working on your files and running commands. This means"
                + " Claude is interacting with your actual desktop and apps, rather than an"
                + " isolated sandbox.”",
            "Anthropic’s Dispatch documentation repeats the same point: “Computer use runs outside"
                + " the virtual machine. When Claude uses your apps through computer use, it"
                + " operates outside the Cowork sandbox.”",
            "So describing Cowork flatly as “sandboxed” is inaccurate in this context. The key"
                + " desktop-control capability being highlighted here is specifically not confined"
                + " to the sandbox."),
        item.reasoning());
    assertEquals(
        List.of(
            new Report.Source(
                "Get started with Claude Cowork",
                "Claude Help Center",
                "Cowork runs directly on your computer... Code runs safely in an isolated space..."
                    + " Runs code and shell commands in an isolated virtual machine (VM) on your"
                    + " computer."),
            new Report.Source(
                "Let Claude use your computer in Cowork",
                "Claude Help Center",
                "Computer use runs outside the virtual machine that Cowork normally uses for"
                    + " working on your files and running commands. This means Claude is"
                    + " interacting with your actual desktop and apps, rather than an isolated"
                    + " sandbox."),
            new Report.Source(
                "Assign tasks from anywhere in Claude Cowork",
                "Claude Help Center",
                "Current limitations... Computer use runs outside the virtual machine. When Claude"
                    + " uses your apps through computer use, it operates outside the Cowork"
                    + " sandbox.")),
        item.sources());
  }

  @Test
  void theSeedsPartsAreFoundOnTheirLines() throws IOException {
    ReportParser.Parsed parsed = ReportParser.parseWithPositions(seed());
    ReportParser.Positions p = parsed.positions().get(0);
    assertEquals(3, p.claim());
    assertEquals(4, p.summary());
    assertEquals(6, p.reasoning());
    assertEquals(List.of(13, 15, 17), p.headings());
    assertEquals(List.of(14, 16, 18), p.quotes());
  }

  static final String ONE =
      "example.com/story\n1 correction found\nThe claim\nThe summary.\nFull reasoning\n"
          + "Because.\n1 source\n- Page | Publisher\nThe quote.\n";

  static String lines(String... lines) {
    return String.join("\n", lines);
  }

  /** Broken reports: the line at fault and what the error says. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("empty input", "", 1, "expected the article's URL, but the report is empty"),
        Arguments.of("only blank lines", "\n\n  \n", 1, "but the report is empty"),
        Arguments.of(
            "a sentence instead of a URL",
            lines("Solar is cheap now", "1 correction found"),
            1,
            "expected the article's URL, found \"Solar is cheap now\""),
        Arguments.of(
            "URL only",
            "example.com/a\n",
            2,
            "expected \"N corrections found\", but the report ends"),
        Arguments.of(
            "no count line",
            lines("example.com/a", "Solar produced half of the power"),
            2,
            "line 2: expected \"N corrections found\", found \"Solar produced half of the power\""),
        Arguments.of(
            "singular count written plural",
            ONE.replace("1 correction found", "1 corrections found"),
            2,
            "expected \"1 correction found\", found \"1 corrections found\""),
        Arguments.of(
            "plural count written singular",
            ONE.replace("1 correction found", "2 correction found"),
            2,
            "expected \"2 corrections found\""),
        Arguments.of(
            "zero corrections",
            ONE.replace("1 correction found", "0 corrections found"),
            2,
            "at least one correction"),
        Arguments.of(
            "more than 100",
            ONE.replace("1 correction found", "101 corrections found"),
            2,
            "at most 100 corrections"),
        Arguments.of(
            "fewer corrections than said",
            ONE.replace("1 correction found", "3 corrections found"),
            2,
            "line 2 says 3 corrections, but the report contains 1"),
        Arguments.of(
            "more corrections than said",
            ONE + ONE.substring(ONE.indexOf("The claim")),
            2,
            "line 2 says 1 correction, but the report contains 2"),
        Arguments.of(
            "claim and nothing else",
            lines("example.com/a", "1 correction found", "The claim"),
            3,
            "expected the summary of correction 1, but the report ends"),
        Arguments.of(
            "summary missing",
            lines(
                "example.com/a",
                "1 correction found",
                "The claim",
                "Full reasoning",
                "Because.",
                "1 source",
                "- T",
                "q"),
            4,
            "expected the summary of correction 1, found \"Full reasoning\""),
        Arguments.of(
            "sources where Full reasoning belongs",
            lines(
                "example.com/a",
                "1 correction found",
                "The claim",
                "The summary.",
                "1 source",
                "- T",
                "q"),
            5,
            "line 5: expected \"Full reasoning\" before the sources of correction 1"),
        Arguments.of(
            "Full reasoning misspelled",
            ONE.replace("Full reasoning", "Full Reasoning"),
            5,
            "expected \"Full reasoning\" after the summary of correction 1, found \"Full Reasoning\""),
        Arguments.of(
            "empty reasoning",
            ONE.replace("Because.\n", ""),
            6,
            "expected the full reasoning of correction 1, found \"1 source\""),
        Arguments.of(
            "no source count",
            lines("example.com/a", "1 correction found", "c", "s", "Full reasoning", "Because."),
            6,
            "expected \"N sources\" after the full reasoning of correction 1, but the report ends"),
        Arguments.of(
            "singular source written plural",
            ONE.replace("1 source\n", "1 sources\n"),
            7,
            "expected \"1 source\", found \"1 sources\""),
        Arguments.of(
            "zero sources",
            ONE.replace("1 source\n", "0 sources\n"),
            7,
            "correction 1 must have at least one source"),
        Arguments.of(
            "more sources said than given, pointed at the count",
            ONE.replace("1 source\n", "2 sources\n"),
            7,
            "the report says 2 sources, but correction 1 has 1"),
        Arguments.of(
            "heading without the dash",
            ONE.replace("- Page | Publisher", "Page | Publisher"),
            8,
            "the report says 1 source, but correction 1 has 0"),
        Arguments.of(
            "heading without a title",
            ONE.replace("- Page | Publisher", "-  | Publisher"),
            8,
            "expected a title after \"- \" for source 1 of correction 1"),
        Arguments.of(
            "quote missing at the end",
            lines(
                "example.com/a",
                "1 correction found",
                "c",
                "s",
                "Full reasoning",
                "r",
                "1 source",
                "- Page"),
            8,
            "expected the quote from \"Page\", but the report ends"),
        Arguments.of(
            "second correction cut short",
            ONE.replace("1 correction found", "2 corrections found")
                + "Second claim\nSecond summary\n",
            11,
            "expected \"Full reasoning\" in correction 2, but the report ends"),
        Arguments.of(
            "error after leading blank lines counts them",
            "\n\nexample.com/a\n\nnot a count\n",
            5,
            "line 5: expected \"N corrections found\""),
        Arguments.of(
            "a BOM does not shift line numbers",
            "\uFEFFexample.com/a\nnot a count",
            2,
            "line 2: expected"),
        Arguments.of(
            "CRLF keeps line numbers",
            "example.com/a\r\n1 correction found\r\nc\r\ns\r\nFull Reasoning\r\n",
            5,
            "found \"Full Reasoning\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBrokenReportIsRefusedWithItsLineAndWhatWasExpected(
      String name, String input, int line, String message) {
    ReportFormatException e =
        assertThrows(ReportFormatException.class, () -> ReportParser.parse(input));
    assertEquals(line, e.line, e.sentence());
    assertTrue(e.sentence().contains(message), e.sentence());
    assertTrue(e.sentence().startsWith("line " + line), e.sentence());
  }

  /** Tricky but valid reports and what they parse into. */
  static Stream<Arguments> tricky() {
    Report one =
        new Report(
            "example.com/story",
            List.of(
                new Report.Item(
                    "The claim",
                    "The summary.",
                    "Because.",
                    List.of(new Report.Source("Page", "Publisher", "The quote.")))));
    return Stream.of(
        Arguments.of("plain", ONE, one),
        Arguments.of("CRLF line endings", ONE.replace("\n", "\r\n"), one),
        Arguments.of("a byte-order mark", "\uFEFF" + ONE, one),
        Arguments.of("no newline at the end", ONE.strip(), one),
        Arguments.of(
            "blank lines and trailing white space everywhere",
            "\n" + ONE.replace("\n", "  \n\n\t\n"),
            one),
        Arguments.of("claim in curly quotes", ONE.replace("The claim", "“The claim”"), one),
        Arguments.of("claim in straight quotes", ONE.replace("The claim", "\"The claim\""), one),
        Arguments.of(
            "heading without publisher",
            ONE.replace("- Page | Publisher", "- Page"),
            with(one, new Report.Source("Page", null, "The quote."))),
        Arguments.of(
            "title containing | splits at the last one",
            ONE.replace("- Page | Publisher", "- Pricing | Plans | Vendor Docs"),
            with(one, new Report.Source("Pricing | Plans", "Vendor Docs", "The quote."))),
        Arguments.of(
            "title with a bar but no spaces around it",
            ONE.replace("- Page | Publisher", "- A|B"),
            with(one, new Report.Source("A|B", null, "The quote."))),
        Arguments.of(
            "blank lines inside the reasoning separate paragraphs",
            ONE.replace("Because.\n", "First.\n\n\nSecond.\n- bullet\n\n"),
            new Report(
                "example.com/story",
                List.of(
                    new Report.Item(
                        "The claim",
                        "The summary.",
                        "First.\n\nSecond.\n- bullet",
                        one.corrections().get(0).sources())))),
        Arguments.of(
            "Unicode kept exactly",
            ONE.replace("The quote.", "Ça coûte 5 €—“vraiment” 🙂 e\u0301 日本語"),
            with(
                one,
                new Report.Source("Page", "Publisher", "Ça coûte 5 €—“vraiment” 🙂 e\u0301 日本語"))),
        Arguments.of(
            "a quote line may start with a dash",
            ONE.replace("The quote.", "- not a heading"),
            with(one, new Report.Source("Page", "Publisher", "- not a heading"))),
        Arguments.of(
            "URL with scheme",
            ONE.replace("example.com/story", "https://www.example.com/story?id=1"),
            new Report("https://www.example.com/story?id=1", one.corrections())));
  }

  static Report with(Report report, Report.Source source) {
    Report.Item item = report.corrections().get(0);
    return new Report(
        report.articleUrl(),
        List.of(new Report.Item(item.claim(), item.summary(), item.reasoning(), List.of(source))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tricky")
  void trickyButValidReportsParseExactly(String name, String input, Report expected) {
    assertEquals(expected, ReportParser.parse(input));
    assertEquals(expected, ReportParser.parse(ReportWriter.render(expected)), "and round-trips");
  }

  @Test
  void severalCorrectionsKeepTheirOrder() {
    String two =
        ONE.replace("1 correction found", "2 corrections found")
            + "\nSecond claim\nSecond summary\nFull reasoning\nR2\n2 sources\n- A\nqa\n- B | P\nqb";
    Report report = ReportParser.parse(two);
    assertEquals(2, report.corrections().size());
    assertEquals("Second claim", report.corrections().get(1).claim());
    assertEquals(2, report.corrections().get(1).sources().size());
    assertNull(report.corrections().get(1).sources().get(0).publisher());
  }

  /** Property: writing any report and reading it back gives the same report. */
  @Test
  void renderingAParsedReportAndParsingItAgainGivesTheSameValue() throws IOException {
    Random random = new Random(20261127);
    for (int i = 0; i < 500; i++) {
      Report report = randomReport(random);
      String text = ReportWriter.render(report);
      assertEquals(report, ReportParser.parse(text), text);
      String crlf = text.replace("\n", "\r\n");
      assertEquals(report, ReportParser.parse(crlf));
    }
    Report seed = ReportParser.parse(seed());
    assertEquals(seed, ReportParser.parse(ReportWriter.render(seed)));
  }

  private static final String[] WORDS = {
    "Cowork",
    "sandbox",
    "runs",
    "outside",
    "the",
    "VM",
    "—",
    "“quoted”",
    "‘single’",
    "\"plain\"",
    "5%",
    "€",
    "🙂",
    "日本語",
    "é",
    "e\u0301",
    "|",
    "-",
    "1",
    "sources",
    "correction",
    "found",
    "...",
    "…",
    "a | b",
    "Full",
    "reasoning",
    "tab\there",
    "naïve",
    "Ω"
  };

  static String phrase(Random random, int maxWords) {
    int n = 1 + random.nextInt(maxWords);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.toString().strip();
  }

  static String line(Random random, int maxWords, boolean mayBeSpecial) {
    while (true) {
      String s = phrase(random, maxWords);
      boolean special =
          s.equals(ReportParser.FULL_REASONING)
              || s.matches("\\d+ sources?")
              || s.matches("\\d+ corrections? found");
      if (mayBeSpecial || !special) {
        return s;
      }
    }
  }

  static Report randomReport(Random random) {
    List<Report.Item> items = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      List<String> reasoning = new ArrayList<>();
      int lines = 1 + random.nextInt(5);
      for (int l = 0; l < lines; l++) {
        if (l > 0 && !reasoning.get(reasoning.size() - 1).isEmpty() && random.nextInt(4) == 0) {
          reasoning.add("");
        }
        String text = line(random, 12, false);
        reasoning.add(random.nextInt(3) == 0 ? "- " + text : text);
      }
      List<Report.Source> sources = new ArrayList<>();
      int m = 1 + random.nextInt(3);
      for (int s = 0; s < m; s++) {
        // A publisher holds no "|": the last " | " of a heading splits it from the title.
        String publisher = random.nextBoolean() ? null : line(random, 3, true).replace("|", "/");
        String title = line(random, 6, true);
        if (title.startsWith("-") || title.endsWith("|")) {
          title = "T " + title + " T";
        }
        if (publisher == null) {
          // Without a publisher, a " | " in the title would be read as the split.
          while (title.contains(" | ")) {
            title = title.replace(" | ", " / ");
          }
        }
        sources.add(new Report.Source(title, publisher, line(random, 20, true)));
      }
      String claim = line(random, 8, true);
      items.add(
          new Report.Item(claim, line(random, 20, false), String.join("\n", reasoning), sources));
    }
    return new Report("example.com/" + random.nextInt(1000), items);
  }
}
