package org.errata.correction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.errata.article.ArticleAddress;
import org.errata.source.QuotedSource;
import org.errata.text.PlainText;

/**
 * What an editor writes: the article, the passage, summary, reasoning, verdict and sources. The
 * limits here are the ones the forms state and the API enforces.
 */
public class CorrectionContent {

  public static final int ARTICLE_URL_MAX = 2000;
  public static final int PASSAGE_MAX = 2000;
  public static final int SUMMARY_MAX = 3000;
  public static final int REASONING_MAX = 20000;
  public static final int VERDICT_MAX = 60;
  public static final int SOURCES_MAX = 20;

  @ArticleAddress
  @Size(
      max = ARTICLE_URL_MAX,
      message = "The article address can be at most " + ARTICLE_URL_MAX + " characters.")
  public String articleUrl;

  @NotBlank(message = "Enter the passage: the exact words of the article the correction is about.")
  @PlainText(value = "The passage", words = true)
  @Size(max = PASSAGE_MAX, message = "The passage can be at most " + PASSAGE_MAX + " characters.")
  public String passage;

  @NotBlank(message = "Enter the summary: the correction in one paragraph.")
  @PlainText(value = "The summary", words = true)
  @Size(max = SUMMARY_MAX, message = "The summary can be at most " + SUMMARY_MAX + " characters.")
  public String summary;

  @NotBlank(message = "Enter the full reasoning.")
  @PlainText(value = "The full reasoning", words = true)
  @Size(
      max = REASONING_MAX,
      message = "The full reasoning can be at most " + REASONING_MAX + " characters.")
  public String reasoning;

  @PlainText("The verdict")
  @Size(max = VERDICT_MAX, message = "The verdict can be at most " + VERDICT_MAX + " characters.")
  public String verdict;

  @NotEmpty(message = "Add at least one source.")
  @Size(max = SOURCES_MAX, message = "A correction can have at most " + SOURCES_MAX + " sources.")
  public List<@Valid QuotedSource> sources = new ArrayList<>();

  public CorrectionContent() {}

  public CorrectionContent(
      String articleUrl,
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<QuotedSource> sources) {
    this.articleUrl = articleUrl;
    this.passage = passage;
    this.summary = summary;
    this.reasoning = reasoning;
    this.verdict = verdict;
    this.sources = sources == null ? new ArrayList<>() : new ArrayList<>(sources);
  }

  /**
   * The same content with surrounding white space trimmed, line breaks as LF, empty optional parts
   * as null and wholly empty source rows dropped.
   */
  public CorrectionContent normalized() {
    List<QuotedSource> kept = new ArrayList<>();
    for (QuotedSource source : sources == null ? List.<QuotedSource>of() : sources) {
      if (source != null && !source.isBlank()) {
        kept.add(source.normalized());
      }
    }
    return new CorrectionContent(
        strip(articleUrl),
        oneLine(strip(passage)),
        strip(summary),
        strip(reasoning),
        blankToNull(verdict),
        kept);
  }

  /** A fingerprint of everything a reader sees, pinned when a reviewer approves. */
  public String hash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<String> parts = new ArrayList<>(List.of(n(articleUrl), n(passage), n(summary)));
      parts.add(n(reasoning));
      parts.add(n(verdict));
      for (QuotedSource s : sources) {
        parts.add(n(s.title));
        parts.add(n(s.publisher));
        parts.add(n(s.url));
        parts.add(n(s.quote));
        // Only when used, so content approved before offline sources existed keeps its hash.
        if (s.offline) {
          parts.add("offline");
          parts.add(n(s.offlineNote));
        }
      }
      for (String part : parts) {
        // Length-prefixed, so no two different contents can produce the same byte stream.
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The words of a version, as stored to compare with later. */
  private record Seen(
      String articleUrl,
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<SeenSource> sources) {}

  private record SeenSource(
      String title, String publisher, String url, String quote, boolean offline, String note) {}

  /** These words as text to keep (what a reviewer saw when requesting changes). */
  public String toSnapshot() {
    try {
      return JSON.writeValueAsString(
          new Seen(
              articleUrl,
              passage,
              summary,
              reasoning,
              verdict,
              sources.stream()
                  .map(
                      s ->
                          new SeenSource(
                              s.title, s.publisher, s.url, s.quote, s.offline, s.offlineNote))
                  .toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The words kept by {@link #toSnapshot}. */
  public static CorrectionContent fromSnapshot(String json) {
    try {
      Seen seen = JSON.readValue(json, Seen.class);
      return new CorrectionContent(
          seen.articleUrl(),
          seen.passage(),
          seen.summary(),
          seen.reasoning(),
          seen.verdict(),
          seen.sources().stream()
              .map(
                  s -> {
                    QuotedSource q = new QuotedSource(s.title(), s.publisher(), s.url(), s.quote());
                    return s.offline() ? q.offline(s.note()) : q;
                  })
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String n(String s) {
    return s == null ? "\u0000" : s;
  }

  private static String strip(String s) {
    return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\n\\s*", " ");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
