package org.errata.account;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Errata behind a TLS-terminating proxy on this machine that it is told to trust (as in
 * docs/operations.md), with the real sign-in limits: tests play clients at other addresses with
 * X-Forwarded-For, and HTTPS with X-Forwarded-Proto.
 */
public class BehindAProxy implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.proxy.proxy-address-forwarding", "true",
        "quarkus.http.proxy.allow-x-forwarded", "true",
        "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
        "errata.sign-in.free-failures-per-address", "30",
        "errata.sign-in.free-failures-per-account", "10",
        "errata.sign-in.free-failures-per-account-and-address", "5",
        "errata.sign-in.free-failures-per-device", "10",
        "errata.suggestions.per-client-per-hour", "5",
        "quarkus.datasource.jdbc.url", org.errata.system.TestDatabases.own("errata-proxy"));
  }
}
