package org.errata.db;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.Interceptor;
import org.hibernate.Transaction;
import org.hibernate.type.Type;

/**
 * Counts, in the {@link DeskGeneration}, every transaction that inserted, changed or removed an
 * entity a desk page can show: once, at its very end (after Hibernate's last flush, just before the
 * commit), so the count becomes visible with the change and never before it, and its row is the
 * last lock the transaction takes. Entities no desk page shows and that change on their own often
 * (failed sign-ins, webhook deliveries, fetched pages, tokens' last use, passwords shown once) are
 * not counted. A bulk update is not seen here: it calls {@link DeskGeneration#changed}.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class DeskChanges implements Interceptor {

  /** Entities (by simple class name) no desk page shows. */
  private static final Set<String> NOT_SHOWN =
      Set.of("Counter", "Webhook", "Delivery", "Attempt", "Snapshot", "ApiToken", "ShownOnce");

  @Inject TransactionSynchronizationRegistry transactions;
  @Inject DataSource dataSource;

  private void touched(Object entity) {
    if (!NOT_SHOWN.contains(entity.getClass().getSimpleName())) {
      changed();
    }
  }

  /** Marks the current transaction as one that changed what the desk shows. */
  private void changed() {
    if (transactions.getTransactionKey() != null) {
      transactions.putResource(DeskChanges.class, Boolean.TRUE);
    }
  }

  @Override
  public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
    touched(entity);
    return false;
  }

  @Override
  public boolean onFlushDirty(
      Object entity, Object id, Object[] now, Object[] before, String[] names, Type[] types) {
    touched(entity);
    return false;
  }

  @Override
  public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
    touched(entity);
  }

  @Override
  public void onCollectionUpdate(Object collection, Object key) {
    changed();
  }

  @Override
  public void beforeTransactionCompletion(Transaction tx) {
    if (transactions.getTransactionKey() == null
        || transactions.getResource(DeskChanges.class) != Boolean.TRUE) {
      return;
    }
    transactions.putResource(DeskChanges.class, Boolean.FALSE);
    // The transaction's own connection (Agroal hands the same one out within a transaction).
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(DeskGeneration.COUNT)) {
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count a change of the desk", e);
    }
  }
}
