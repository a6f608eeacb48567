package org.errata.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches a page that a person named, safely: http and https only, at most three redirects each
 * checked again, ten seconds in all, two MiB at most, HTML or plain text only, and never an address
 * on a private, loopback, link-local or multicast network (unless configured for tests). Every
 * failure is a sentence the editor can act on.
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

  /** Replaced in tests only, to reach a local server through a proxy. */
  HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Replaced in tests only, to give a test host name a public address. */
  Resolver resolver = InetAddress::getAllByName;

  /** Host name to addresses. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A fetch that did not give a page; the message says why in the editor's terms. */
  public static class FetchFailed extends RuntimeException {
    /** The HTTP status the page answered with, or 0 when it never answered. */
    public final int status;

    public FetchFailed(String message) {
      this(message, 0);
    }

    public FetchFailed(String message, int status) {
      super(message, null, false, false);
      this.status = status;
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
      String sha256) {}

  public boolean isEnabled() {
    return enabled;
  }

  public Fetched fetch(String url) {
    if (!enabled) {
      throw new FetchFailed("Fetching pages is switched off here: paste the page's text instead.");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = parse(url);
    for (int hop = 0; ; hop++) {
      checkAddress(uri);
      HttpResponse<byte[]> response = send(uri, deadline);
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
          throw new FetchFailed(
              "The page answered " + status + " (a redirect) without saying where to.");
        }
        if (hop >= MAX_REDIRECTS) {
          throw new FetchFailed(
              "The page redirected more than " + MAX_REDIRECTS + " times; give its final address.");
        }
        uri = parse(uri.resolve(location.strip()).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        throw new FetchFailed("The page answered " + status + describe(status) + ".", status);
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      String mime = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
      boolean html = mime.equals("text/html") || mime.equals("application/xhtml+xml");
      if (!html && !mime.equals("text/plain")) {
        throw new FetchFailed(
            "The page is "
                + (mime.isEmpty() ? "of no stated type" : mime)
                + ", not an HTML page or plain text: paste the words from it instead.");
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
          sha256(page.text()));
    }
  }

  private static String decodeHtml(byte[] body, Charset declared) {
    if (declared != null) {
      return new String(body, declared);
    }
    // jsoup reads the charset from a BOM or <meta charset>, UTF-8 otherwise.
    try {
      return org.jsoup.Jsoup.parse(new java.io.ByteArrayInputStream(body), null, "").outerHtml();
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

  private void checkAddress(URI uri) {
    if (allowPrivate) {
      return;
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(IDN.toASCII(host));
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new FetchFailed("The host " + host + " could not be found.");
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        throw new FetchFailed(
            "That address is on a private network ("
                + host
                + " is "
                + address.getHostAddress()
                + "), so Errata will not fetch it.");
      }
    }
  }

  /** Loopback, private, link-local (cloud metadata too), multicast, unspecified or shared. */
  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isMulticastAddress()
        || a.isAnyLocalAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return first == 0
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xFF) == 0)
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xFF;
      return (first & 0xFE) == 0xFC; // unique local fc00::/7 (fd00:ec2::254 metadata included)
    }
    return false;
  }

  private HttpResponse<byte[]> send(URI uri, long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timedOut();
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofNanos(left))
            .header("User-Agent", USER_AGENT)
            .header("Accept", "text/html, text/plain;q=0.9")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new Limited(MAX_BYTES));
    try {
      return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed("Fetching was interrupted.");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FetchFailed failed) {
        throw failed;
      }
      if (cause instanceof HttpTimeoutException) {
        throw timedOut();
      }
      if (cause instanceof ConnectException) {
        throw new FetchFailed("Could not connect to " + uri.getHost() + ".");
      }
      if (cause instanceof SSLException) {
        throw new FetchFailed(
            "The secure connection to " + uri.getHost() + " failed (a certificate problem).");
      }
      throw new FetchFailed("Could not fetch the page from " + uri.getHost() + ".");
    }
  }

  private FetchFailed timedOut() {
    long seconds = Math.max(1, timeout.toSeconds());
    return new FetchFailed(
        "The page took longer than "
            + seconds
            + (seconds == 1 ? " second" : " seconds")
            + " to answer; try again later or paste its text.");
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Collects the body, failing as soon as it grows past the limit. */
  static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private int size;

    Limited(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        size += item.remaining();
        if (size > limit) {
          subscription.cancel();
          result.completeExceptionally(
              new FetchFailed("The page is larger than 2 MiB; paste the part you quote instead."));
          return;
        }
        buffers.add(item);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      byte[] all = new byte[size];
      int at = 0;
      for (ByteBuffer b : buffers) {
        int n = b.remaining();
        b.get(all, at, n);
        at += n;
      }
      result.complete(all);
    }
  }
}
