package org.errata.correction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.errata.account.Account;
import org.errata.article.ArticleAlias;
import org.errata.source.Check;
import org.errata.source.PageFetcher;
import org.errata.source.QuotedSource;
import org.errata.source.Snapshot;
import org.errata.source.TextMatcher;

/**
 * Checks a correction's passage against the article and each quote against its page, from text an
 * editor pasted or from the page fetched. Fetching happens outside any transaction (it may take
 * seconds); storing the snapshot and the result is one short transaction.
 */
@ApplicationScoped
public class Verification {

  /** Pasted page text is held to the same size as a fetched page. */
  public static final int MAX_TEXT = PageFetcher.MAX_BYTES;

  @Inject PageFetcher fetcher;
  @Inject CorrectionDesk desk;

  public boolean canFetch() {
    return fetcher.isEnabled();
  }

  /** Checks the passage against the article's text as the editor copied it. */
  public void checkPassageText(long id, String text, Account by) {
    String page = pasted(text, "the article's text");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Snapshot snapshot = Snapshot.pasted(page, Instant.now());
              snapshot.persist();
              matchPassage(desk.find(id), snapshot, by, "against pasted text");
            });
  }

  /** Fetches the article and checks the passage; its rel=canonical becomes an alias. */
  public void fetchPassage(long id, Account by) {
    String url = QuarkusTransaction.requiringNew().call(() -> fetchable(desk.find(id).articleUrl));
    PageFetcher.Fetched page = fetcher.fetch(url);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Correction c = desk.find(id);
              Snapshot snapshot = Snapshot.fetched(page);
              snapshot.persist();
              if (page.canonicalUrl() != null) {
                ArticleAlias.add(c.article, page.canonicalUrl());
              }
              matchPassage(c, snapshot, by, "against the page fetched from " + page.finalUrl());
            });
  }

  /** Checks quote {@code index} (0-based) against its page's text as the editor copied it. */
  public void checkQuoteText(long id, int index, String text, Account by) {
    String page = pasted(text, "the source page's text");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Correction c = desk.find(id);
              source(c, index);
              Snapshot snapshot = Snapshot.pasted(page, Instant.now());
              snapshot.persist();
              matchQuote(c, index, snapshot, by, "against pasted text");
            });
  }

  /** Fetches source {@code index}'s page and checks its quote. */
  public void fetchQuote(long id, int index, Account by) {
    String url =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  QuotedSource source = source(desk.find(id), index);
                  if (source.url == null) {
                    throw new WorkflowRefusal(
                        WorkflowRefusal.Kind.INVALID,
                        "Source "
                            + (index + 1)
                            + " has no address to fetch: add it, or paste the page's text.");
                  }
                  return source.url;
                });
    PageFetcher.Fetched page = fetcher.fetch(url);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Correction c = desk.find(id);
              source(c, index);
              Snapshot snapshot = Snapshot.fetched(page);
              snapshot.persist();
              matchQuote(
                  c, index, snapshot, by, "against the page fetched from " + page.finalUrl());
            });
  }

  /**
   * Checks everything at once, as the API does on saving and on {@code /check}: the texts given are
   * used; without them, pages are fetched when fetching is on. A page that cannot be fetched leaves
   * its check as it was; the sentences say why.
   */
  public List<String> checkAll(long id, String articleText, List<String> pageTexts, Account by) {
    List<String> problems = new ArrayList<>();
    if (articleText != null && !articleText.isBlank()) {
      checkPassageText(id, articleText, by);
    } else if (fetcher.isEnabled()) {
      try {
        fetchPassage(id, by);
      } catch (PageFetcher.FetchFailed e) {
        problems.add("Article: " + e.getMessage());
      }
    } else {
      rematchStored(id, -1, by);
    }
    int count = QuarkusTransaction.requiringNew().call(() -> desk.find(id).current.sources.size());
    for (int i = 0; i < count; i++) {
      String text = pageTexts != null && i < pageTexts.size() ? pageTexts.get(i) : null;
      if (text != null && !text.isBlank()) {
        checkQuoteText(id, i, text, by);
        continue;
      }
      int index = i;
      boolean hasUrl =
          QuarkusTransaction.requiringNew()
              .call(() -> desk.find(id).current.sources.get(index).url != null);
      if (hasUrl && fetcher.isEnabled()) {
        try {
          fetchQuote(id, i, by);
        } catch (PageFetcher.FetchFailed e) {
          problems.add("Source " + (i + 1) + ": " + e.getMessage());
        }
      } else if (!fetcher.isEnabled()) {
        rematchStored(id, i, by);
      }
    }
    return problems;
  }

  /** With fetching off, "check" matches again against the last text stored (passage: -1). */
  private void rematchStored(long id, int index, Account by) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Correction c = desk.find(id);
              Check check =
                  index < 0 ? c.current.passageCheck() : c.current.sources.get(index).check();
              Snapshot snapshot =
                  check.snapshotId == null ? null : Snapshot.findById(check.snapshotId);
              if (snapshot == null) {
                return;
              }
              if (index < 0) {
                matchPassage(c, snapshot, by, "again, against the stored page text");
              } else {
                matchQuote(c, index, snapshot, by, "again, against the stored page text");
              }
            });
  }

  /**
   * After an edit: words that changed are matched again against the page text already stored for
   * them, without fetching anything. Runs inside the caller's transaction.
   */
  void refresh(Correction c, Account by) {
    Check passage = c.current.passageCheck();
    if (passage.checkedAt == null && passage.snapshotId != null) {
      Snapshot snapshot = Snapshot.findById(passage.snapshotId);
      if (snapshot != null) {
        matchPassage(c, snapshot, by, "again, against the page text stored before the edit");
      }
    }
    for (int i = 0; i < c.current.sources.size(); i++) {
      Check quote = c.current.sources.get(i).check();
      if (quote.checkedAt == null && quote.snapshotId != null) {
        Snapshot snapshot = Snapshot.findById(quote.snapshotId);
        if (snapshot != null) {
          matchQuote(c, i, snapshot, by, "again, against the page text stored before the edit");
        }
      }
    }
  }

  private static void matchPassage(Correction c, Snapshot snapshot, Account by, String how) {
    Check before = c.current.passageCheck();
    Instant now = Instant.now();
    TextMatcher.Match match =
        TextMatcher.find(c.current.passage, snapshot.pageText, before.prefix, before.suffix);
    c.recordPassageCheck(Check.of(match, snapshot.id, now), by, now, how);
  }

  private static void matchQuote(
      Correction c, int index, Snapshot snapshot, Account by, String how) {
    QuotedSource source = c.current.sources.get(index);
    Check before = source.check();
    Instant now = Instant.now();
    TextMatcher.Match match =
        TextMatcher.find(source.quote, snapshot.pageText, before.prefix, before.suffix);
    c.recordQuoteCheck(index, Check.of(match, snapshot.id, now), by, now, how);
  }

  private static QuotedSource source(Correction c, int index) {
    if (index < 0 || index >= c.current.sources.size()) {
      throw new CorrectionDesk.NotFound(c.id);
    }
    return c.current.sources.get(index);
  }

  private static String pasted(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.INVALID, "Paste " + what + " to check against.");
    }
    if (text.length() > MAX_TEXT) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.INVALID,
          "That text is longer than 2 MiB; paste the part around the quoted words.");
    }
    return text.replace("\r\n", "\n");
  }

  /** An article address typed without its scheme is fetched over https. */
  static String fetchable(String url) {
    String key = url.strip();
    return key.matches("(?i)^https?://.*") ? key : "https://" + key.replaceFirst("^//", "");
  }
}
