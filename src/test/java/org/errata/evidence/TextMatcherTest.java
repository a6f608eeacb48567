package org.errata.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.errata.source.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finding passages and quotes in page text: one row per behaviour. */
class TextMatcherTest {

  static final String PAGE =
      "Get started with Cowork\n\nCowork runs directly on your computer. Code runs safely in an"
          + " isolated space. It runs code and shell commands in an isolated virtual machine (VM)"
          + " on your computer.\nComputer use runs outside the virtual machine that Cowork"
          + " normally uses for working on your files and running commands.";

  static Stream<Arguments> cases() {
    return Stream.of(
        // name, needle, text, expected status, expected matched text (null: none)
        row(
            "exact sentence",
            "Code runs safely in an isolated space.",
            PAGE,
            CheckStatus.EXACT,
            "Code runs safely in an isolated space."),
        row("exact at the very start", "Get started", PAGE, CheckStatus.EXACT, "Get started"),
        row(
            "exact at the very end",
            "running commands.",
            PAGE,
            CheckStatus.EXACT,
            "running commands."),
        row(
            "exact across a line break in the needle",
            "computer.\nComputer use",
            PAGE,
            CheckStatus.EXACT,
            "computer.\nComputer use"),
        row("the whole text", "abc def", "abc def", CheckStatus.EXACT, "abc def"),
        row(
            "surrounding white space in the quote is ignored",
            "  Code runs safely  ",
            PAGE,
            CheckStatus.EXACT,
            "Code runs safely"),
        row(
            "case folded",
            "code RUNS safely in an ISOLATED space",
            PAGE,
            CheckStatus.NORMALIZED,
            "Code runs safely in an isolated space"),
        row(
            "several spaces fold to one",
            "Code   runs\tsafely",
            PAGE,
            CheckStatus.NORMALIZED,
            "Code runs safely"),
        row(
            "line break in the page folds to a space",
            "on your computer. Computer use runs",
            PAGE,
            CheckStatus.NORMALIZED,
            "on your computer.\nComputer use runs"),
        row(
            "non-breaking space in the page",
            "runs safely",
            "Code runs\u00A0safely here",
            CheckStatus.NORMALIZED,
            "runs\u00A0safely"),
        row(
            "narrow no-break space",
            "10 000 users",
            "about 10\u202F000 users",
            CheckStatus.NORMALIZED,
            "10\u202F000 users"),
        row(
            "curly quotes in the page, straight in the quote",
            "the \"sandbox\" mode",
            "in the “sandbox” mode",
            CheckStatus.NORMALIZED,
            "the “sandbox” mode"),
        row(
            "straight apostrophe vs curly",
            "Anthropic's docs",
            "Anthropic’s docs say",
            CheckStatus.NORMALIZED,
            "Anthropic’s docs"),
        row(
            "em dash vs hyphen",
            "use-the capability",
            "computer use—the capability",
            CheckStatus.NORMALIZED,
            "use—the capability"),
        row(
            "spaced hyphen vs unspaced em dash is near",
            "use - the capability",
            "computer use—the capability",
            CheckStatus.APPROXIMATE,
            null),
        row(
            "en dash vs hyphen",
            "2020-2024",
            "from 2020–2024 inclusive",
            CheckStatus.NORMALIZED,
            "2020–2024"),
        row(
            "zero-width space in the page",
            "isolated",
            "iso\u200Blated VM",
            CheckStatus.NORMALIZED,
            "iso\u200Blated"),
        row(
            "soft hyphen in the page",
            "virtual machine",
            "virtu\u00ADal machine",
            CheckStatus.NORMALIZED,
            "virtu\u00ADal machine"),
        row(
            "ellipsis with three dots",
            "Cowork runs directly on your computer... Code runs safely in an isolated space",
            PAGE,
            CheckStatus.EXACT,
            "Cowork runs directly on your computer. Code runs safely in an isolated space"),
        row(
            "ellipsis character",
            "Cowork runs directly…isolated virtual machine (VM)",
            PAGE,
            CheckStatus.EXACT,
            null),
        row(
            "ellipsis with three parts",
            "Cowork runs directly on your computer... Code runs safely in an isolated space... Runs code and shell commands",
            PAGE,
            CheckStatus.NORMALIZED,
            null),
        row(
            "ellipsis parts out of order are not found",
            "running commands... Cowork runs directly",
            PAGE,
            CheckStatus.NOT_FOUND,
            null),
        row(
            "ellipsis with one part missing",
            "Cowork runs directly... a sentence that is not there at all",
            PAGE,
            CheckStatus.NOT_FOUND,
            null),
        row(
            "leading ellipsis",
            "...runs safely in an isolated space",
            PAGE,
            CheckStatus.EXACT,
            "runs safely in an isolated space"),
        row(
            "trailing ellipsis",
            "Computer use runs outside the virtual machine…",
            PAGE,
            CheckStatus.EXACT,
            "Computer use runs outside the virtual machine"),
        row(
            "one typo",
            "Code runs safley in an isolated space.",
            PAGE,
            CheckStatus.APPROXIMATE,
            "Code runs safely in an isolated space."),
        row(
            "a missing word",
            "It runs code and commands in an isolated virtual machine (VM) on your computer.",
            PAGE,
            CheckStatus.APPROXIMATE,
            null),
        row(
            "British spelling",
            "Computer use runs outside the virtual machine that Cowork normally uses for working on your files",
            PAGE.replace("normally", "normaly"),
            CheckStatus.APPROXIMATE,
            null),
        row(
            "a different sentence",
            "The moon is made of cheese and nobody disputes it.",
            PAGE,
            CheckStatus.NOT_FOUND,
            null),
        row(
            "half the words changed",
            "Code walks slowly in a crowded place.",
            PAGE,
            CheckStatus.NOT_FOUND,
            null),
        row("empty page", "anything", "", CheckStatus.NOT_FOUND, null),
        row("blank quote", "   ", PAGE, CheckStatus.NOT_FOUND, null),
        row("only dots", "...", PAGE, CheckStatus.NOT_FOUND, null),
        row("a short needle not on the page", "xyz", PAGE, CheckStatus.NOT_FOUND, null),
        row(
            "German umlauts kept",
            "Größe der Datei",
            "Die Größe der Datei ist klein",
            CheckStatus.EXACT,
            "Größe der Datei"),
        row("German case folded", "GRÖSSE", "die größe", CheckStatus.NOT_FOUND, null),
        row(
            "Greek case folded",
            "ΚΑΛΗΜΕΡΑ κόσμε",
            "καλημερα κόσμε!",
            CheckStatus.NORMALIZED,
            "καλημερα κόσμε"),
        row("Japanese", "日本語のテキスト", "これは日本語のテキストです", CheckStatus.EXACT, "日本語のテキスト"),
        row(
            "emoji kept",
            "ship it 🚀 today",
            "we ship it 🚀 today",
            CheckStatus.EXACT,
            "ship it 🚀 today"),
        row(
            "emoji with case folding around it",
            "Ship It 🚀",
            "we ship it 🚀 today",
            CheckStatus.NORMALIZED,
            "ship it 🚀"),
        row(
            "right-to-left text",
            "مرحبا بالعالم",
            "نص: مرحبا بالعالم.",
            CheckStatus.EXACT,
            "مرحبا بالعالم"),
        row(
            "quote longer than the page",
            PAGE + " and more words",
            PAGE,
            CheckStatus.APPROXIMATE,
            null),
        row(
            "HTML entities already decoded",
            "Terms & Conditions",
            "Read the Terms & Conditions.",
            CheckStatus.EXACT,
            "Terms & Conditions"));
  }

  static Arguments row(
      String name, String needle, String text, CheckStatus status, String matched) {
    return Arguments.of(name, needle, text, status, matched);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsWhatIsThereAndNothingElse(
      String name, String needle, String text, CheckStatus status, String matched) {
    TextMatcher.Match match = TextMatcher.find(needle, text);
    assertEquals(status, match.status(), name + " (score " + match.score() + ")");
    if (status.found()) {
      assertTrue(match.score() >= TextMatcher.THRESHOLD, "score " + match.score());
      assertTrue(match.start() >= 0 && match.end() <= text.length() && match.start() < match.end());
      if (matched != null) {
        assertEquals(matched, text.substring(match.start(), match.end()));
      }
      assertEquals(text.substring(Math.max(0, match.start() - 32), match.start()), match.prefix());
      assertEquals(
          text.substring(match.end(), Math.min(text.length(), match.end() + 32)), match.suffix());
    } else {
      assertTrue(match.score() < TextMatcher.THRESHOLD);
    }
  }

  @Test
  void exactAndFoldedMatchesScoreOne() {
    assertEquals(1.0, TextMatcher.find("Code runs", PAGE).score());
    assertEquals(1.0, TextMatcher.find("code RUNS", PAGE).score());
  }

  @Test
  void anApproximateMatchScoresBetweenThresholdAndOne() {
    TextMatcher.Match m = TextMatcher.find("Code runs safley in an isolated space.", PAGE);
    assertTrue(m.score() >= 0.8 && m.score() < 1.0, "score " + m.score());
  }

  @Test
  void aNotFoundQuoteStillReportsItsBestScore() {
    TextMatcher.Match m = TextMatcher.find("Code walks slowly in a crowded place.", PAGE);
    assertEquals(CheckStatus.NOT_FOUND, m.status());
    assertTrue(m.score() > 0 && m.score() < 0.8, "score " + m.score());
  }

  static final String REPEATED =
      "Intro. The plan is free. Pricing section: The plan is free. For students only. Footer: The"
          + " plan is free. Contact us.";

  @Test
  void aRepeatedPassageIsTheOneThePrefixAndSuffixSelect() {
    int second = REPEATED.indexOf("The plan is free", REPEATED.indexOf("Pricing"));
    TextMatcher.Match m =
        TextMatcher.find("The plan is free", REPEATED, "Pricing section: ", ". For students");
    assertEquals(second, m.start());
    int third = REPEATED.lastIndexOf("The plan is free");
    TextMatcher.Match footer = TextMatcher.find("The plan is free", REPEATED, "Footer: ", null);
    assertEquals(third, footer.start());
    assertEquals(
        REPEATED.indexOf("The plan is free"),
        TextMatcher.find("The plan is free", REPEATED).start(),
        "no hint: the first");
  }

  @Test
  void aRepeatedFoldedPassageIsAlsoSelectedByItsSurroundings() {
    TextMatcher.Match m = TextMatcher.find("THE PLAN IS FREE", REPEATED, "Footer: ", ". Contact");
    assertEquals(CheckStatus.NORMALIZED, m.status());
    assertEquals(REPEATED.lastIndexOf("The plan is free"), m.start());
  }

  @Test
  void aQuoteFoundInAVeryLongTextIsFoundWhereItIs() {
    String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(30_000);
    String text = filler + PAGE + filler;
    TextMatcher.Match exact = TextMatcher.find("Code runs safely in an isolated space.", text);
    assertEquals(filler.length() + PAGE.indexOf("Code runs safely"), exact.start());
    TextMatcher.Match near = TextMatcher.find("Code runs safley in an isolatd space.", text);
    assertEquals(CheckStatus.APPROXIMATE, near.status());
    assertTrue(Math.abs(near.start() - (filler.length() + PAGE.indexOf("Code runs safely"))) <= 2);
  }
}
