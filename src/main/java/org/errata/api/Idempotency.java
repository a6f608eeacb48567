package org.errata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.errata.correction.Correction;
import org.errata.web.ApiError;
import org.errata.web.ErrorPage;
import org.errata.web.Secrets;

/**
 * api.md, "Retries": a POST sent with an {@code Idempotency-Key} is done once. The key is claimed
 * (a row without an answer) before the work starts, so two copies of one request sent at once
 * cannot both create; the first answer is stored when the work is done and replayed, same status
 * and same body, to a retry with the same key and body within 24 hours. The same key with another
 * body is 422; a retry while the first is still at work is 409. A request that fails with an error
 * releases its key, so fixing the cause and retrying works.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  static final int MAX_KEY = 255;
  static final Duration KEPT = Duration.ofHours(24);

  static final String OTHER_BODY =
      "This Idempotency-Key was already used with a different body. Use a new key for a new"
          + " request.";
  static final String IN_PROGRESS =
      "A request with this Idempotency-Key is still being processed. Retry in a moment.";

  @Inject ObjectMapper json;

  /** What was found for a key. */
  private sealed interface Claim {}

  private record Claimed() implements Claim {}

  private record Answered(int status, String location, String body) implements Claim {}

  private record Refused(Response response) implements Claim {}

  /**
   * Runs {@code work} once for ({@code accountId}, {@code key}); {@code request}: what makes two
   * requests the same (the route and the body). Without a key, simply runs it.
   */
  public Response once(
      String key, long accountId, String route, byte[] request, Supplier<Response> work) {
    if (key == null) {
      return work.get();
    }
    if (key.isBlank()
        || key.length() > MAX_KEY
        || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new BadRequestException(
          "An Idempotency-Key is 1 to "
              + MAX_KEY
              + " visible ASCII characters, such as a UUID; nothing was done.");
    }
    String digest = digest(route, request);
    Claim claim;
    try {
      claim = QuarkusTransaction.requiringNew().call(() -> claim(accountId, key, route, digest));
    } catch (RuntimeException e) {
      // Another copy of this request claimed the key between our look and our claim.
      claim = QuarkusTransaction.requiringNew().call(() -> claim(accountId, key, route, digest));
    }
    if (claim instanceof Refused r) {
      return r.response();
    }
    if (claim instanceof Answered a) {
      return replay(a);
    }
    Response answer;
    try {
      answer = work.get();
    } catch (RuntimeException e) {
      QuarkusTransaction.requiringNew().run(() -> release(accountId, key));
      throw e;
    }
    Answered stored = new Answered(answer.getStatus(), location(answer), body(answer));
    QuarkusTransaction.requiringNew().run(() -> store(accountId, key, stored));
    return replay(stored);
  }

  private Claim claim(long accountId, String key, String route, String digest) {
    EntityManager em = Correction.getEntityManager();
    em.createNativeQuery("delete from idempotency_key where created_at < ?1")
        .setParameter(1, Instant.now().minus(KEPT))
        .executeUpdate();
    List<?> found =
        em.createNativeQuery(
                "select route, request_digest, status, location, body from idempotency_key"
                    + " where account_id = ?1 and idem_key = ?2")
            .setParameter(1, accountId)
            .setParameter(2, key)
            .getResultList();
    if (found.isEmpty()) {
      em.createNativeQuery(
              "insert into idempotency_key (account_id, idem_key, route, request_digest,"
                  + " created_at) values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, accountId)
          .setParameter(2, key)
          .setParameter(3, route)
          .setParameter(4, digest)
          .setParameter(5, Instant.now())
          .executeUpdate();
      em.flush();
      return new Claimed();
    }
    Object[] row = (Object[]) found.get(0);
    if (!route.equals(row[0]) || !digest.equals(row[1])) {
      return new Refused(ErrorPage.json(422, ApiError.of(OTHER_BODY)));
    }
    if (row[2] == null) {
      return new Refused(ErrorPage.json(409, ApiError.of(IN_PROGRESS)));
    }
    return new Answered(((Number) row[2]).intValue(), (String) row[3], (String) row[4]);
  }

  private static void release(long accountId, String key) {
    Correction.getEntityManager()
        .createNativeQuery("delete from idempotency_key where account_id = ?1 and idem_key = ?2")
        .setParameter(1, accountId)
        .setParameter(2, key)
        .executeUpdate();
  }

  private static void store(long accountId, String key, Answered a) {
    Correction.getEntityManager()
        .createNativeQuery(
            "update idempotency_key set status = ?3, location = ?4, body = ?5"
                + " where account_id = ?1 and idem_key = ?2")
        .setParameter(1, accountId)
        .setParameter(2, key)
        .setParameter(3, a.status())
        .setParameter(4, a.location())
        .setParameter(5, a.body())
        .executeUpdate();
  }

  private static Response replay(Answered a) {
    Response.ResponseBuilder b =
        Response.status(a.status()).type(MediaType.APPLICATION_JSON).entity(a.body());
    if (a.location() != null) {
      b.header("Location", a.location());
    }
    return b.build();
  }

  private static String location(Response r) {
    Object l = r.getHeaders().getFirst("Location");
    return l == null ? null : l.toString();
  }

  private String body(Response r) {
    Object entity = r.getEntity();
    if (entity == null) {
      return null;
    }
    try {
      return entity instanceof String s ? s : json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String digest(String route, byte[] request) {
    return Secrets.sha256(
        route.getBytes(StandardCharsets.UTF_8),
        new byte[] {0},
        request == null ? new byte[0] : request);
  }
}
