package org.errata.correction;

import io.quarkus.panache.common.Parameters;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.errata.account.Account;
import org.errata.article.ArticleUrl;

/**
 * The desk list's question: which corrections, by status, author, reviewer, site, the days they
 * last changed and words they hold; read from what a person typed, with a sentence for each field
 * that cannot be understood.
 */
public final class DeskFilter {

  public static final int WORDS_MAX = 200;
  public static final int SITE_MAX = 253;
  public static final int PAGE = 50;

  /** What a person typed, each field as given (null or blank when not given). */
  public record Typed(
      String status,
      String author,
      String reviewer,
      String site,
      String from,
      String to,
      String words) {

    public static Typed none() {
      return new Typed(null, null, null, null, null, null, null);
    }

    /** Whether any field narrows the list. */
    public boolean narrows() {
      for (String s :
          List.of(n(status), n(author), n(reviewer), n(site), n(from), n(to), n(words))) {
        if (!s.isBlank()) {
          return true;
        }
      }
      return false;
    }

    private static String n(String s) {
      return s == null ? "" : s;
    }
  }

  /** A field that cannot be understood, and why, in a sentence. */
  public record Problem(String field, String message) {}

  private final Status status;
  private final Account author;
  private final Account reviewer;
  private final String site;
  private final LocalDate from;
  private final LocalDate to;
  private final String words;
  private final List<Problem> problems;

  private DeskFilter(
      Status status,
      Account author,
      Account reviewer,
      String site,
      LocalDate from,
      LocalDate to,
      String words,
      List<Problem> problems) {
    this.status = status;
    this.author = author;
    this.reviewer = reviewer;
    this.site = site;
    this.from = from;
    this.to = to;
    this.words = words;
    this.problems = List.copyOf(problems);
  }

  /** Reads {@code typed}; see {@link #problems()} for what could not be read. */
  public static DeskFilter of(Typed typed) {
    List<Problem> problems = new ArrayList<>();
    Status status = null;
    String s = strip(typed.status());
    if (s != null) {
      status = Status.parse(s);
      if (status == null) {
        problems.add(
            new Problem(
                "status", "Choose a status: draft, in review, reviewed, published or withdrawn."));
      }
    }
    Account author = account("author", typed.author(), problems);
    Account reviewer = account("reviewer", typed.reviewer(), problems);
    String site = strip(typed.site());
    if (site != null) {
      if (site.length() > SITE_MAX) {
        problems.add(new Problem("site", "A site can be at most 253 characters."));
        site = null;
      } else {
        site = ArticleUrl.site(site);
      }
    }
    LocalDate from = date("from", typed.from(), problems);
    LocalDate to = date("to", typed.to(), problems);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new Problem("to", "The last day comes before the first: swap them."));
    }
    String words = strip(typed.words());
    if (words != null && words.length() > WORDS_MAX) {
      problems.add(new Problem("words", "Search for at most 200 characters."));
      words = null;
    }
    return new DeskFilter(status, author, reviewer, site, from, to, words, problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * One page of the corrections that match, most recently changed first, after the cursor {@code
   * after} ("epochMicros:id" of the last one shown), by keyset.
   */
  public Slice<Correction> page(String after) {
    StringBuilder q =
        new StringBuilder(
            "select c from Correction c join fetch c.current r join fetch c.article a where 1 = 1");
    Parameters p = new Parameters();
    if (status == Status.WITHDRAWN) {
      q.append(" and c.withdrawnAt is not null");
    } else if (status != null) {
      q.append(" and r.status = :status and c.withdrawnAt is null");
      p.and("status", status);
    }
    if (author != null) {
      q.append(" and r.author = :author");
      p.and("author", author);
    }
    if (reviewer != null) {
      // Whoever approved it or asked for changes on it, in any revision, or was asked to review.
      q.append(
          " and (r.requestedReviewer = :reviewer or exists (select 1 from AuditEvent e where"
              + " e.correction = c and e.actor = :reviewer and e.action in (:approved,"
              + " :changes)))");
      p.and("reviewer", reviewer)
          .and("approved", AuditEvent.Kind.APPROVED)
          .and("changes", AuditEvent.Kind.CHANGES_REQUESTED);
    }
    if (site != null) {
      q.append(" and a.site = :site");
      p.and("site", site);
    }
    if (from != null) {
      q.append(" and c.updatedAt >= :from");
      p.and("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (to != null) {
      q.append(" and c.updatedAt < :to");
      p.and("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (words != null) {
      q.append(
          " and (lower(r.passage) like :words escape '!' or lower(r.summary) like :words escape"
              + " '!' or lower(r.reasoning) like :words escape '!' or lower(c.articleUrl) like"
              + " :words escape '!')");
      p.and("words", "%" + likeEscaped(words.toLowerCase(Locale.ROOT)) + "%");
    }
    Slice.olderThan(after, "c.updatedAt", q, p);
    q.append(" order by c.updatedAt desc, c.id desc");
    List<Correction> found = Correction.<Correction>find(q.toString(), p).page(0, PAGE + 1).list();
    return Slice.of(found, PAGE, c -> Slice.timeCursor(c.updatedAt, c.id));
  }

  private static String likeEscaped(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Account account(String field, String typed, List<Problem> problems) {
    if (strip(typed) == null) {
      return null;
    }
    Account.Named named = Account.named(typed);
    if (named.problem() != null) {
      problems.add(new Problem(field, named.problem()));
    }
    return named.account();
  }

  private static LocalDate date(String field, String typed, List<Problem> problems) {
    String s = strip(typed);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(new Problem(field, "Write the day as year-month-day, e.g. 2026-11-02."));
      return null;
    }
  }

  private static String strip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
