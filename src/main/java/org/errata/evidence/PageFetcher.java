package org.errata.evidence;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.source.Snapshot;
import org.jsoup.Jsoup;

/**
 * Fetches a page that a person named, safely: http and https only, at most three redirects each
 * checked again, ten seconds in all, two MiB at most (after decompression), HTML or plain text
 * only, and only from public addresses of the internet ({@link PublicAddresses}), unless configured
 * for tests. Each hop resolves its host once, checks every address it got, and connects to the
 * address it checked (the host name still goes in the Host header and in TLS), so a name that
 * resolves differently a moment later (DNS rebinding) cannot lead it anywhere else. Every failure
 * is a sentence the editor can act on, and the same sentence whatever lies behind an unreachable
 * address.
 */
@ApplicationScoped
public class PageFetcher {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  public static final int MAX_REDIRECTS = 3;
  static final String USER_AGENT =
      "Errata/1.0 (corrections desk; checks that quoted words are on their pages)";

  @ConfigProperty(name = "errata.fetch.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "errata.fetch.allow-private-addresses", defaultValue = "false")
  boolean allowPrivate;

  @ConfigProperty(name = "errata.fetch.timeout", defaultValue = "10s")
  Duration timeout;

  @Inject Vertx vertx;

  /** Failed fetches, counted by reason (/q/metrics); absent where a test makes its own fetcher. */
  @Inject MeterRegistry meters;

  private volatile HttpClient client;

  /** Replaced in tests only, to give a test host name a public address. */
  Resolver resolver = InetAddress::getAllByName;

  /**
   * Where a checked address is reached: itself. Replaced in tests only, to stand in for the
   * internet with a server on this machine.
   */
  Function<InetSocketAddress, InetSocketAddress> network = a -> a;

  /** Host name to addresses. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A fetch that did not give a page; the message says why in the editor's terms. */
  public static class FetchFailed extends RuntimeException {
    /** Why, in one word: counted by reason in the metrics (system/OperationsMetrics). */
    public enum Reason {
      SWITCHED_OFF,
      BAD_ADDRESS,
      HOST_NOT_FOUND,
      PRIVATE_ADDRESS,
      UNREACHABLE,
      TIMEOUT,
      TLS,
      HTTP_STATUS,
      REDIRECTS,
      NOT_A_PAGE,
      TOO_LARGE,
      INTERRUPTED
    }

    /** The HTTP status the page answered with, or 0 when it never answered. */
    public final int status;

    public final Reason reason;

    public FetchFailed(String message) {
      this(message, Reason.BAD_ADDRESS);
    }

    public FetchFailed(String message, Reason reason) {
      this(message, 0, reason);
    }

    public FetchFailed(String message, int status) {
      this(message, status, Reason.HTTP_STATUS);
    }

    public FetchFailed(String message, int status, Reason reason) {
      super(message, null, false, false);
      this.status = status;
      this.reason = reason;
    }

    /** The page is gone for good, rather than out of reach for a moment. */
    public boolean gone() {
      return status == 404 || status == 410;
    }
  }

  /** What a fetch brought back: the readable text and where it really came from. */
  public record Fetched(
      String requestedUrl,
      String finalUrl,
      int status,
      Instant fetchedAt,
      String text,
      String canonicalUrl,
      String sha256,
      String ampUrl,
      String title) {}

  /** One answer: status, headers that matter, and the body. */
  private record Answer(int status, String location, String contentType, byte[] body) {}

  public boolean isEnabled() {
    return enabled;
  }

  public Fetched fetch(String url) {
    try {
      return fetchOnce(url);
    } catch (FetchFailed e) {
      if (meters != null) {
        meters
            .counter("errata.fetch.failures", "reason", e.reason.name().toLowerCase(Locale.ROOT))
            .increment();
      }
      throw e;
    }
  }

  private Fetched fetchOnce(String url) {
    if (!enabled) {
      throw new FetchFailed(
          "Fetching pages is switched off here: paste the page's text instead.",
          FetchFailed.Reason.SWITCHED_OFF);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = parse(url);
    for (int hop = 0; ; hop++) {
      InetAddress address = checkedAddress(uri);
      Answer response =
          send(
              uri,
              address,
              deadline,
              HttpMethod.GET,
              Map.of("Accept", "text/html, text/plain;q=0.9"),
              null);
      int status = response.status();
      if (status >= 300 && status < 400) {
        String location = response.location();
        if (location == null) {
          throw new FetchFailed(
              "The page answered " + status + " (a redirect) without saying where to.",
              FetchFailed.Reason.REDIRECTS);
        }
        if (hop >= MAX_REDIRECTS) {
          throw new FetchFailed(
              "The page redirected more than " + MAX_REDIRECTS + " times; give its final address.",
              FetchFailed.Reason.REDIRECTS);
        }
        try {
          uri = parse(uri.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
          throw new FetchFailed(
              "The page redirected to an address that is not valid.", FetchFailed.Reason.REDIRECTS);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        throw new FetchFailed("The page answered " + status + describe(status) + ".", status);
      }
      String type = response.contentType() == null ? "" : response.contentType();
      String mime = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
      boolean html = mime.equals("text/html") || mime.equals("application/xhtml+xml");
      if (!html && !mime.equals("text/plain")) {
        throw new FetchFailed(
            "The page is "
                + (mime.isEmpty() ? "of no stated type" : mime)
                + ", not an HTML page or plain text: paste the words from it instead.",
            FetchFailed.Reason.NOT_A_PAGE);
      }
      byte[] body = response.body();
      Charset charset = charset(type);
      PageText.Page page =
          html
              ? PageText.fromHtml(decodeHtml(body, charset), uri.toString())
              : PageText.fromPlainText(
                  new String(body, charset == null ? StandardCharsets.UTF_8 : charset));
      return new Fetched(
          url,
          uri.toString(),
          status,
          Instant.now(),
          page.text(),
          page.canonicalUrl(),
          Snapshot.sha256(page.text()),
          page.ampUrl(),
          page.title() == null || page.title().isBlank() ? null : page.title().strip());
    }
  }

  private static String decodeHtml(byte[] body, Charset declared) {
    if (declared != null) {
      return new String(body, declared);
    }
    // jsoup reads the charset from a BOM or <meta charset>, UTF-8 otherwise.
    try {
      return Jsoup.parse(new ByteArrayInputStream(body), null, "").outerHtml();
    } catch (IOException e) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static Charset charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String describe(int status) {
    return switch (status) {
      case 401, 403 -> " (the page is behind a login or refuses robots: paste its text instead)";
      case 404 -> " (no page at this address)";
      case 410 -> " (the page was removed)";
      case 429 -> " (too many requests: try again later)";
      default -> status >= 500 ? " (the site had an error: try again later)" : "";
    };
  }

  static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new FetchFailed("There is no address to fetch.");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchFailed("That is not a web address Errata can fetch.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchFailed("Only http:// and https:// addresses are fetched.");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new FetchFailed("That address has no host name.");
    }
    return uri;
  }

  /** Resolves the host once and checks every address; the one to connect to. */
  InetAddress checkedAddress(URI uri) {
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(IDN.toASCII(host));
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new FetchFailed(
          "The host " + host + " could not be found.", FetchFailed.Reason.HOST_NOT_FOUND);
    }
    if (addresses == null || addresses.length == 0) {
      throw new FetchFailed(
          "The host " + host + " could not be found.", FetchFailed.Reason.HOST_NOT_FOUND);
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (!PublicAddresses.isPublic(address)) {
          throw new FetchFailed(
              "That address is on a private or special network ("
                  + host
                  + "), so Errata will not fetch it.",
              FetchFailed.Reason.PRIVATE_ADDRESS);
        }
      }
    }
    return addresses[0];
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c =
              vertx.createHttpClient(
                  new HttpClientOptions()
                      .setConnectTimeout(5000)
                      .setTryUseCompression(true)
                      .setVerifyHost(true)
                      .setForceSni(true)
                      .setKeepAlive(false)
                      .setMaxPoolSize(8));
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * POSTs {@code body} to {@code url} through the same guard as every fetch (http or https, public
   * addresses only unless configured otherwise, the same timeout and size limit on the answer);
   * redirects are not followed. Used for webhooks, whose addresses admins type.
   */
  public int post(String url, byte[] body, Map<String, String> headers) {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = parse(url);
    return send(uri, checkedAddress(uri), deadline, HttpMethod.POST, headers, body).status();
  }

  private Answer send(
      URI uri,
      InetAddress address,
      long deadline,
      HttpMethod method,
      Map<String, String> headers,
      byte[] requestBody) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timedOut();
    }
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetSocketAddress target = network.apply(new InetSocketAddress(address, port));
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setHost(host)
            .setPort(port)
            .setSsl(https)
            .setURI(path)
            .setServer(
                SocketAddress.inetSocketAddress(
                    target.getPort(), target.getAddress().getHostAddress()))
            .setFollowRedirects(false)
            .setIdleTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)))
            .putHeader("User-Agent", USER_AGENT);
    headers.forEach(options::putHeader);
    if (port != (https ? 443 : 80)) {
      options.putHeader("Host", (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    client()
        .request(options)
        .onSuccess(
            request -> {
              // The body handlers go on before the request is sent, so no chunk can come first.
              request
                  .response()
                  .onSuccess(response -> collect(response, answer))
                  .onFailure(answer::completeExceptionally);
              (requestBody == null ? request.end() : request.end(Buffer.buffer(requestBody)))
                  .onFailure(answer::completeExceptionally);
            })
        .onFailure(answer::completeExceptionally);
    try {
      return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw timedOut();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed("Fetching was interrupted.", FetchFailed.Reason.INTERRUPTED);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FetchFailed failed) {
        throw failed;
      }
      if (cause instanceof io.netty.handler.timeout.TimeoutException
          || cause instanceof TimeoutException
          || (cause != null && cause.getClass().getSimpleName().contains("Timeout"))) {
        throw timedOut();
      }
      if (cause instanceof SSLException || cause instanceof javax.net.ssl.SSLHandshakeException) {
        throw new FetchFailed(
            "The secure connection to " + host + " failed (a certificate problem).",
            FetchFailed.Reason.TLS);
      }
      // Refused, reset, closed or unreachable: one sentence, so nobody can tell which.
      throw new FetchFailed(
          "Could not reach " + host + " to fetch the page.", FetchFailed.Reason.UNREACHABLE);
    }
  }

  /** Reads the body, failing as soon as it grows past the limit. */
  private static void collect(HttpClientResponse response, CompletableFuture<Answer> answer) {
    Buffer body = Buffer.buffer();
    response.exceptionHandler(answer::completeExceptionally);
    response.handler(
        chunk -> {
          if (answer.isDone()) {
            return;
          }
          if (body.length() + chunk.length() > MAX_BYTES) {
            answer.completeExceptionally(
                new FetchFailed(
                    "The page is larger than 2 MiB; paste the part you quote instead.",
                    FetchFailed.Reason.TOO_LARGE));
            response.request().reset();
            return;
          }
          body.appendBuffer(chunk);
        });
    response.endHandler(
        v ->
            answer.complete(
                new Answer(
                    response.statusCode(),
                    response.getHeader("Location"),
                    response.getHeader("Content-Type"),
                    body.getBytes())));
  }

  private FetchFailed timedOut() {
    long seconds = Math.max(1, timeout.toSeconds());
    return new FetchFailed(
        "The page took longer than "
            + seconds
            + (seconds == 1 ? " second" : " seconds")
            + " to answer; try again later or paste its text.",
        FetchFailed.Reason.TIMEOUT);
  }
}
