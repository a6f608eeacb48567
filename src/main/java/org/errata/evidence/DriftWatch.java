package org.errata.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.correction.CheckTarget;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Revision;
import org.errata.db.JobLease;
import org.errata.source.Check;
import org.errata.source.CheckStatus;
import org.errata.source.QuotedSource;
import org.errata.web.TemplateExtensions;
import org.jboss.logging.Logger;

/**
 * Fetches again, on a schedule ({@code errata.drift.interval}, daily by default), the articles and
 * sources of live corrections, and records a finding beside a correction when a passage or quote
 * that was found at publication is no longer on its page. It never changes a published correction.
 * Same shape as checking: targets read in one transaction, pages fetched outside any, every finding
 * recorded through the desk in one.
 */
@ApplicationScoped
public class DriftWatch {

  private static final Logger LOG = Logger.getLogger(DriftWatch.class);

  /** The drift watch's row in the lease table that several instances share. */
  public static final String JOB = "drift-watch";

  @Inject Evidence evidence;
  @Inject CorrectionDesk desk;
  @Inject JobLease lease;

  @ConfigProperty(name = "errata.drift.interval")
  Duration interval;

  /** What one sweep did. */
  public record Sweep(int checked, int flagged, int unreachable) {}

  private record Target(
      long correctionId, CheckTarget target, String url, String words, Check check) {}

  @Scheduled(
      every = "${errata.drift.interval}",
      delayed = "${errata.drift.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    // Every instance ticks; the one that takes the lease sweeps, once per interval for all. The
    // lease ends a little before the next tick so that the next sweep is never skipped.
    if (evidence.canFetch() && lease.take(JOB, interval.multipliedBy(9).dividedBy(10))) {
      Sweep sweep = sweep();
      LOG.infof(
          "Drift check: %d pages checked, %d flagged, %d out of reach.",
          sweep.checked(), sweep.flagged(), sweep.unreachable());
    }
  }

  public Sweep sweep() {
    List<Target> targets = QuarkusTransaction.requiringNew().call(DriftWatch::targets);
    List<CorrectionDesk.Drifted> found = new ArrayList<>();
    int checked = 0;
    int unreachable = 0;
    for (Target t : targets) {
      Evidence.Page page;
      try {
        page = evidence.fetch(t.url());
      } catch (PageFetcher.FetchFailed e) {
        if (e.gone()) {
          found.add(
              new CorrectionDesk.Drifted(
                  t.correctionId(), t.target(), null, CheckStatus.NOT_FOUND, null, e.getMessage()));
        } else {
          unreachable++;
        }
        continue;
      }
      checked++;
      Evidence.Look look = Evidence.look(page, t.words(), t.check());
      if (!look.match().found()) {
        found.add(
            new CorrectionDesk.Drifted(
                t.correctionId(),
                t.target(),
                page.snapshot(),
                look.match().status(),
                look.match().score(),
                null));
      }
    }
    int flagged = found.isEmpty() ? 0 : desk.recordDrift(found);
    return new Sweep(checked, flagged, unreachable);
  }

  /** The live passages and quotes that were found on their pages, with where to look. */
  private static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    List<Correction> live = Correction.list("published is not null and withdrawnAt is null");
    for (Correction c : live) {
      Revision r = c.published;
      if (r.passageCheck().found()) {
        targets.add(
            new Target(
                c.id,
                CheckTarget.PASSAGE,
                TemplateExtensions.href(c.articleUrl),
                r.passage,
                r.passageCheck().copy()));
      }
      for (int i = 0; i < r.sources.size(); i++) {
        QuotedSource s = r.sources.get(i);
        if (s.url != null && s.check().found()) {
          targets.add(new Target(c.id, CheckTarget.source(i), s.url, s.quote, s.check().copy()));
        }
      }
    }
    return targets;
  }
}
