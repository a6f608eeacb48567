package org.errata.correction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.errata.source.Check;
import org.errata.source.PageFetcher;
import org.errata.source.QuotedSource;
import org.errata.source.Snapshot;
import org.errata.source.TextMatcher;
import org.jboss.logging.Logger;

/**
 * Fetches again, on a schedule ({@code errata.drift.interval}, daily by default), the articles and
 * sources of published corrections, and flags any passage or quote that was found at publication
 * and is no longer on its page. It never changes a published correction.
 */
@ApplicationScoped
public class DriftWatch {

  private static final Logger LOG = Logger.getLogger(DriftWatch.class);

  @Inject PageFetcher fetcher;

  /** What one sweep did. */
  public record Sweep(int checked, int flagged, int unreachable) {}

  private record Target(
      long correctionId, Integer sourceIndex, String url, String words, Check check) {}

  @Scheduled(
      every = "${errata.drift.interval}",
      delayed = "${errata.drift.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (fetcher.isEnabled()) {
      Sweep sweep = sweep();
      LOG.infof(
          "Drift check: %d pages checked, %d flagged, %d out of reach.",
          sweep.checked(), sweep.flagged(), sweep.unreachable());
    }
  }

  public Sweep sweep() {
    List<Target> targets = QuarkusTransaction.requiringNew().call(DriftWatch::targets);
    int checked = 0;
    int flagged = 0;
    int unreachable = 0;
    for (Target target : targets) {
      PageFetcher.Fetched page;
      try {
        page = fetcher.fetch(target.url());
      } catch (PageFetcher.FetchFailed e) {
        if (e.gone() && flag(target, null, e.getMessage())) {
          flagged++;
        } else {
          unreachable++;
        }
        continue;
      }
      checked++;
      TextMatcher.Match match =
          TextMatcher.find(
              target.words(), page.text(), target.check().prefix, target.check().suffix);
      if (!match.found() && flag(target, new Found(page, match), null)) {
        flagged++;
      }
    }
    return new Sweep(checked, flagged, unreachable);
  }

  private record Found(PageFetcher.Fetched page, TextMatcher.Match match) {}

  /** Records a flag, unless this passage or quote already has an open one. */
  private static boolean flag(Target target, Found found, String failure) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (DriftFlag.openFor(target.correctionId(), target.sourceIndex())) {
                return false;
              }
              Correction c = Correction.findById(target.correctionId());
              DriftFlag flag =
                  DriftFlag.of(
                      c,
                      target.sourceIndex(),
                      target.words(),
                      target.check().snapshotId,
                      Instant.now());
              if (found != null) {
                Snapshot snapshot = Snapshot.fetched(found.page());
                snapshot.persist();
                flag.newSnapshotId = snapshot.id;
                flag.newStatus = found.match().status();
                flag.newScore = found.match().score();
              } else {
                flag.newStatus = org.errata.source.CheckStatus.NOT_FOUND;
                flag.failure = failure;
              }
              flag.persist();
              return true;
            });
  }

  /** The live passages and quotes that were found on their pages, with where to look. */
  private static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    List<Correction> published = Correction.list("published is not null and withdrawnAt is null");
    for (Correction c : published) {
      Revision r = c.published;
      if (r.passageCheck().found()) {
        targets.add(
            new Target(
                c.id,
                null,
                Verification.fetchable(c.articleUrl),
                r.passage,
                r.passageCheck().copy()));
      }
      for (int i = 0; i < r.sources.size(); i++) {
        QuotedSource s = r.sources.get(i);
        if (s.url != null && s.check().found()) {
          targets.add(new Target(c.id, i, s.url, s.quote, s.check().copy()));
        }
      }
    }
    return targets;
  }
}
