package org.errata.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One event to tell one webhook, with the exact body every attempt sends and signs. */
@Entity
@Table(name = "webhook_delivery")
public class Delivery extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "webhook_id")
  public Webhook webhook;

  @Column(nullable = false, length = 20)
  public String event;

  @Column(name = "correction_id", nullable = false)
  public long correctionId;

  @Column(nullable = false, length = 1_000_000)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(nullable = false)
  public int attempts;

  /** When to try next; null once delivered or given up. */
  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "gave_up_at")
  public Instant gaveUpAt;

  @OneToMany(mappedBy = "delivery", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  public List<Attempt> attemptList = new ArrayList<>();

  /** "delivered", "waiting to retry", "gave up". */
  public String state() {
    if (deliveredAt != null) {
      return "delivered";
    }
    if (gaveUpAt != null) {
      return "gave up";
    }
    return attempts == 0 ? "waiting" : "waiting to retry";
  }
}
