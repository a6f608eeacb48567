package org.errata.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.errata.source.Check;
import org.errata.source.Snapshot;

/**
 * The one step that checking and the drift watch share: get a page's text (fetched, or pasted by an
 * editor), find the words in it using the words around the earlier match to pick among repeats, and
 * keep the text as a snapshot. Nothing here touches the database: callers read what to check in one
 * transaction, call this outside any, and record the results in one.
 */
@ApplicationScoped
public class Evidence {

  /** Pasted page text is held to the same size as a fetched page. */
  public static final int MAX_TEXT = PageFetcher.MAX_BYTES;

  @Inject PageFetcher fetcher;

  /** A page's text as Errata has it, and the other addresses the page gave for itself. */
  public record Page(Snapshot snapshot, List<String> aliases, String how, String title) {}

  /** What the words came to on a page. */
  public record Look(Page page, TextMatcher.Match match) {

    /** The check to store, once the snapshot has its id. */
    public Check check(Instant now) {
      return match.toCheck(null, now);
    }
  }

  public boolean canFetch() {
    return fetcher.isEnabled();
  }

  /** Fetches {@code url} now (may take seconds: never inside a transaction). */
  public Page fetch(String url) {
    PageFetcher.Fetched f = fetcher.fetch(url);
    List<String> aliases = new ArrayList<>();
    // Both ways: an AMP page names its canonical page, a canonical page its AMP one.
    if (f.canonicalUrl() != null) {
      aliases.add(f.canonicalUrl());
    }
    if (f.ampUrl() != null) {
      aliases.add(f.ampUrl());
    }
    return new Page(
        Snapshot.fetched(f.requestedUrl(), f.finalUrl(), f.status(), f.fetchedAt(), f.text()),
        aliases,
        "against the page fetched from " + f.finalUrl(),
        f.title());
  }

  /** Text an editor pasted, as a page. */
  public static Page pasted(String text, Instant now) {
    return new Page(
        Snapshot.pasted(text, now), List.of(), "against text supplied by the editor", null);
  }

  /** Finds {@code words} on {@code page}, near where they were found before when they repeat. */
  public static Look look(Page page, String words, Check before) {
    return new Look(
        page, TextMatcher.find(words, page.snapshot().pageText, before.prefix, before.suffix));
  }
}
