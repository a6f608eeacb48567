package org.errata.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness tells whether the mail server named in the settings accepts connections. */
class MailHealthTest {

  static MailHealth configured(int port) {
    MailHealth h = new MailHealth();
    h.enabled = true;
    h.mock = Optional.of(false);
    h.host = "127.0.0.1";
    h.port = Optional.of(port);
    h.tls = Optional.of(false);
    return h;
  }

  @Test
  void aMailServerThatAcceptsConnectionsIsUp() throws Exception {
    try (ServerSocket smtp = new ServerSocket(0)) {
      assertEquals(
          HealthCheckResponse.Status.UP, configured(smtp.getLocalPort()).call().getStatus());
    }
  }

  @Test
  void aMailServerThatDoesNotAnswerIsDownWithTheReason() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    HealthCheckResponse r = configured(closed).call();
    assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
    assertEquals("127.0.0.1:" + closed, r.getData().orElseThrow().get("server"));
  }

  @Test
  void withMailOffThereIsNothingToWaitFor() {
    MailHealth h = configured(1);
    h.enabled = false;
    assertEquals(HealthCheckResponse.Status.UP, h.call().getStatus());
  }
}
