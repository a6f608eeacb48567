package org.errata.correction;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.account.Account;
import org.jboss.logging.Logger;

/**
 * E-mails the dashboard inbox's notices (the same rule, {@link Inbox#noticeFor}) to each editor
 * with an address, once the change that caused them is committed: a refused or rolled-back change
 * sends nothing. Off unless {@code errata.mail.enabled}; in dev mode the mailer only logs the
 * mails, and tests read them from the mock mailbox.
 */
@ApplicationScoped
public class MailNotices {

  private static final Logger LOG = Logger.getLogger(MailNotices.class);

  @ConfigProperty(name = "errata.mail.enabled", defaultValue = "false")
  boolean enabled;

  /** Where editors reach this Errata, for the links in the mails. */
  @ConfigProperty(name = "errata.site-url", defaultValue = "http://localhost:8080")
  String siteUrl;

  @Inject ReactiveMailer mailer;
  @Inject Event<Outgoing> outgoing;

  /** Mails waiting for their transaction to commit. */
  public record Outgoing(List<Mail> mails) {}

  void started(@Observes StartupEvent event) {
    if (enabled) {
      LOG.infof("E-mail notices are on; their links point to %s (errata.site-url).", siteUrl);
    }
  }

  /** Called inside the transaction that recorded {@code events}; sends after it commits. */
  void recorded(List<AuditEvent> events) {
    if (!enabled) {
      return;
    }
    List<Mail> mails = new ArrayList<>();
    for (AuditEvent e : events) {
      if (!Inbox.KINDS.contains(e.action)) {
        continue;
      }
      List<Account> readers =
          Account.list("enabled = true and email is not null and id <> ?1 order by id", e.actor.id);
      for (Account reader : readers) {
        String notice = Inbox.noticeFor(e, reader);
        if (notice != null) {
          mails.add(mail(e, reader, notice));
        }
      }
    }
    if (!mails.isEmpty()) {
      outgoing.fire(new Outgoing(mails));
    }
  }

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outgoing batch) {
    for (Mail m : batch.mails()) {
      mailer
          .send(m)
          .subscribe()
          .with(
              sent -> LOG.debugf("Notice e-mailed to %s", m.getTo()),
              failure ->
                  LOG.warnf(
                      "Could not e-mail a notice to %s: %s (the dashboard inbox still shows it)",
                      m.getTo(), failure.getMessage()));
    }
  }

  private Mail mail(AuditEvent e, Account reader, String notice) {
    String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    StringBuilder body = new StringBuilder();
    body.append("Hello ").append(reader.username).append(",\n\n").append(notice).append(".\n");
    if (e.comment != null
        && (e.action == AuditEvent.Kind.CHANGES_REQUESTED
            || e.action == AuditEvent.Kind.COMMENTED)) {
      body.append("\n")
          .append(e.actor.username)
          .append(" wrote:\n\n")
          .append(e.comment.strip().indent(2))
          .append("\n");
    }
    body.append("\nOpen the correction: ")
        .append(base)
        .append("/editor/corrections/")
        .append(e.correction.id)
        .append("\n\n-- \nErrata sends this to ")
        .append(reader.email)
        .append(" because your account (")
        .append(reader.username)
        .append(") has that address.\nTo change or remove it: ")
        .append(base)
        .append("/editor/account\n");
    return Mail.withText(reader.email, "Errata: " + notice, body.toString());
  }
}
