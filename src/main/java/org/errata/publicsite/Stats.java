package org.errata.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.correction.Correction;
import org.errata.db.DbValues;

/**
 * The public statistics (issue: transparency): how many corrections Errata published each month, to
 * which publications, with which verdicts, how long a correction took from proposal to publication,
 * how many were amended or withdrawn, and how many quotes the automatic check confirmed against how
 * many a reviewer approved by override. Counted from the database at most once every {@code
 * errata.stats.fresh-seconds} (five minutes) per instance.
 */
@ApplicationScoped
public class Stats {

  static final int FRESH_SECONDS = 300;
  static final int MONTHS = 24;
  static final int TOP_SITES = 10;

  /** One labelled count. */
  public record Count(String label, long count) {}

  /** Everything the page shows. */
  public record Figures(
      Instant counted,
      long published,
      long live,
      long amended,
      long withdrawn,
      Duration medianToPublication,
      List<Count> perMonth,
      List<Count> bySite,
      List<Count> byVerdict,
      long quotesConfirmed,
      long quotesByOverride,
      long quotesOffline) {

    /** "3 days 4 hours", "5 hours 2 minutes", "12 minutes"; "—" without any correction. */
    public String medianText() {
      if (medianToPublication == null) {
        return "—";
      }
      long minutes = medianToPublication.toMinutes();
      long days = minutes / (24 * 60);
      long hours = (minutes / 60) % 24;
      long mins = minutes % 60;
      if (days > 0) {
        return days + (days == 1 ? " day " : " days ") + hours + (hours == 1 ? " hour" : " hours");
      }
      if (hours > 0) {
        return hours
            + (hours == 1 ? " hour " : " hours ")
            + mins
            + (mins == 1 ? " minute" : " minutes");
      }
      return mins + (mins == 1 ? " minute" : " minutes");
    }

    /** The share of quotes (with an address) the automatic check confirmed, as "97%". */
    public String confirmedShare() {
      long checked = quotesConfirmed + quotesByOverride;
      return checked == 0 ? "—" : Math.round(100.0 * quotesConfirmed / checked) + "%";
    }
  }

  @ConfigProperty(name = "errata.stats.fresh-seconds", defaultValue = "" + FRESH_SECONDS)
  int freshSeconds;

  private volatile Figures last;

  public Figures figures() {
    Figures f = last;
    if (f == null || !f.counted().isAfter(Instant.now().minusSeconds(freshSeconds))) {
      f = count();
      last = f;
    }
    return f;
  }

  /** Counts again now. */
  @Transactional
  public Figures count() {
    EntityManager em = Correction.getEntityManager();
    List<?> rows =
        em.createNativeQuery(
                "select c.created_at, c.withdrawn_at, a.site, pr.verdict,"
                    + " (select min(r.published_at) from revision r where r.correction_id = c.id"
                    + " and r.published_at is not null),"
                    + " (select count(*) from revision r where r.correction_id = c.id"
                    + " and r.published_at is not null)"
                    + " from correction c join article a on a.id = c.article_id"
                    + " join revision pr on pr.id = c.published_revision_id")
            .getResultList();
    Map<YearMonth, Long> months = new TreeMap<>();
    Map<String, Long> sites = new LinkedHashMap<>();
    Map<String, Long> verdicts = new LinkedHashMap<>();
    List<Long> waits = new ArrayList<>();
    long live = 0;
    long amended = 0;
    long withdrawn = 0;
    for (Object o : rows) {
      Object[] row = (Object[]) o;
      Instant created = DbValues.instant(row[0]);
      Instant first = DbValues.instant(row[4]);
      if (row[1] != null) {
        withdrawn++;
      } else {
        live++;
      }
      if (((Number) row[5]).longValue() > 1) {
        amended++;
      }
      if (first != null) {
        months.merge(YearMonth.from(first.atOffset(ZoneOffset.UTC)), 1L, Long::sum);
        if (created != null && !first.isBefore(created)) {
          waits.add(Duration.between(created, first).toSeconds());
        }
      }
      sites.merge(row[2] == null ? "(unknown)" : (String) row[2], 1L, Long::sum);
      String verdict =
          row[3] == null || ((String) row[3]).isBlank() ? "No verdict" : (String) row[3];
      verdicts.merge(verdict, 1L, Long::sum);
    }
    waits.sort(Long::compare);
    Duration median = waits.isEmpty() ? null : Duration.ofSeconds(waits.get(waits.size() / 2));

    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    List<Count> perMonth = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      YearMonth m = now.minusMonths(i);
      perMonth.add(new Count(m.toString(), months.getOrDefault(m, 0L)));
    }

    long confirmed = 0;
    long override = 0;
    long offline = 0;
    for (Object o :
        em.createNativeQuery(
                "select rs.offline, rs.quote_status, count(*) from revision_source rs"
                    + " join correction c on c.published_revision_id = rs.revision_id"
                    + " where c.withdrawn_at is null group by rs.offline, rs.quote_status")
            .getResultList()) {
      Object[] row = (Object[]) o;
      long n = ((Number) row[2]).longValue();
      String status = String.valueOf(row[1]);
      if (Boolean.TRUE.equals(row[0])) {
        offline += n;
      } else if (status.equals("EXACT")
          || status.equals("NORMALIZED")
          || status.equals("APPROXIMATE")) {
        confirmed += n;
      } else {
        override += n;
      }
    }
    return new Figures(
        Instant.now(),
        rows.size(),
        live,
        amended,
        withdrawn,
        median,
        perMonth,
        top(sites, TOP_SITES),
        top(verdicts, Integer.MAX_VALUE),
        confirmed,
        override,
        offline);
  }

  private static List<Count> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }
}
