package org.errata.notice;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.errata.account.Account;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard inbox's notices are e-mailed to each editor with an address once the change is
 * committed (the demo accounts have {@code <name>@newsroom.example}).
 */
@QuarkusTest
class MailNoticesTest {

  static final String ADA = "ada@newsroom.example";
  static final String GRACE = "grace@newsroom.example";
  static final String ADMIN = "admin@newsroom.example";

  @Inject MockMailbox mailbox;
  @Inject CorrectionDesk desk;

  @BeforeEach
  void emptyMailbox() {
    mailbox.clear();
  }

  /** The mails to {@code address}, once {@code count} of them have arrived (or after 5 s). */
  List<Mail> mailsTo(String address, int count) throws InterruptedException {
    for (int i = 0; i < 50 && mailbox.getMailsSentTo(address).size() < count; i++) {
      Thread.sleep(100);
    }
    List<Mail> mails = mailbox.getMailsSentTo(address);
    return mails == null ? List.of() : mails;
  }

  static void submit(String who, long id) {
    Api.as(who).post("/api/corrections/" + id + "/submit").then().statusCode(200);
  }

  @Test
  void aReviewAskedOfOneEditorByNameIsMailedToThemAlone() throws Exception {
    long id = Api.create("ada", "mail.example/by-name", "Asked by name");
    Api.as("ada")
        .body(Map.of("reviewer", "grace"))
        .post("/api/corrections/" + id + "/submit")
        .then()
        .statusCode(200);
    assertEquals(
        "Errata: ada asked you to review a correction: “Asked by name”",
        mailsTo(GRACE, 1).get(0).getSubject());
    Thread.sleep(300);
    assertEquals(List.of(), mailsTo(ADMIN, 0), "the others are not asked");
  }

  @Test
  void aSubmissionIsMailedToEveryOtherEditorButNotToItsAuthor() throws Exception {
    long id = Api.create("ada", "mail.example/submitted", "Mailed passage");
    submit("ada", id);

    Mail toGrace = mailsTo(GRACE, 1).get(0);
    assertEquals(
        "Errata: ada submitted a correction for review: “Mailed passage”", toGrace.getSubject());
    assertTrue(
        toGrace
            .getText()
            .contains("Open the correction: http://localhost:8081/editor/corrections/" + id),
        toGrace.getText());
    assertTrue(toGrace.getText().contains("http://localhost:8081/editor/account"));
    assertEquals(1, mailsTo(ADMIN, 1).size());
    assertEquals(List.of(), mailsTo(ADA, 0), "nobody is told of their own action");
    // What the mail asks for waits in the dashboard's to-do list.
    Session.signIn("grace")
        .get("/editor")
        .then()
        .body(containsString("ada asks for a review of “Mailed passage”"));
  }

  @Test
  void aPassageOverSeveralLinesMakesAOneLineSubject() throws Exception {
    long id = Api.create("ada", "mail.example/lines", "First line of it\nsecond\u2028third");
    submit("ada", id);
    String subject = mailsTo(GRACE, 1).get(0).getSubject();
    assertEquals(
        "Errata: ada submitted a correction for review: “First line of it second third”", subject);
  }

  @Test
  void theAuthorIsMailedTheChangeRequestWithItsComment() throws Exception {
    long id = Api.create("ada", "mail.example/changes", "Passage to change");
    submit("ada", id);
    mailbox.clear();
    Api.as("grace")
        .body(Map.of("comment", "The quote is cut mid-sentence; quote the whole sentence."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);

    Mail toAda = mailsTo(ADA, 1).get(0);
    assertEquals(
        "Errata: grace requested changes on your correction “Passage to change”",
        toAda.getSubject());
    assertTrue(
        toAda.getText().contains("grace wrote:\n\n  The quote is cut mid-sentence"),
        toAda.getText());
    assertEquals(List.of(), mailsTo(GRACE, 0), "only the author is told");
    assertEquals(List.of(), mailsTo(ADMIN, 0), "only the author is told");
  }

  @Test
  void commentsGoToTheAuthorAndPublicationToTheApprover() throws Exception {
    long id = Api.create("ada", "mail.example/thread", "Passage under discussion");
    submit("ada", id);
    mailbox.clear();
    Api.as("grace")
        .body(Map.of("body", "Is this the 2025 pricing?", "field", "summary"))
        .post("/api/corrections/" + id + "/comments")
        .then()
        .statusCode(201);
    Mail comment = mailsTo(ADA, 1).get(0);
    assertEquals(
        "Errata: grace commented on your correction “Passage under discussion”",
        comment.getSubject());
    assertTrue(comment.getText().contains("Is this the 2025 pricing?"), comment.getText());
    assertEquals(List.of(), mailsTo(ADMIN, 0), "comments go to the author only");

    mailbox.clear();
    long approved = Api.create("ada", "mail.example/published", "Passage to publish");
    submit("ada", approved);
    Api.as("grace").post("/api/corrections/" + approved + "/approve").then().statusCode(200);
    mailbox.clear();
    Api.as("ada").post("/api/corrections/" + approved + "/publish").then().statusCode(200);
    assertEquals(
        "Errata: A correction you approved was published: “Passage to publish”",
        mailsTo(GRACE, 1).get(0).getSubject());
    assertEquals(List.of(), mailsTo(ADMIN, 0), "only the approver is told");
    assertEquals(1, mailsTo(GRACE, 1).size(), "approving was not itself a notice");
  }

  @Test
  void theAuthorIsToldHerCorrectionWasApprovedAndPublished() throws Exception {
    long id = Api.create("ada", "mail.example/told", "Passage the author hears of");
    submit("ada", id);
    mailbox.clear();
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    assertEquals(
        "Errata: grace approved your correction “Passage the author hears of”",
        mailsTo(ADA, 1).get(0).getSubject());
    mailbox.clear();
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);
    assertEquals(
        "Errata: Your correction was published: “Passage the author hears of”",
        mailsTo(ADA, 1).get(0).getSubject());
    assertEquals(List.of(), mailsTo(GRACE, 0), "nobody is told of their own action");
  }

  @Test
  void aChangeThatIsRolledBackMailsNobody() throws Exception {
    long id = Api.create("ada", "mail.example/rolled-back", "Rolled back passage");
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    Api.as("grace")
        .body(Map.of("comment", "Add the date."))
        .post("/api/corrections/" + id + "/request-changes")
        .then()
        .statusCode(200);
    mailbox.clear();
    // The desk joins the caller's transaction; when that one fails, the mails never leave.
    QuarkusTransaction.begin();
    try {
      Account ada = Account.findByUsername("ada").orElseThrow();
      Correction c = desk.find(id);
      desk.submit(id, c.version, ada);
    } finally {
      QuarkusTransaction.rollback();
    }
    submit("ada", id);
    assertEquals(1, mailsTo(GRACE, 1).size(), "one submission went through, one was rolled back");
    // A refused submission (it is already in review) records nothing and mails nobody.
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(409);
    assertEquals(1, mailsTo(GRACE, 1).size());
  }

  @Test
  void aDisabledAccountGetsNoMail() throws Exception {
    Session admin = Session.signIn("admin");
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts",
            Map.of("username", "mira", "role", "editor", "email", "mira@newsroom.example"))
        .then()
        .statusCode(303);

    long first = Api.create("ada", "mail.example/mira-1", "For mira");
    submit("ada", first);
    assertEquals(1, mailsTo("mira@newsroom.example", 1).size());

    long miraId = Session.accountId("mira");
    mailbox.clear();
    admin
        .submit(
            "/editor/admin/accounts",
            "/editor/admin/accounts/" + miraId + "/enabled",
            Map.of("enabled", "false"))
        .then()
        .statusCode(303);
    long second = Api.create("ada", "mail.example/mira-2", "Not for mira");
    submit("ada", second);
    assertEquals(1, mailsTo(GRACE, 1).size());
    assertEquals(List.of(), mailsTo("mira@newsroom.example", 0), "a disabled account gets none");
  }
}
