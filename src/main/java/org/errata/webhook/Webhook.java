package org.errata.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.errata.account.Account;

/**
 * An address an admin registered to be told of publications, amendments and withdrawals. Its secret
 * signs every delivery; it is kept as given (the signature needs it) and shown once.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

  /** What a webhook can be told of. */
  public enum Event {
    PUBLISHED,
    AMENDED,
    WITHDRAWN;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = Webhooks.MAX_URL)
  public String url;

  /** Comma-separated {@link Event} names. */
  @Column(nullable = false, length = 100)
  public String events;

  @Column(nullable = false, length = 100)
  public String secret;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "created_by")
  public Account createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public List<Event> eventList() {
    return Arrays.stream(events.split(",")).map(Event::valueOf).toList();
  }

  /** "published, amended". */
  public String eventNames() {
    return String.join(", ", eventList().stream().map(Event::wire).toList());
  }

  public boolean wants(Event event) {
    return eventList().contains(event);
  }
}
