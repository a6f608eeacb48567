package org.errata.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Once per interval across every instance on one database: a job's row in {@code job_lease} says
 * until when it is held; an instance runs the job only when its single conditional update moved
 * that time forward. The database decides between instances racing for it, so two instances never
 * both run a sweep, and if the instance that held the lease dies, the next interval runs anyway.
 */
@ApplicationScoped
public class JobLease {

  /** This instance, in the lease table: host, process and a random part (restarts differ). */
  static final String ME =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  @Inject EntityManager em;

  /**
   * Takes {@code job}'s lease for {@code hold} if nobody holds it now; true when this instance
   * should run the job.
   */
  public boolean take(String job, Duration hold) {
    Instant now = Instant.now();
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "update job_lease set holder = ?1, held_until = ?2"
                                + " where name = ?3 and held_until <= ?4")
                        .setParameter(1, ME)
                        .setParameter(2, now.plus(hold))
                        .setParameter(3, job)
                        .setParameter(4, now)
                        .executeUpdate())
        == 1;
  }

  /** Who holds {@code job}'s lease (what the tests read). */
  public String holder(String job) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery("select holder from job_lease where name = ?1")
                        .setParameter(1, job)
                        .getSingleResult());
  }
}
