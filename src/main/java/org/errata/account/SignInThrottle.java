package org.errata.account;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes guessing passwords slow without letting anyone lock a real editor out. Failed sign-ins are
 * counted, in the database so every instance sees them, under several keys: the client address, the
 * account, and the pair of both. Past a number of free failures each further one makes that key
 * wait twice as long (1 s, 2 s, 4 s … up to a cap) and is answered 429 without any password being
 * checked, so guessing costs no bcrypt work either. A browser that has signed in to the account
 * before carries a device cookie; its attempts are counted against that device only, so guesses
 * from elsewhere never slow down the editor at their own desk.
 */
@ApplicationScoped
public class SignInThrottle {

  /** Failures are forgotten once their key has had none for this long. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Sign-in failures, counted on /q/metrics. */
  @Inject MeterRegistry meters;

  @ConfigProperty(name = "errata.sign-in.free-failures-per-address", defaultValue = "30")
  int perAddress;

  @ConfigProperty(name = "errata.sign-in.free-failures-per-account", defaultValue = "10")
  int perAccount;

  @ConfigProperty(name = "errata.sign-in.free-failures-per-account-and-address", defaultValue = "5")
  int perPair;

  @ConfigProperty(name = "errata.sign-in.free-failures-per-device", defaultValue = "10")
  int perDevice;

  @ConfigProperty(name = "errata.sign-in.longest-wait", defaultValue = "15m")
  Duration longestWait;

  /** One counter. */
  @Entity
  @Table(name = "sign_in_throttle")
  public static class Counter extends PanacheEntityBase {
    @Id
    @Column(name = "throttle_key", length = 300)
    public String key;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure_at", nullable = false)
    public Instant lastFailureAt;

    @Column(name = "blocked_until")
    public Instant blockedUntil;
  }

  /** Who is trying: the account name typed, the client's address, and its device, if known. */
  public record Attempt(String username, String address, String device) {

    List<Key> keys(SignInThrottle t) {
      // No account's name holds a NUL, and PostgreSQL stores none: a typed one counts as U+FFFD.
      String name =
          username == null ? "" : username.strip().toLowerCase(Locale.ROOT).replace('\0', '\uFFFD');
      List<Key> keys = new ArrayList<>();
      if (device != null) {
        keys.add(new Key("device:" + device, t.perDevice));
      } else {
        keys.add(new Key("address:" + address, t.perAddress));
        keys.add(new Key("account:" + name, t.perAccount));
        keys.add(new Key("pair:" + name + "|" + address, t.perPair));
      }
      return keys;
    }
  }

  record Key(String name, int free) {
    String stored() {
      return name.length() <= 300 ? name : name.substring(0, 300);
    }
  }

  /** How long this attempt must wait before a password is checked; zero when it may go ahead. */
  public Duration waitFor(Attempt attempt, Instant now) {
    List<String> keys = attempt.keys(this).stream().map(Key::stored).toList();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Duration wait = Duration.ZERO;
              for (Counter c : Counter.<Counter>list("key in ?1", keys)) {
                if (c.blockedUntil != null && c.blockedUntil.isAfter(now)) {
                  Duration left = Duration.between(now, c.blockedUntil);
                  wait = left.compareTo(wait) > 0 ? left : wait;
                }
              }
              return wait;
            });
  }

  /** Counts a failed attempt under each of its keys. */
  public void failed(Attempt attempt, Instant now) {
    meters.counter("errata.sign.in.failures").increment();
    for (Key key : attempt.keys(this)) {
      try {
        count(key, now);
      } catch (PersistenceException e) {
        // Another attempt created the same counter at this moment: count on the stored one.
        count(key, now);
      }
    }
  }

  /** A right password: the pair (or the device) starts again from nothing. */
  public void succeeded(Attempt attempt) {
    List<String> keys =
        attempt.keys(this).stream()
            .map(Key::stored)
            .filter(k -> k.startsWith("pair:") || k.startsWith("device:"))
            .toList();
    QuarkusTransaction.requiringNew().run(() -> Counter.delete("key in ?1", keys));
  }

  private void count(Key key, Instant now) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Counter c =
                  Counter.getEntityManager()
                      .find(Counter.class, key.stored(), LockModeType.PESSIMISTIC_WRITE);
              boolean fresh = c == null;
              if (fresh) {
                c = new Counter();
                c.key = key.stored();
              } else if (c.lastFailureAt.plus(WINDOW).isBefore(now)) {
                c.failures = 0;
                c.blockedUntil = null;
              }
              c.failures++;
              c.lastFailureAt = now;
              // The last free failure already makes the next attempt wait.
              int over = c.failures - key.free() + 1;
              if (over > 0) {
                c.blockedUntil = now.plus(delay(over));
              }
              if (fresh) {
                c.persist();
              }
            });
  }

  /** Forgets counters nobody has failed on for a while. */
  @Scheduled(every = "1h", delayed = "10m")
  void forget() {
    Instant cut = Instant.now().minus(WINDOW);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Counter.delete(
                    "lastFailureAt < ?1 and (blockedUntil is null or blockedUntil < ?2)",
                    cut,
                    Instant.now()));
  }

  /** 1 s after the last free failure, doubling with each further one, up to the cap. */
  Duration delay(int over) {
    long seconds = over >= 31 ? Long.MAX_VALUE : 1L << (over - 1);
    Duration d = Duration.ofSeconds(Math.min(seconds, longestWait.toSeconds()));
    return d;
  }
}
