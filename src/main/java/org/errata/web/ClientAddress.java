package org.errata.web;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address of the client a request came from. Behind a proxy it is the proxy's, unless Quarkus
 * is told to trust the proxy's forwarding headers ({@code quarkus.http.proxy.*}, see
 * docs/operations.md); then it is the address the proxy reports.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(RoutingContext rc) {
    if (rc == null) {
      return "unknown";
    }
    SocketAddress remote = rc.request().remoteAddress();
    if (remote == null) {
      return "unknown";
    }
    String host = remote.hostAddress();
    return host == null || host.isBlank() ? "unknown" : host;
  }
}
