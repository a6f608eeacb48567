package org.errata.publicsite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.db.PublicGeneration;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What readers see, rendered once and served from memory until something readers can see changes.
 *
 * <p>Every public answer (pages, feeds, exports, badge, notice, public JSON) gets a strong ETag
 * made from its bytes, a Last-Modified, {@code Cache-Control: public} with the configured
 * lifetimes, 304 to a client that already has it, and never a cookie. Its bytes are kept (Caffeine,
 * bounded by {@code errata.public-cache.mb}) under its address and Accept header, tagged with the
 * {@link PublicGeneration} known when its rendering began; the next request for it is answered on
 * the event loop, before sign-in, transactions or worker threads, as long as that generation is
 * still the newest known. A publication, amendment, withdrawal or new article address counts a new
 * generation in its own transaction: this instance knows at commit, others within half a second.
 */
@ApplicationScoped
public class ReaderCache {

  /** Addresses readers read: the same for everyone, signed in or not. */
  private static final Pattern READERS =
      Pattern.compile(
          "/|/articles|/articles\\.txt|/corrections/[0-9]{1,18}(\\.txt|/revisions/[0-9]{1,9})?"
              + "|/search|/sites/[^/]{1,300}|/feeds/.{1,300}|/badge\\.svg|/embed/notice"
              + "|/api/public/corrections(/[0-9]{1,18}(/revisions/[0-9]{1,9})?)?"
              + "|/sitemap\\.xml|/sitemaps/[a-z0-9-]{1,40}\\.xml|/robots\\.txt|/stats(/.{1,40})?");

  /**
   * Statistics are counted on their own schedule (at most every few minutes), so they are not kept
   * here, and the public generation says nothing of when they were counted: no date of ours, and
   * 304 by ETag only (a chart keeps the date it was counted, for information).
   */
  private static final Pattern OWN_SCHEDULE = Pattern.compile("/stats(/.*)?");

  private static final String KEY = "errata.reader-cache.key";
  private static final String GENERATION = "errata.reader-cache.generation";
  private static final String READER = "errata.reader-cache.reader";
  private static final int MAX_ACCEPT = 256;

  /** Headers never kept with the bytes: each answer has its own (and a public one no cookie). */
  private static final Set<String> NOT_KEPT =
      Set.of("set-cookie", "content-length", "date", "transfer-encoding", "content-type");

  /** One public answer as it was sent. */
  record Entry(
      long generation,
      byte[] body,
      List<Map.Entry<String, String>> headers,
      String etag,
      long modifiedSeconds) {
    int weight() {
      return body.length + 64 * headers.size() + 128;
    }
  }

  @Inject PublicGeneration generations;

  private final Cache<String, Entry> entries;
  private final String cacheControl;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Inject
  ReaderCache(
      @ConfigProperty(name = "errata.public-cache.mb", defaultValue = "32") int megabytes,
      @ConfigProperty(name = "errata.http.max-age", defaultValue = "60") int maxAge,
      @ConfigProperty(name = "errata.http.stale-while-revalidate", defaultValue = "600")
          int staleWhileRevalidate) {
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(megabytes * 1024L * 1024L)
            .weigher((String key, Entry e) -> key.length() * 2 + e.weight())
            .recordStats()
            .build();
    this.cacheControl =
        "public, max-age=" + maxAge + ", stale-while-revalidate=" + staleWhileRevalidate;
  }

  static boolean isReaders(String path) {
    return path != null && READERS.matcher(path).matches();
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 3).handler(this::serve);
  }

  /** Answers from memory when it can; otherwise marks the request for {@link #fill}. */
  void serve(RoutingContext rc) {
    HttpMethod method = rc.request().method();
    String path = rc.normalizedPath();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !isReaders(path)) {
      rc.next();
      return;
    }
    // The same page for everyone: whatever a signed-in reader's credentials would refresh, a
    // public answer sets no cookie, so that shared caches may keep it.
    rc.addHeadersEndHandler(v -> rc.response().headers().remove("Set-Cookie"));
    rc.put(READER, Boolean.TRUE);
    String accept = rc.request().getHeader("Accept");
    if (OWN_SCHEDULE.matcher(path).matches() || (accept != null && accept.length() > MAX_ACCEPT)) {
      rc.next();
      return;
    }
    String key = rc.request().uri() + '\n' + (accept == null ? "" : accept);
    long generation = generations.known().generation();
    Entry entry = entries.getIfPresent(key);
    if (entry != null && entry.generation() == generation) {
      answer(rc, entry);
      return;
    }
    rc.put(KEY, key);
    rc.put(GENERATION, generation);
    rc.next();
  }

  private static void answer(RoutingContext rc, Entry entry) {
    HttpServerResponse response = rc.response();
    MultiMap headers = response.headers();
    for (Map.Entry<String, String> h : entry.headers()) {
      headers.add(h.getKey(), h.getValue());
    }
    if (notModified(rc.request(), entry.etag(), entry.modifiedSeconds())) {
      headers.remove("Content-Type");
      response.setStatusCode(304).end();
    } else if (rc.request().method() == HttpMethod.HEAD) {
      headers.set("Content-Length", Integer.toString(entry.body().length));
      response.end();
    } else {
      response.end(Buffer.buffer(entry.body()));
    }
  }

  /**
   * Gives every public answer its validators and lifetimes, answers 304 when the client has it, and
   * keeps a successful one for the next reader.
   */
  @ServerResponseFilter
  public void fill(
      ContainerRequestContext request, ContainerResponseContext response, RoutingContext rc) {
    if (rc == null || rc.get(READER) == null) {
      return;
    }
    int status = response.getStatus();
    if (status != 200 && status != 304) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Cache-Control", cacheControl);
    if (status != 200) {
      return;
    }
    MediaType type = response.getMediaType();
    if (type == null && response.getEntity() instanceof TemplateInstance t) {
      // A page whose type the resource left to its template (text/html for a .html one).
      type =
          t.getTemplate().getVariant().map(v -> MediaType.valueOf(v.getContentType())).orElse(null);
    }
    if (type == null) {
      return;
    }
    byte[] body = bytes(response.getEntity());
    if (body == null) {
      return;
    }
    String path = rc.normalizedPath();
    String etag = response.getHeaderString("ETag");
    if (etag == null) {
      etag = '"' + Conditional.digest(body) + '"';
      headers.putSingle("ETag", etag);
    }
    long modified = -1;
    boolean dated = false;
    if (!OWN_SCHEDULE.matcher(path).matches()) {
      String given = response.getHeaderString("Last-Modified");
      if (given == null) {
        // The newest change readers can see, or this instance's start if later: a new release
        // may render the same data differently.
        Instant changed = generations.known().changedAt();
        Date date = Conditional.dateOf(changed.isAfter(started) ? changed : started);
        if (date != null) {
          modified = date.toInstant().getEpochSecond();
          headers.putSingle("Last-Modified", httpDate(modified));
        }
      } else {
        modified = parseDate(given);
      }
      dated = modified >= 0;
    }
    response.setEntity(body, response.getEntityAnnotations(), type);
    String key = rc.get(KEY);
    // Not kept while undated (within a second of a change): the next answer will have its date.
    if (key != null && dated && "GET".equals(request.getMethod())) {
      List<Map.Entry<String, String>> kept = new ArrayList<>();
      kept.add(Map.entry("Content-Type", type.toString()));
      response
          .getStringHeaders()
          .forEach(
              (name, values) -> {
                if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> kept.add(Map.entry(name, v)));
                }
              });
      long generation = rc.get(GENERATION);
      entries.put(key, new Entry(generation, body, List.copyOf(kept), etag, modified));
    }
    if (notModified(rc.request(), etag, modified)) {
      response.setStatus(304);
      response.setEntity(null);
    }
  }

  /** A publication, amendment or withdrawal changes what readers see. */
  void recorded(@Observes CorrectionDesk.Recorded recorded) {
    for (AuditEvent e : recorded.events()) {
      if (e.action.changesWhatReadersSee()) {
        PublicGeneration.changed(Correction.getEntityManager());
        return;
      }
    }
  }

  /** The share of kept-answer lookups served from memory since start (0 before any). */
  public double hitRatio() {
    return entries.stats().hitRate();
  }

  /** How many answers came from memory since start. */
  public long hits() {
    return entries.stats().hitCount();
  }

  private static byte[] bytes(Object entity) {
    if (entity instanceof byte[] b) {
      return b;
    }
    if (entity instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (entity instanceof TemplateInstance t) {
      return t.render().getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }

  /**
   * Whether the client already has these bytes: If-None-Match decides when sent (weak comparison,
   * as HTTP says); otherwise If-Modified-Since, when it can be read and the answer has a date.
   */
  static boolean notModified(HttpServerRequest request, String etag, long modifiedSeconds) {
    String match = request.getHeader("If-None-Match");
    if (match != null) {
      for (String tag : match.split(",")) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals("*") || t.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    String since = request.getHeader("If-Modified-Since");
    if (since == null || modifiedSeconds < 0) {
      return false;
    }
    long sinceSeconds = parseDate(since);
    return sinceSeconds >= 0 && modifiedSeconds <= sinceSeconds;
  }

  private static String httpDate(long epochSecond) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  /** Seconds since the epoch of an HTTP date; -1 when it cannot be read. */
  private static long parseDate(String value) {
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toEpochSecond();
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
