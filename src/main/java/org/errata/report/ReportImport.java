package org.errata.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.errata.account.Account;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionContent;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Field;
import org.errata.source.QuotedSource;

/**
 * Turns a fact-check report into DRAFT corrections for humans to review: all of them in one
 * transaction, or none when any part of the report is refused. Import never publishes.
 */
@ApplicationScoped
public class ReportImport {

  /** 1 MiB, as report-format.md says. */
  public static final int MAX_BYTES = 1024 * 1024;

  @Inject CorrectionDesk desk;

  /** The report is over {@link #MAX_BYTES}. */
  public static class TooLarge extends RuntimeException {
    public TooLarge(long bytes) {
      super(
          "The report is "
              + String.format("%,d", bytes)
              + " bytes, more than the 1 MiB (1,048,576 bytes) a report may have. Split it into"
              + " smaller reports.",
          null,
          false,
          false);
    }
  }

  /** Imports the report in {@code bytes} (UTF-8) as drafts written by {@code by}. */
  @Transactional
  public List<Correction> importBytes(byte[] bytes, Account by) {
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge(bytes.length);
    }
    return importText(decode(bytes), by);
  }

  /** Imports a report already read as text (a pasted report). */
  @Transactional
  public List<Correction> importText(String text, Account by) {
    long size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_BYTES) {
      throw new TooLarge(size);
    }
    ReportParser.Parsed parsed = ReportParser.parseWithPositions(text);
    Report report = parsed.report();
    List<CorrectionContent> drafts = new ArrayList<>();
    for (int i = 0; i < report.corrections().size(); i++) {
      CorrectionContent content = content(report.articleUrl(), report.corrections().get(i));
      List<CorrectionDesk.Problem> problems = desk.problems(content);
      if (!problems.isEmpty()) {
        throw atLine(parsed, i, problems.get(0));
      }
      drafts.add(content);
    }
    String note =
        "Imported from a fact-check report about "
            + report.articleUrl()
            + " on "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + ".";
    return desk.importDrafts(drafts, by, note);
  }

  /**
   * The one mapping from a report's correction to what an editor writes (import and demo alike).
   */
  public static CorrectionContent content(String articleUrl, Report.Item item) {
    List<QuotedSource> sources =
        item.sources().stream()
            .map(s -> new QuotedSource(s.title(), s.publisher(), null, s.quote()))
            .toList();
    return new CorrectionContent(
            articleUrl, item.claim(), item.summary(), item.reasoning(), null, sources)
        .normalized();
  }

  /** A field problem of correction {@code index}, told as the report line it comes from. */
  private static ReportFormatException atLine(
      ReportParser.Parsed parsed, int index, CorrectionDesk.Problem problem) {
    ReportParser.Positions at = parsed.positions().get(index);
    String path = problem.field();
    Field field = Field.ofPath(path).orElse(Field.PASSAGE);
    int line =
        switch (field) {
          case ARTICLE_URL -> parsed.urlLine();
          case SUMMARY -> at.summary();
          case REASONING -> at.reasoning();
          case SOURCES -> {
            int open = path.indexOf('[');
            if (open < 0) {
              yield at.claim();
            }
            int source = Integer.parseInt(path.substring(open + 1, path.indexOf(']')));
            yield path.endsWith("quote") ? at.quotes().get(source) : at.headings().get(source);
          }
          default -> at.claim();
        };
    String where = field == Field.ARTICLE_URL ? "" : "correction " + (index + 1) + ": ";
    return new ReportFormatException(line, where + problem.message());
  }

  /** Strict UTF-8: a byte that is not UTF-8 is an error naming its line, never mojibake. */
  static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ReportFormatException(
          line,
          String.format(
              "the report is not UTF-8 text: byte 0x%02X cannot be read. Save the file as UTF-8"
                  + " (most editors offer it under \"Save as\" or \"Encoding\") and import it"
                  + " again",
              bytes[offset] & 0xFF));
    }
    try {
      CoderResult flushed = decoder.flush(out);
      if (flushed.isError()) {
        flushed.throwException();
      }
    } catch (CharacterCodingException e) {
      throw new ReportFormatException(1, "the report is not UTF-8 text");
    }
    out.flip();
    return out.toString();
  }
}
