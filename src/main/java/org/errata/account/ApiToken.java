package org.errata.account;

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
import java.util.List;
import java.util.Optional;

/**
 * An editor's personal API token: it acts as the account that made it, read-only or not. Only the
 * SHA-256 digest of the token is stored; the token itself is shown once, when it is made.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  public Account account;

  @Column(nullable = false, length = ApiTokens.MAX_NAME_CHARS)
  public String name;

  @Column(nullable = false, length = 64, unique = true)
  public String digest;

  @Column(name = "read_only", nullable = false)
  public boolean readOnly;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  protected ApiToken() {}

  static ApiToken of(Account account, String name, String digest, boolean readOnly, Instant now) {
    ApiToken t = new ApiToken();
    t.account = account;
    t.name = name;
    t.digest = digest;
    t.readOnly = readOnly;
    t.createdAt = now;
    return t;
  }

  /** The tokens of {@code account}, newest first. */
  public static List<ApiToken> of(Account account) {
    return list("account = ?1 order by createdAt desc, id desc", account);
  }

  static Optional<ApiToken> byDigest(String digest) {
    return find("digest", digest).firstResultOptional();
  }
}
