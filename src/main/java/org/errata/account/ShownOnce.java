package org.errata.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.errata.web.Secrets;

/**
 * A sentence for one person's next page only (a temporary password): kept until that page shows it
 * or for ten minutes, whichever comes first, and never shown twice.
 */
@Entity
@Table(name = "shown_once")
public class ShownOnce extends PanacheEntityBase {

  static final Duration KEPT = Duration.ofMinutes(10);

  @Id
  @Column(length = 43)
  public String token;

  @Column(name = "account_id", nullable = false)
  public Long accountId;

  @Column(nullable = false, length = 1000)
  public String text;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  /** Keeps {@code text} for {@code reader}'s next page; returns the token that page is given. */
  static String keep(Account reader, String text) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ShownOnce s = new ShownOnce();
              s.token = Secrets.random(24);
              s.accountId = reader.id;
              s.text = text;
              s.expiresAt = Instant.now().plus(KEPT);
              s.persist();
              delete("expiresAt < ?1", Instant.now()); // and forgets any left unread
              return s.token;
            });
  }

  /**
   * The text kept under {@code token} for {@code reader}, taken (so a second request gets nothing);
   * empty when there is none, it was taken already, it expired, or it is someone else's.
   */
  static Optional<String> take(Account reader, String token) {
    if (token == null || token.length() > 43) {
      return Optional.empty();
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ShownOnce s = findById(token);
              if (s == null || !s.accountId.equals(reader.id)) {
                return Optional.<String>empty();
              }
              // Deleted by a statement whose count says whether this request took it: of two
              // requests at once, only one shows it.
              long taken = delete("token = ?1", token);
              return taken == 1 && s.expiresAt.isAfter(Instant.now())
                  ? Optional.of(s.text)
                  : Optional.<String>empty();
            });
  }
}
