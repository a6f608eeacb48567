package org.errata.db;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The number of committed changes an editor's desk can show, shared by every instance through the
 * database (V27). {@link DeskChanges} counts every transaction that changed what the desk shows, at
 * its end; a signed-in request reads the number once, and whatever was worked out under the same
 * number (who a session is, the header's count, a dashboard) is still true. Read, not polled: a
 * session signed out on another instance is refused here at the next request.
 */
@ApplicationScoped
public class DeskGeneration {

  private static final String READ = "select generation from desk_generation where id = 1";

  /** Counts one change: what {@link DeskChanges}, bulk updates and any instance run. */
  public static final String COUNT =
      "update desk_generation set generation = generation + 1 where id = 1";

  private static final String READ_FOR_REQUEST = "errata.desk-generation";

  @Inject DataSource dataSource;

  /** The number now: one row read by its key, outside Hibernate. */
  public long current() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(READ);
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : -1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the desk generation", e);
    }
  }

  /** Keeps the number read for a request, so the request reads it once. */
  public static void readFor(RoutingContext rc, long generation) {
    if (rc != null) {
      rc.put(READ_FOR_REQUEST, generation);
    }
  }

  /** The number as this request first read it (when signing in), else read now. */
  public long current(RoutingContext rc) {
    Long read = rc == null ? null : rc.get(READ_FOR_REQUEST);
    return read != null ? read : current();
  }

  /**
   * Counts a change made by a bulk update, which {@link DeskChanges} cannot see, in the caller's
   * transaction.
   */
  public static void changed(EntityManager em) {
    em.createNativeQuery(COUNT).executeUpdate();
  }
}
