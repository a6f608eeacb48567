package org.errata.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-out session: its token no longer works. */
@Entity
@Table(name = "revoked_session")
public class RevokedSession extends PanacheEntityBase {

  @Id
  @Column(length = 64)
  public String id;

  @Column(name = "revoked_at", nullable = false)
  public Instant revokedAt;

  protected RevokedSession() {}

  public static void revoke(String id, Instant now) {
    if (findById(id) == null) {
      RevokedSession r = new RevokedSession();
      r.id = id;
      r.revokedAt = now;
      r.persist();
    }
  }
}
