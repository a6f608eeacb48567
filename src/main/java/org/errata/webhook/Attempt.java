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

/** One try at a delivery: what the receiver answered, or why it could not be reached. */
@Entity
@Table(name = "webhook_attempt")
public class Attempt extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "delivery_id")
  public Delivery delivery;

  @Column(nullable = false)
  public Instant at;

  /** The receiver's HTTP status; null when it could not be reached. */
  public Integer status;

  @Column(length = 500)
  public String error;

  @Column(nullable = false)
  public long millis;
}
