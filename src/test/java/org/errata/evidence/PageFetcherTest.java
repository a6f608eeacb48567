package org.errata.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.errata.source.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fetching against a real HTTP server started here, on this machine; no test touches the internet.
 */
class PageFetcherTest {

  static HttpServer server;
  static String base;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext(
        "/page",
        ex ->
            send(
                ex,
                200,
                "text/html; charset=utf-8",
                "<html><head><link rel=canonical href='https://news.example/story'></head><body><nav>menu</nav><p>Computer use runs outside the virtual machine.</p><script>x()</script></body></html>"));
    server.createContext("/plain", ex -> send(ex, 200, "text/plain", "Line one\nLine two"));
    server.createContext(
        "/latin1",
        ex -> {
          byte[] body = "<p>Crème brûlée</p>".getBytes(StandardCharsets.ISO_8859_1);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=ISO-8859-1");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.createContext("/r1", ex -> redirect(ex, "/r2"));
    server.createContext("/r2", ex -> redirect(ex, "/r3"));
    server.createContext("/r3", ex -> redirect(ex, base + "/page"));
    server.createContext("/r0", ex -> redirect(ex, "/r1"));
    server.createContext("/missing", ex -> send(ex, 404, "text/html", "<p>Not here</p>"));
    server.createContext("/pdf", ex -> send(ex, 200, "application/pdf", "%PDF-1.7"));
    server.createContext(
        "/huge",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          ex.sendResponseHeaders(200, 0); // chunked: no length announced
          byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 48; i++) { // 3 MiB
              out.write(chunk);
            }
          } catch (IOException e) {
            // the client hung up after 2 MiB, as it should
          }
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            Thread.sleep(4000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, "text/plain", "late");
        });
    server.createContext(
        "/",
        ex -> {
          // A public page that redirects to this machine.
          if (ex.getRequestURI().getPath().equals("/to-this-machine")) {
            redirect(ex, "http://127.0.0.1:" + server.getAddress().getPort() + "/page");
          } else {
            send(ex, 404, "text/plain", "no");
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    vertx.close();
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().add("Location", to);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  static Vertx vertx = Vertx.vertx();

  static PageFetcher fetcher(boolean allowPrivate, Duration timeout) {
    PageFetcher f = new PageFetcher();
    f.vertx = vertx;
    f.enabled = true;
    f.allowPrivate = allowPrivate;
    f.timeout = timeout;
    return f;
  }

  static PageFetcher local() {
    return fetcher(true, Duration.ofSeconds(10));
  }

  static String failure(PageFetcher f, String url) {
    return assertThrows(PageFetcher.FetchFailed.class, () -> f.fetch(url)).getMessage();
  }

  @Test
  void anHtmlPageBecomesReadableTextWithItsCanonicalAddressAndFingerprint() {
    PageFetcher.Fetched page = local().fetch(base + "/page");
    assertEquals("Computer use runs outside the virtual machine.", page.text());
    assertEquals("https://news.example/story", page.canonicalUrl());
    assertEquals(200, page.status());
    assertEquals(base + "/page", page.finalUrl());
    assertEquals(Snapshot.sha256(page.text()), page.sha256());
    assertEquals(64, page.sha256().length());
  }

  @Test
  void plainTextAndDeclaredCharsetsAreRead() {
    assertEquals("Line one\nLine two", local().fetch(base + "/plain").text());
    assertEquals("Crème brûlée", local().fetch(base + "/latin1").text());
  }

  @Test
  void threeRedirectsAreFollowedAndTheFinalAddressKept() {
    PageFetcher.Fetched page = local().fetch(base + "/r1");
    assertEquals(base + "/page", page.finalUrl());
    assertEquals(base + "/r1", page.requestedUrl());
  }

  @Test
  void aFourthRedirectIsRefused() {
    assertTrue(failure(local(), base + "/r0").contains("redirected more than 3 times"));
  }

  @Test
  void anErrorStatusIsASentence() {
    assertEquals(
        "The page answered 404 (no page at this address).", failure(local(), base + "/missing"));
  }

  @Test
  void anythingButHtmlOrPlainTextIsRefused() {
    assertTrue(
        failure(local(), base + "/pdf")
            .startsWith("The page is application/pdf, not an HTML page or plain text"));
  }

  @Test
  void aPageOverTwoMebibytesIsRefused() {
    assertEquals(
        "The page is larger than 2 MiB; paste the part you quote instead.",
        failure(local(), base + "/huge"));
  }

  @Test
  void aSlowPageTimesOut() {
    long t0 = System.nanoTime();
    String message = failure(fetcher(true, Duration.ofSeconds(1)), base + "/slow");
    assertEquals(
        "The page took longer than 1 second to answer; try again later or paste its text.",
        message);
    assertTrue(
        System.nanoTime() - t0 < 3_500_000_000L, "gave up at the deadline, not after the page");
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    assertEquals(
        "Only http:// and https:// addresses are fetched.",
        failure(local(), "ftp://example.com/a"));
    assertEquals(
        "Only http:// and https:// addresses are fetched.", failure(local(), "file:///etc/passwd"));
  }

  @Test
  void aLoopbackAddressIsRefusedUnlessAllowed() {
    String message = failure(fetcher(false, Duration.ofSeconds(5)), base + "/page");
    assertEquals(
        "That address is on a private or special network (127.0.0.1), so Errata will not fetch it.",
        message);
  }

  @Test
  void aWebhookPostIsHeldToTheSameGuard() {
    PageFetcher guarded = fetcher(false, Duration.ofSeconds(5));
    PageFetcher.FetchFailed refused =
        assertThrows(
            PageFetcher.FetchFailed.class,
            () -> guarded.post(base + "/hook", new byte[] {'{', '}'}, java.util.Map.of()));
    assertEquals(
        "That address is on a private or special network (127.0.0.1), so Errata will not fetch it.",
        refused.getMessage());
    assertThrows(
        PageFetcher.FetchFailed.class,
        () -> guarded.post("file:///etc/passwd", new byte[0], java.util.Map.of()));
    assertThrows(
        PageFetcher.FetchFailed.class,
        () ->
            guarded.post(
                "http://169.254.169.254/latest/meta-data/", new byte[0], java.util.Map.of()));
  }

  /** A public address that, in this test, is reached at the test server (the "internet"). */
  static final byte[] PUBLIC = {93, (byte) 184, (byte) 216, 34};

  static PageFetcher throughTheInternet(PageFetcher.Resolver resolver) {
    PageFetcher f = fetcher(false, Duration.ofSeconds(5));
    f.resolver = resolver;
    f.network =
        a ->
            Arrays.equals(a.getAddress().getAddress(), PUBLIC)
                ? new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), server.getAddress().getPort())
                : a;
    return f;
  }

  @Test
  void aPublicAddressIsFetched() throws Exception {
    PageFetcher f =
        throughTheInternet(host -> new InetAddress[] {InetAddress.getByAddress(host, PUBLIC)});
    assertEquals(
        "Computer use runs outside the virtual machine.",
        f.fetch("http://public.example/page").text());
  }

  @Test
  void aRedirectToThisMachineIsRefusedAtThatHop() {
    PageFetcher f =
        throughTheInternet(
            host ->
                host.equals("public.example")
                    ? new InetAddress[] {InetAddress.getByAddress(host, PUBLIC)}
                    : InetAddress.getAllByName(host));
    // The public page redirects to http://127.0.0.1:<port>/page.
    String message = failure(f, "http://public.example/to-this-machine");
    assertEquals(
        "That address is on a private or special network (127.0.0.1), so Errata will not fetch it.",
        message);
  }

  @Test
  void aNameThatResolvesElsewhereAfterTheCheckIsStillFetchedFromTheCheckedAddress() {
    // DNS rebinding: the first answer is public, every later one is this machine. The fetch must
    // ask once per hop and connect to what it checked, never to a second answer.
    AtomicInteger asked = new AtomicInteger();
    PageFetcher f =
        throughTheInternet(
            host ->
                new InetAddress[] {
                  asked.getAndIncrement() == 0
                      ? InetAddress.getByAddress(host, PUBLIC)
                      : InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})
                });
    assertEquals(
        "Computer use runs outside the virtual machine.",
        f.fetch("http://rebinding.example/page").text());
    assertEquals(1, asked.get());
  }

  @Test
  void aNameWithOnePrivateAddressAmongPublicOnesIsRefused() {
    PageFetcher f =
        throughTheInternet(
            host ->
                new InetAddress[] {
                  InetAddress.getByAddress(host, PUBLIC),
                  InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5})
                });
    assertTrue(failure(f, "http://mixed.example/page").startsWith("That address is on a private"));
  }

  @Test
  void unreachableAddressesAllGetTheSameSentence() {
    PageFetcher f = fetcher(true, Duration.ofSeconds(3));
    // A closed port on this machine and a port that speaks no HTTP say the same thing.
    String closed = failure(f, "http://127.0.0.1:9/page");
    assertEquals("Could not reach 127.0.0.1 to fetch the page.", closed);
  }

  @Test
  void fetchingCanBeSwitchedOff() {
    PageFetcher f = local();
    f.enabled = false;
    assertTrue(failure(f, base + "/page").startsWith("Fetching pages is switched off here"));
  }

  @ParameterizedTest
  @CsvSource({
    // IPv4: private, loopback, link-local and cloud metadata, shared, documentation, reserved
    "0.0.0.0, true",
    "0.1.2.3, true",
    "10.1.2.3, true",
    "100.64.0.1, true",
    "100.127.255.254, true",
    "127.0.0.1, true",
    "127.255.255.255, true",
    "169.254.169.254, true",
    "172.16.0.9, true",
    "172.31.255.255, true",
    "192.0.0.9, true",
    "192.0.2.2, true",
    "192.31.196.1, true",
    "192.52.193.1, true",
    "192.88.99.1, true",
    "192.168.1.1, true",
    "192.175.48.1, true",
    "198.18.0.1, true",
    "198.19.255.255, true",
    "198.51.100.7, true",
    "203.0.113.9, true",
    "224.0.0.1, true",
    "239.255.255.250, true",
    "240.0.0.1, true",
    "255.255.255.255, true",
    // IPv6: loopback, unspecified, link-local, unique local, multicast, documentation, special
    "::1, true",
    "::, true",
    "fe80::1, true",
    "fd00:ec2::254, true",
    "fc00::1, true",
    "ff02::1, true",
    "2001:db8::1, true",
    "3fff::1, true",
    "100::1, true",
    "2001:2::1, true",
    "2620:4f:8000::1, true",
    "5f00::1, true",
    "fec0::1, true",
    "64:ff9b:1::a00:1, true",
    // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4, Teredo
    "::ffff:127.0.0.1, true",
    "::ffff:10.0.0.1, true",
    "::127.0.0.1, true",
    "::10.0.0.1, true",
    "64:ff9b::127.0.0.1, true",
    "64:ff9b::a9fe:a9fe, true",
    "2002:7f00:1::1, true",
    "2002:a00:1::1, true",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2, true",
    // the public internet
    "93.184.216.34, false",
    "8.8.8.8, false",
    "1.1.1.1, false",
    "172.32.0.1, false",
    "100.128.0.1, false",
    "192.0.3.1, false",
    "2606:4700::1111, false",
    "2a00:1450:4001::1, false",
    "::ffff:8.8.8.8, false",
    "64:ff9b::808:808, false",
    "2002:808:808::1, false"
  })
  void specialPurposeAddressesAreRefusedAndPublicOnesAllowed(String address, boolean special)
      throws Exception {
    assertEquals(special, !PublicAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @Test
  void everyAddressOfThisMachineIsRefusedWhateverItsRange() throws Exception {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        assertFalse(PublicAddresses.isPublic(a), a.toString());
      }
    }
  }
}
