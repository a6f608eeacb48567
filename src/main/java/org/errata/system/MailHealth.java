package org.errata.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names the mail server when notices are mailed: up when its port accepts a connection
 * within two seconds. Not part of readiness when mail is off or only logged (dev, tests).
 */
@Readiness
@ApplicationScoped
public class MailHealth implements HealthCheck {

  @ConfigProperty(name = "errata.mail.enabled")
  boolean enabled;

  @ConfigProperty(name = "quarkus.mailer.mock")
  Optional<Boolean> mock;

  @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
  String host;

  @ConfigProperty(name = "quarkus.mailer.port")
  Optional<Integer> port;

  @ConfigProperty(name = "quarkus.mailer.tls")
  Optional<Boolean> tls;

  @Override
  public HealthCheckResponse call() {
    var answer = HealthCheckResponse.named("mail server");
    if (!enabled || mock.orElse(false)) {
      return answer.up().withData("mail", enabled ? "logged, not sent" : "off").build();
    }
    int p = port.orElse(tls.orElse(false) ? 465 : 25);
    answer.withData("server", host + ":" + p);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, p), 2000);
      return answer.up().build();
    } catch (IOException e) {
      return answer.down().withData("error", "Could not connect: " + e.getMessage()).build();
    }
  }
}
