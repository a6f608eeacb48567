package org.errata.notice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.errata.correction.AuditEvent;
import org.errata.correction.CorrectionDesk;
import org.errata.web.Links;
import org.errata.web.SiteAddress;
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
  @Inject SiteAddress site;

  @Inject ReactiveMailer mailer;
  @Inject Event<Outgoing> outgoing;

  /** Mails waiting for their transaction to commit. */
  public record Outgoing(List<Mail> mails) {}

  void started(@Observes StartupEvent event) {
    if (enabled) {
      LOG.infof("E-mail notices are on; their links point to %s (errata.site-url).", site.base());
    }
  }

  /** Told inside the transaction that recorded the events; sends after it commits. */
  void recorded(@Observes CorrectionDesk.Recorded recorded) {
    if (!enabled) {
      return;
    }
    List<AuditEvent> events = recorded.events();
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

  @CheckedTemplate
  static class Templates {
    /** The mail's text: to whom, the notice, the words quoted (or null), and the two links. */
    static native TemplateInstance notice(
        String username,
        String notice,
        String author,
        String quoted,
        String correctionLink,
        String email,
        String accountLink);
  }

  private Mail mail(AuditEvent e, Account reader, String notice) {
    boolean quotes =
        e.comment != null
            && (e.action == AuditEvent.Kind.CHANGES_REQUESTED
                || e.action == AuditEvent.Kind.COMMENTED);
    String body =
        Templates.notice(
                reader.username,
                notice,
                e.actor.username,
                quotes ? e.comment.strip().indent(2).stripTrailing() : null,
                site.at(Links.correction(e.correction.id)),
                reader.email,
                site.at(Links.account()))
            .render();
    return Mail.withText(reader.email, "Errata: " + notice, body);
  }
}
