package org.errata.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.account.Account;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.evidence.PageFetcher;
import org.errata.publicsite.PublicApi;
import org.errata.web.FieldRefusal;
import org.errata.web.NotFoundHere;
import org.errata.web.Secrets;
import org.jboss.logging.Logger;

/**
 * Webhooks: registered by admins, told of every publication, amendment and withdrawal. Deliveries
 * are queued in the transaction that publishes (an outbox: a commit that happened is never left
 * untold, one that rolled back never told), then POSTed by a scheduled sender through the same
 * guarded client as every fetch, signed with HMAC-SHA256 over the exact body, and retried with
 * growing delays until the receiver answers 2xx or {@value #MAX_ATTEMPTS} attempts have failed.
 */
@ApplicationScoped
public class Webhooks {

  private static final Logger LOG = Logger.getLogger(Webhooks.class);

  public static final int MAX_URL = 2000;
  public static final int MAX_HOOKS = 20;
  static final int MAX_ATTEMPTS = 7;
  static final String SIGNATURE = "Errata-Signature";
  static final String DELIVERY = "Errata-Delivery";
  static final String EVENT = "Errata-Event";

  @ConfigProperty(name = "errata.webhooks.first-retry", defaultValue = "30s")
  Duration firstRetry;

  @ConfigProperty(name = "errata.webhooks.backoff", defaultValue = "5")
  int backoff;

  @Inject PageFetcher client;
  @Inject ObjectMapper json;

  /** Refused registration: the field at fault and why. */
  public static class Refused extends FieldRefusal {
    public Refused(String field, String message) {
      super(field, message);
    }
  }

  /** No such webhook. */
  public static class NotFound extends NotFoundHere {
    public NotFound(long id) {
      super("There is no webhook " + id + ".");
    }
  }

  /** A webhook just registered and its secret, shown this once. */
  public record Registered(Webhook webhook, String secret) {}

  @Transactional
  public Registered register(String url, List<String> events, Account by) {
    String u = url == null ? "" : url.strip();
    if (u.isEmpty()) {
      throw new Refused("url", "Give the address to POST to, starting with https://.");
    }
    if (u.length() > MAX_URL) {
      throw new Refused("url", "The address can be at most " + MAX_URL + " characters long.");
    }
    String lower = u.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://"))
        || u.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new Refused("url", "The address must be an http:// or https:// web address.");
    }
    try {
      java.net.URI parsed = new java.net.URI(u);
      if (parsed.getHost() == null) {
        throw new Refused("url", "The address has no host name.");
      }
    } catch (java.net.URISyntaxException e) {
      throw new Refused("url", "That is not a valid web address.");
    }
    Set<Webhook.Event> wanted = new LinkedHashSet<>();
    for (String e : events == null ? List.<String>of() : events) {
      try {
        wanted.add(Webhook.Event.valueOf(e.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException | NullPointerException x) {
        throw new Refused(
            "events",
            "Events are published, amended and withdrawn; \"" + e + "\" is none of them.");
      }
    }
    if (wanted.isEmpty()) {
      throw new Refused("events", "Choose at least one event: published, amended or withdrawn.");
    }
    if (Webhook.count() >= MAX_HOOKS) {
      throw new Refused(
          "url", "There are already " + MAX_HOOKS + " webhooks: remove one before adding another.");
    }
    Webhook w = new Webhook();
    w.url = u;
    w.events = String.join(",", wanted.stream().map(Enum::name).toList());
    w.secret = "whsec_" + Secrets.random(32);
    w.createdBy = Account.findById(by.id);
    w.createdAt = Instant.now();
    w.persist();
    return new Registered(w, w.secret);
  }

  @Transactional
  public void remove(long id) {
    Webhook w = Webhook.findById(id);
    if (w == null) {
      throw new NotFound(id);
    }
    w.delete();
  }

  @Transactional
  public Webhook find(long id) {
    Webhook w = Webhook.findById(id);
    if (w == null) {
      throw new NotFound(id);
    }
    return w;
  }

  /** Queues what happened, in the transaction that did it. */
  void recorded(@Observes CorrectionDesk.Recorded recorded) {
    List<Webhook> hooks = null;
    for (AuditEvent e : recorded.events()) {
      Webhook.Event event;
      if (e.action == AuditEvent.Kind.PUBLISHED) {
        event =
            e.correction.publishedRevisions().size() > 1
                ? Webhook.Event.AMENDED
                : Webhook.Event.PUBLISHED;
      } else if (e.action == AuditEvent.Kind.WITHDRAWN) {
        event = Webhook.Event.WITHDRAWN;
      } else {
        continue;
      }
      if (hooks == null) {
        hooks = Webhook.listAll();
      }
      for (Webhook hook : hooks) {
        if (hook.wants(event)) {
          queue(hook, event, e.correction, e.at);
        }
      }
    }
  }

  private void queue(Webhook hook, Webhook.Event event, Correction c, Instant at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event.wire());
    body.put("at", at);
    body.put("correction", PublicApi.Published.of(c));
    Delivery d = new Delivery();
    d.webhook = hook;
    d.event = event.wire();
    d.correctionId = c.id;
    try {
      d.payload = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    d.createdAt = Instant.now();
    d.nextAttemptAt = d.createdAt;
    d.persist();
  }

  /** Sends what is due, one delivery at a time, claiming each so no two instances send it. */
  @Scheduled(
      every = "${errata.webhooks.every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sendDue() {
    for (int i = 0; i < 100; i++) {
      Long id = QuarkusTransaction.requiringNew().call(this::claimNext);
      if (id == null) {
        return;
      }
      attempt(id);
    }
  }

  /** The next due delivery, pushed a lease into the future so that nobody else takes it. */
  private Long claimNext() {
    Instant now = Instant.now();
    Delivery d =
        Delivery.<Delivery>find("nextAttemptAt <= ?1 order by nextAttemptAt, id", now)
            .firstResult();
    if (d == null) {
      return null;
    }
    int claimed =
        Delivery.update(
            "nextAttemptAt = ?1 where id = ?2 and nextAttemptAt = ?3",
            now.plus(Duration.ofMinutes(2)),
            d.id,
            d.nextAttemptAt);
    return claimed == 1 ? d.id : null;
  }

  /** One attempt at delivery {@code id}, recorded whatever happens. */
  void attempt(long id) {
    record Send(String url, String secret, String event, byte[] body) {}
    Send send =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Delivery d = Delivery.findById(id);
                  return new Send(
                      d.webhook.url,
                      d.webhook.secret,
                      d.event,
                      d.payload.getBytes(StandardCharsets.UTF_8));
                });
    long t0 = System.nanoTime();
    Integer status = null;
    String error = null;
    try {
      status =
          client.post(
              send.url(),
              send.body(),
              Map.of(
                  "Content-Type",
                  "application/json; charset=utf-8",
                  SIGNATURE,
                  "sha256=" + sign(send.secret(), send.body()),
                  DELIVERY,
                  String.valueOf(id),
                  EVENT,
                  send.event()));
      if (status < 200 || status >= 300) {
        error = "The receiver answered " + status + ".";
      }
    } catch (PageFetcher.FetchFailed e) {
      error = e.getMessage();
    } catch (RuntimeException e) {
      LOG.warn("Webhook delivery " + id + " failed unexpectedly", e);
      error = "The delivery failed on Errata's side.";
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Integer finalStatus = status;
    String finalError = error;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Delivery d = Delivery.findById(id);
              Attempt a = new Attempt();
              a.delivery = d;
              a.at = Instant.now();
              a.status = finalStatus;
              a.error =
                  finalError == null
                      ? null
                      : finalError.substring(0, Math.min(500, finalError.length()));
              a.millis = millis;
              d.attemptList.add(a);
              d.attempts++;
              if (finalError == null) {
                d.deliveredAt = a.at;
                d.nextAttemptAt = null;
              } else if (d.attempts >= MAX_ATTEMPTS) {
                d.gaveUpAt = a.at;
                d.nextAttemptAt = null;
              } else {
                d.nextAttemptAt = a.at.plus(delayAfter(d.attempts));
              }
            });
  }

  /**
   * After failed attempt {@code n} (from 1): the first retry delay, times the backoff each time.
   */
  Duration delayAfter(int n) {
    Duration d = firstRetry;
    for (int i = 1; i < n; i++) {
      d = d.multipliedBy(backoff);
    }
    return d;
  }

  /** The hex HMAC-SHA256 of {@code body} with {@code secret}: what receivers check. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
