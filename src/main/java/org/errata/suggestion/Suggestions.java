package org.errata.suggestion;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.account.Account;
import org.errata.account.SignInThrottle;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionContent;
import org.errata.correction.CorrectionDesk;
import org.errata.web.SiteAddress;
import org.jboss.logging.Logger;

/**
 * The one door for readers' suggestions: a reader sends one (limited per client), an editor turns
 * it into a draft through the correction desk, keeping the reader's words as a comment, or declines
 * it with a reason. A reader who left an address is told, after the change is committed.
 */
@ApplicationScoped
public class Suggestions {

  private static final Logger LOG = Logger.getLogger(Suggestions.class);

  @ConfigProperty(name = "errata.suggestions.per-client-per-hour", defaultValue = "5")
  int perClientPerHour;

  @ConfigProperty(name = "errata.mail.enabled", defaultValue = "false")
  boolean mailEnabled;

  @Inject SiteAddress site;

  @Inject CorrectionDesk desk;
  @Inject ReactiveMailer mailer;
  @Inject Event<ReaderMail> mails;

  /** The wait before this client may send another suggestion. */
  public static final class TooMany extends RuntimeException {
    public final transient Duration retryAfter;

    TooMany(Duration retryAfter) {
      super(
          "You have sent several suggestions in a short time. Please wait "
              + minutes(retryAfter)
              + " before sending another.",
          null,
          false,
          false);
      this.retryAfter = retryAfter;
    }

    private static String minutes(Duration d) {
      long m = Math.max(1, (d.toSeconds() + 59) / 60);
      return m == 1 ? "a minute" : m + " minutes";
    }
  }

  /** A mail to a reader, sent once the transaction that decided it commits. */
  public record ReaderMail(String to, String subject, String body) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance readerMail(
        String articleUrl, String problem, boolean drafted, String reason, String siteUrl);
  }

  /**
   * Accepts a reader's suggestion from {@code client} (an address), or refuses it with every
   * problem ({@link Suggestion.Refused}) or because this client sent too many ({@link TooMany}).
   * Problems are found before the limit counts, so fixing a typo costs nothing.
   */
  public Suggestion submit(Suggestion.Input input, String client) {
    List<Suggestion.Problem> problems = Suggestion.problems(input);
    if (!problems.isEmpty()) {
      throw new Suggestion.Refused(problems);
    }
    count(client);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Suggestion s = Suggestion.of(input, Instant.now());
              s.persist();
              return s;
            });
  }

  /**
   * Makes draft {@code content} of suggestion {@code id} through the desk (its rules, its events),
   * with the reader's words as the draft's first comment; the suggestion is then handled.
   */
  @Transactional
  public Correction draft(long id, CorrectionContent content, Account by) {
    Suggestion s = waiting(id);
    Correction c = desk.propose(content, by);
    desk.comment(c.id, by, s.asComment(), null);
    s.drafted(c, by, Instant.now());
    tell(s, true, null);
    return c;
  }

  /** Declines suggestion {@code id} with {@code reason}, which the reader is told. */
  @Transactional
  public Suggestion decline(long id, String reason, Account by) {
    Suggestion s = waiting(id);
    s.decline(reason, by, Instant.now());
    tell(s, false, s.declineReason);
    return s;
  }

  @Transactional
  public Suggestion find(long id) {
    Suggestion s = Suggestion.findById(id);
    if (s == null) {
      throw new NotFound(id);
    }
    return s;
  }

  /** No suggestion has this id. */
  public static final class NotFound extends RuntimeException {
    public NotFound(long id) {
      super("There is no suggestion " + id + ".", null, false, false);
    }
  }

  private Suggestion waiting(long id) {
    Suggestion s =
        Suggestion.getEntityManager().find(Suggestion.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw new NotFound(id);
    }
    return s;
  }

  private void tell(Suggestion s, boolean drafted, String reason) {
    if (s.email == null || !mailEnabled) {
      return;
    }
    String body =
        Templates.readerMail(s.articleUrl, s.problem, drafted, reason, site.at("/")).render();
    mails.fire(
        new ReaderMail(
            s.email,
            drafted
                ? "Errata: your suggestion is being worked on"
                : "Errata: about your suggestion",
            body));
  }

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReaderMail m) {
    mailer
        .send(Mail.withText(m.to(), m.subject(), m.body()))
        .subscribe()
        .with(
            sent -> LOG.debug("A reader was told about their suggestion"),
            failure -> LOG.warnf("Could not e-mail a reader: %s", failure.getMessage()));
  }

  /** Counts one suggestion from {@code client} in the current hour, or refuses with the wait. */
  private void count(String client) {
    String key = "suggest:" + (client == null ? "unknown" : client);
    if (key.length() > 300) {
      key = key.substring(0, 300);
    }
    try {
      countOnce(key);
    } catch (PersistenceException e) {
      // Another suggestion from the same client created the counter at this moment.
      countOnce(key);
    }
  }

  private void countOnce(String key) {
    Instant now = Instant.now();
    Duration wait =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  SignInThrottle.Counter c =
                      SignInThrottle.Counter.getEntityManager()
                          .find(SignInThrottle.Counter.class, key, LockModeType.PESSIMISTIC_WRITE);
                  boolean fresh = c == null;
                  if (fresh) {
                    c = new SignInThrottle.Counter();
                    c.key = key;
                  }
                  // One window an hour long from the first suggestion in it; kept until it ends.
                  if (fresh || c.blockedUntil == null || !c.blockedUntil.isAfter(now)) {
                    c.failures = 0;
                    c.lastFailureAt = now;
                    c.blockedUntil = now.plus(Duration.ofHours(1));
                  }
                  if (c.failures >= perClientPerHour) {
                    return Duration.between(now, c.blockedUntil);
                  }
                  c.failures++;
                  if (fresh) {
                    c.persist();
                  }
                  return null;
                });
    if (wait != null) {
      throw new TooMany(wait);
    }
  }
}
