package org.errata.suggestion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.errata.account.Account;
import org.errata.article.ArticleUrl;
import org.errata.correction.Correction;
import org.errata.correction.WorkflowRefusal;
import org.errata.text.TextRules;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a reader suggests from an article's page: never public; it waits on the desk until an editor
 * turns it into a draft or declines it, once. The rules of both live here.
 */
@Entity
@Table(name = "suggestion")
public class Suggestion extends PanacheEntityBase {

  public static final int URL_MAX = 2000;
  public static final int PASSAGE_MAX = 1000;
  public static final int PROBLEM_MAX = 2000;
  public static final int SOURCES_MAX = 800;
  public static final int EMAIL_MAX = 254;
  public static final int REASON_MAX = 1000;

  /** Where a suggestion stands. */
  public enum State {
    WAITING("Waiting"),
    DRAFTED("Turned into a draft"),
    DECLINED("Declined");

    public final String label;

    State(String label) {
      this.label = label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "article_url", nullable = false, length = URL_MAX)
  public String articleUrl;

  @Column(name = "article_key", nullable = false, length = URL_MAX)
  public String articleKey;

  @Column(length = 2000)
  public String passage;

  @Column(nullable = false, length = 4000)
  public String problem;

  @Column(length = 4000)
  public String sources;

  @Column(length = EMAIL_MAX)
  public String email;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  public State status;

  @ManyToOne
  @JoinColumn(name = "handled_by_id")
  public Account handledBy;

  @Column(name = "handled_at")
  public Instant handledAt;

  @Column(name = "decline_reason", length = 2000)
  public String declineReason;

  @ManyToOne
  @JoinColumn(name = "correction_id")
  public Correction correction;

  protected Suggestion() {}

  /** What a reader typed, field by field, before it is accepted. */
  public record Input(
      String articleUrl, String passage, String problem, String sources, String email) {}

  /** A field the reader must fix, and the sentence that says how. */
  public record Problem(String field, String message) {}

  /** Thrown when what a reader sent cannot be accepted; every problem, in form order. */
  public static final class Refused extends RuntimeException {
    public final transient List<Problem> problems;

    Refused(List<Problem> problems) {
      super(problems.get(0).message(), null, false, false);
      this.problems = List.copyOf(problems);
    }
  }

  private static final Pattern TAG = Pattern.compile("<\\s*[a-zA-Z/!?]");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

  /** The problems with {@code in}; empty when it can be accepted. */
  public static List<Problem> problems(Input in) {
    List<Problem> out = new ArrayList<>();
    String url = strip(in.articleUrl());
    if (url == null) {
      out.add(new Problem("articleUrl", "Enter the article's web address."));
    } else if (url.length() > URL_MAX) {
      out.add(new Problem("articleUrl", "The address can be at most 2,000 characters."));
    } else {
      try {
        ArticleUrl.key(url);
      } catch (ArticleUrl.InvalidUrl e) {
        out.add(new Problem("articleUrl", e.getMessage()));
      }
    }
    text(out, "passage", "The passage", in.passage(), PASSAGE_MAX, false);
    text(out, "problem", "What is wrong", in.problem(), PROBLEM_MAX, true);
    text(out, "sources", "The sources", in.sources(), SOURCES_MAX, false);
    String email = strip(in.email());
    if (email != null) {
      if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
        out.add(
            new Problem(
                "email", "Enter an e-mail address such as name@example.org, or leave it empty."));
      }
    }
    return out;
  }

  private static void text(
      List<Problem> out, String field, String what, String value, int max, boolean required) {
    String v = strip(value);
    if (v == null) {
      if (required) {
        out.add(new Problem(field, "Say what is wrong in the article."));
      }
      return;
    }
    if (v.length() > max) {
      out.add(
          new Problem(
              field, what + " can be at most " + String.format("%,d", max) + " characters."));
      return;
    }
    String problem = TextRules.problem(v, what, true);
    if (problem != null) {
      out.add(new Problem(field, problem));
    } else if (TAG.matcher(v).find()) {
      out.add(new Problem(field, what + " must be plain text, without HTML tags."));
    }
  }

  /** A reader's suggestion, accepted as sent (stripped), waiting for an editor. */
  public static Suggestion of(Input in, Instant now) {
    List<Problem> problems = problems(in);
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    Suggestion s = new Suggestion();
    s.articleUrl = strip(in.articleUrl());
    s.articleKey = ArticleUrl.key(s.articleUrl);
    s.passage = strip(in.passage());
    s.problem = strip(in.problem());
    s.sources = strip(in.sources());
    s.email = strip(in.email());
    s.createdAt = now;
    s.status = State.WAITING;
    return s;
  }

  public boolean isWaiting() {
    return status == State.WAITING;
  }

  /** An editor made draft {@code correction} of it. */
  public void drafted(Correction draft, Account by, Instant now) {
    waiting();
    status = State.DRAFTED;
    correction = draft;
    handledBy = by;
    handledAt = now;
  }

  /** An editor declined it, saying why (the reader is told, if they left an address). */
  public void decline(String reason, Account by, Instant now) {
    waiting();
    String r = strip(reason);
    if (r == null) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.INVALID, "Say why the suggestion is declined.", "reason");
    }
    if (r.length() > REASON_MAX) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.INVALID,
          "The reason can be at most " + String.format("%,d", REASON_MAX) + " characters.",
          "reason");
    }
    String problem = TextRules.problem(r, "The reason", true);
    if (problem != null) {
      throw new WorkflowRefusal(WorkflowRefusal.Kind.INVALID, problem, "reason");
    }
    status = State.DECLINED;
    declineReason = r;
    handledBy = by;
    handledAt = now;
  }

  private void waiting() {
    if (!isWaiting()) {
      throw new WorkflowRefusal(
          WorkflowRefusal.Kind.CONFLICT,
          "This suggestion was already handled ("
              + status.label.toLowerCase()
              + (handledBy == null ? "" : " by " + handledBy.username)
              + ").");
    }
  }

  /** The reader's words, as the comment kept on the draft made of them. */
  public String asComment() {
    StringBuilder b = new StringBuilder("A reader suggested this correction");
    b.append(" (suggestion ").append(id).append(").\n");
    if (passage != null) {
      b.append("Passage: “").append(passage).append("”\n");
    }
    b.append("What is wrong: ").append(problem);
    if (sources != null) {
      b.append("\nSources: ").append(sources);
    }
    return b.toString();
  }

  /** The {@code limit} longest-waiting suggestions nobody has triaged yet, oldest first. */
  public static List<Suggestion> waiting(int limit) {
    return Suggestion.<Suggestion>find("status = ?1 order by id", State.WAITING)
        .page(0, limit)
        .list();
  }

  /** Waiting suggestions first (oldest first), then the rest, newest handled first. */
  public static List<Suggestion> queue(int limit) {
    List<Suggestion> out = new ArrayList<>(waiting(limit));
    out.addAll(
        Suggestion.<Suggestion>find("status <> ?1 order by handledAt desc, id desc", State.WAITING)
            .page(0, limit)
            .list());
    return out;
  }

  static String strip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace("\r\n", "\n").strip();
    return t.isEmpty() ? null : t;
  }
}
