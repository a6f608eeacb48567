package org.errata.notice;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** E-mail is off unless configured: the workflow goes on and nobody is mailed. */
@QuarkusTest
@TestProfile(MailOffTest.MailOff.class)
class MailOffTest {

  public static class MailOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("errata.mail.enabled", "false");
    }
  }

  @Inject MockMailbox mailbox;

  @Test
  void withMailOffTheDashboardStillTellsButNothingIsMailed() {
    mailbox.clear();
    long id = Api.create("ada", "mail-off.example/a", "Unmailed passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Session.signIn("grace")
        .get("/editor")
        .then()
        .body(containsString("ada asks for a review of “Unmailed passage”"));
    assertEquals(0, mailbox.getTotalMessagesSent());
    Session.signIn("grace")
        .get("/editor/account")
        .then()
        .body(containsString("This Errata does not send e-mail"));
  }
}
