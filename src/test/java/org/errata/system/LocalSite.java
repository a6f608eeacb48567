package org.errata.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A web site on this machine whose pages a test sets and changes; stands in for the internet. */
public final class LocalSite implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();

  public LocalSite() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        ex -> {
          String body = pages.get(ex.getRequestURI().getPath());
          byte[] bytes =
              (body == null ? "<p>Not found</p>" : body).getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          headers
              .getOrDefault(ex.getRequestURI().getPath(), Map.of())
              .forEach((name, value) -> ex.getResponseHeaders().add(name, value));
          ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.start();
  }

  /** Serves {@code html} at {@code path} (null: takes the page down); returns its address. */
  public String page(String path, String html) {
    if (html == null) {
      pages.remove(path);
    } else {
      pages.put(path, html);
    }
    return url(path);
  }

  /** Serves {@code html} at {@code path} with these extra response headers. */
  public String page(String path, String html, Map<String, String> extra) {
    headers.put(path, Map.copyOf(extra));
    return page(path, html);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
