package org.errata.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code target/quarkus-app/errata backup}: asks the Errata running on this machine for a backup
 * (system/Backups) and prints where it is; exits 1 with the reason when it could not be made.
 */
public final class BackupCommand {

  private BackupCommand() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    HttpResponse<String> answer;
    try {
      answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri)
                      .timeout(Duration.ofMinutes(30))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      System.err.println(
          "No Errata answers at "
              + uri
              + " (is it running here? ERRATA_MANAGEMENT_PORT names another port).");
      System.exit(1);
      return;
    }
    if (answer.statusCode() == 201) {
      System.out.println(answer.body());
    } else {
      System.err.println(answer.body());
      System.exit(1);
    }
  }
}
