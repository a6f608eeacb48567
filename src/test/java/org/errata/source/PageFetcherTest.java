package org.errata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
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
    server.setExecutor(Executors.newFixedThreadPool(4));
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
          // Reached through the proxy for http://public.example/...: a redirect to this machine.
          if (ex.getRequestURI().toString().contains("public.example")) {
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

  static PageFetcher fetcher(boolean allowPrivate, Duration timeout) {
    PageFetcher f = new PageFetcher();
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
    assertEquals(PageFetcher.sha256(page.text()), page.sha256());
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
    assertTrue(message.startsWith("That address is on a private network (127.0.0.1"), message);
  }

  @Test
  void aRedirectToThisMachineIsRefusedAtThatHop() {
    PageFetcher f = fetcher(false, Duration.ofSeconds(5));
    // public.example "resolves" to a public address and is reached through the test server as a
    // proxy.
    f.resolver =
        host ->
            host.equals("public.example")
                ? new InetAddress[] {
                  InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})
                }
                : InetAddress.getAllByName(host);
    f.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(ProxySelector.of(server.getAddress()))
            .build();
    String message = failure(f, "http://public.example/start");
    assertTrue(
        message.startsWith("That address is on a private network (127.0.0.1 is 127.0.0.1)"),
        message);
  }

  @Test
  void fetchingCanBeSwitchedOff() {
    PageFetcher f = local();
    f.enabled = false;
    assertTrue(failure(f, base + "/page").startsWith("Fetching pages is switched off here"));
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true", "10.1.2.3, true", "172.16.0.9, true", "192.168.1.1, true",
    "169.254.169.254, true", "100.64.0.1, true", "0.0.0.0, true", "224.0.0.1, true",
    "255.255.255.255, true", "::1, true", "fe80::1, true", "fd00:ec2::254, true",
    "93.184.216.34, false", "8.8.8.8, false", "2606:4700::1111, false", "172.32.0.1, false"
  })
  void privateAndSpecialAddressesAreRecognised(String address, boolean isPrivate) throws Exception {
    assertEquals(isPrivate, PageFetcher.isPrivate(InetAddress.getByName(address)), address);
    assertFalse(PageFetcher.isPrivate(InetAddress.getByName("1.1.1.1")));
  }
}
