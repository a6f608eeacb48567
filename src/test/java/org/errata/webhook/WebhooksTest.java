package org.errata.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * Webhooks, delivered to a real HTTP server this test starts: signed, retried, all attempts kept.
 */
@QuarkusTest
class WebhooksTest {

  record Received(String signature, String delivery, String event, byte[] body) {}

  /** A receiver that fails its first {@code failures} requests with 500. */
  static final class Receiver implements AutoCloseable {
    final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft;

    Receiver(int failures) throws Exception {
      failuresLeft = new AtomicInteger(failures);
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/hook",
          ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(
                new Received(
                    ex.getRequestHeaders().getFirst("Errata-Signature"),
                    ex.getRequestHeaders().getFirst("Errata-Delivery"),
                    ex.getRequestHeaders().getFirst("Errata-Event"),
                    body));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            ex.sendResponseHeaders(status, -1);
            ex.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  // The scheduler is off in tests (errata.webhooks.every drives it in a running Errata): the test
  // plays its part, asking for due deliveries to be sent while it waits.
  @Inject Webhooks webhooks;

  void await(BooleanSupplier condition, String what) throws Exception {
    for (int i = 0; i < 300; i++) {
      webhooks.sendDue();
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Timed out waiting for " + what);
  }

  static String state(long hook) {
    return Api.as("admin")
        .get("/api/webhooks/" + hook + "/deliveries")
        .jsonPath()
        .getString("deliveries[0].state");
  }

  @Test
  void publicationAmendmentAndWithdrawalArePostedSignedAndRetriedUntilDelivered() throws Exception {
    try (Receiver receiver = new Receiver(2)) {
      Response registered =
          Api.as("admin")
              .body(
                  Map.of(
                      "url",
                      receiver.url(),
                      "events",
                      List.of("published", "amended", "withdrawn")))
              .post("/api/webhooks");
      registered.then().statusCode(201).body("secret", startsWith("whsec_"));
      String secret = registered.path("secret");
      long hook = registered.jsonPath().getLong("id");
      Api.as("admin").get("/api/webhooks").then().body(not(containsString(secret)));

      String url = "webhooks.example/story";
      long id = Api.published(url, "A passage webhooks tell of");
      await(() -> receiver.received.size() >= 3, "two failures and a delivery");
      Received first = receiver.received.get(0);
      Received third = receiver.received.get(2);
      assertEquals(first.delivery(), third.delivery(), "one delivery, retried");
      assertEquals("sha256=" + Webhooks.sign(secret, third.body()), third.signature());
      JsonNode body = new ObjectMapper().readTree(third.body());
      assertEquals("published", body.path("event").asText());
      assertEquals(id, body.path("correction").path("id").asLong());
      assertEquals("A passage webhooks tell of", body.path("correction").path("passage").asText());
      assertTrue(body.path("at").isTextual());

      await(() -> "delivered".equals(state(hook)), "the delivery marked delivered");
      JsonPath deliveries = Api.as("admin").get("/api/webhooks/" + hook + "/deliveries").jsonPath();
      assertEquals(3, deliveries.getList("deliveries[0].attempts").size());
      assertEquals(500, deliveries.getInt("deliveries[0].attempts[0].status"));
      assertEquals(204, deliveries.getInt("deliveries[0].attempts[2].status"));

      Api.amendAndPublish(id, url, "A passage webhooks tell of", "A better summary.", "Clearer.");
      Api.withdraw(id, "Mistaken.");
      await(() -> receiver.received.size() >= 5, "the amendment and the withdrawal");
      List<String> events = receiver.received.stream().map(Received::event).toList();
      assertEquals(List.of("published", "published", "published", "amended", "withdrawn"), events);
      for (Received r : receiver.received) {
        assertEquals("sha256=" + Webhooks.sign(secret, r.body()), r.signature());
      }

      // The admin sees every attempt on the desk.
      Session admin = Session.signIn("admin");
      String page = admin.get("/editor/admin/webhooks/" + hook).asString();
      assertTrue(page.contains("answered 500"), page);
      assertTrue(page.contains("answered 204"));
      Api.as("admin").delete("/api/webhooks/" + hook).then().statusCode(204);
    }
  }

  @Test
  void aReceiverThatNeverAnswersWellIsGivenUpOnAfterSevenAttempts() throws Exception {
    try (Receiver receiver = new Receiver(100)) {
      long hook =
          Api.as("admin")
              .body(Map.of("url", receiver.url(), "events", List.of("withdrawn")))
              .post("/api/webhooks")
              .jsonPath()
              .getLong("id");
      long id = Api.published("webhooks.example/never", "A claim for a receiver that fails");
      webhooks.sendDue();
      assertEquals(0, receiver.received.size(), "only withdrawals were asked for");
      Api.withdraw(id, "Mistaken.");
      await(() -> "gave up".equals(state(hook)), "giving up");
      assertEquals(7, receiver.received.size());
      Api.as("admin").delete("/api/webhooks/" + hook).then().statusCode(204);
    }
  }

  @Test
  void sendersRunningAtOnceAsOnSeveralInstancesDeliverEachEventOnce() throws Exception {
    try (Receiver receiver = new Receiver(0)) {
      long hook =
          Api.as("admin")
              .body(Map.of("url", receiver.url(), "events", List.of("published")))
              .post("/api/webhooks")
              .jsonPath()
              .getLong("id");
      Api.published("webhooks.example/once", "A claim told exactly once");
      Thread[] senders = new Thread[4];
      for (int i = 0; i < senders.length; i++) {
        senders[i] = new Thread(webhooks::sendDue);
        senders[i].start();
      }
      for (Thread t : senders) {
        t.join();
      }
      await(() -> "delivered".equals(state(hook)), "the delivery");
      assertEquals(1, receiver.received.size(), "claimed by one sender only");
      Api.as("admin").delete("/api/webhooks/" + hook).then().statusCode(204);
    }
  }

  @Test
  void registrationIsForAdminsWithClearRefusals() {
    Api.as("ada")
        .body(Map.of("url", "https://hooks.example/x", "events", List.of("published")))
        .post("/api/webhooks")
        .then()
        .statusCode(403)
        .body(
            "error",
            equalTo("Only an admin may do this. Ask one of your admins if it needs doing."));
    Api.as("admin")
        .body(Map.of("url", "ftp://hooks.example/x", "events", List.of("published")))
        .post("/api/webhooks")
        .then()
        .statusCode(400)
        .body("field", equalTo("url"));
    Api.as("admin")
        .body(Map.of("url", "https://hooks.example/x", "events", List.of("deleted")))
        .post("/api/webhooks")
        .then()
        .statusCode(400)
        .body("field", equalTo("events"));
    Api.as("admin")
        .body(Map.of("url", "https://hooks.example/x"))
        .post("/api/webhooks")
        .then()
        .statusCode(400)
        .body("error", containsString("at least one event"));
    Api.as("admin").delete("/api/webhooks/999999").then().statusCode(404);

    Session admin = Session.signIn("admin");
    Response refused =
        admin.submit(
            "/editor/admin/webhooks",
            "/editor/admin/webhooks",
            Map.of("url", "not an address", "events", "published"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.asString().contains("value=\"not an address\""));
    Response made =
        admin.submit(
            "/editor/admin/webhooks",
            "/editor/admin/webhooks",
            Map.of("url", "https://hooks.example/desk", "events", "amended"));
    assertEquals(200, made.statusCode());
    assertTrue(made.asString().contains("id=\"webhook-secret\">whsec_"));
    Session.signIn("ada").get("/editor/admin/webhooks").then().statusCode(403);
    long desk = Api.as("admin").get("/api/webhooks").jsonPath().getLong("webhooks[-1].id");
    Api.as("admin").delete("/api/webhooks/" + desk).then().statusCode(204);
  }
}
