package org.errata.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.account.Account;
import org.errata.account.Accounts;
import org.errata.article.ArticleKeys;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionContent;
import org.errata.correction.CorrectionDesk;
import org.errata.publicsite.SearchIndex;
import org.errata.report.Report;
import org.errata.report.ReportImport;
import org.errata.report.ReportParser;
import org.jboss.logging.Logger;

/**
 * What a start needs before the first request: demo data when {@code errata.demo=true}, and an
 * admin account when there is no account at all, so that a fresh install can be signed into.
 */
@ApplicationScoped
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class);

  static final String SEED = "seed/fact-check-report.txt";

  @Inject Accounts accounts;
  @Inject CorrectionDesk desk;
  @Inject ArticleKeys articleKeys;
  @Inject SearchIndex searchIndex;

  @ConfigProperty(name = "errata.demo", defaultValue = "false")
  boolean demo;

  @ConfigProperty(name = "errata.admin-password")
  Optional<String> adminPassword;

  @ConfigProperty(name = "errata.data-dir", defaultValue = "./data")
  String dataDir;

  void onStart(@Observes StartupEvent event) {
    articleKeys.upgrade();
    searchIndex.upgrade();
    if (demo) {
      createDemoData();
    } else {
      refuseDemoPasswords();
    }
    if (accounts.count() == 0) {
      createFirstAdmin();
    }
  }

  @Transactional
  void createDemoData() {
    Account ada = demoAccount("ada", false);
    Account grace = demoAccount("grace", false);
    demoAccount("admin", true);
    if (Correction.count() > 0) {
      return;
    }
    Report report = ReportParser.parse(readSeed());
    for (Report.Item item : report.corrections()) {
      // The seed goes through the desk and the same four-eyes workflow as everything else.
      CorrectionContent content = ReportImport.content(report.articleUrl(), item);
      // The report names its sources' pages but gives no addresses: readers are told so.
      content.sources =
          content.sources.stream()
              .map(
                  s ->
                      s.offline(
                          "A "
                              + (s.publisher == null ? "help" : s.publisher)
                              + " page; the report this correction comes from gives its title,"
                              + " not its address."))
              .toList();
      long id = desk.propose(content, ada).id;
      desk.submit(id, null, ada);
      desk.approve(
          id,
          null,
          grace,
          "Seeded from the canonical example report, whose sources were checked by hand; the"
              + " report gives no page addresses to check against.");
      desk.publish(id, null, grace);
    }
    LOG.info("Demo data: accounts ada, grace (editors) and admin, password errata-demo.");
  }

  private Account demoAccount(String username, boolean admin) {
    return Account.findByUsername(username)
        .orElseGet(
            () -> {
              Account account = accounts.createDemoAccount(username, admin);
              // Reserved for examples: in dev mode the notices to it are only logged.
              accounts.setEmail(account.id, username + "@newsroom.example");
              return account;
            });
  }

  /**
   * A production start never serves accounts whose password is published: a database made by dev
   * mode or a demo (ada, grace, admin with errata-demo) stops it, with what to do instead.
   */
  void refuseDemoPasswords() {
    List<String> exposed = accounts.withDemoPassword();
    if (exposed.isEmpty()) {
      return;
    }
    String sentence =
        "Errata will not start: the database in "
            + dataDir
            + " has accounts whose password is the published demo password ("
            + String.join(", ", exposed)
            + "), and this is not a demo start. To run the demo, start with -Derrata.demo=true (or"
            + " ERRATA_DEMO=true). For real use, start on a fresh data directory"
            + " (-Derrata.data-dir=/var/lib/errata or ERRATA_DATA_DIR), or first give those accounts"
            + " passwords of their own in a demo start.";
    LOG.error(sentence);
    throw new DemoPasswordsRefused(sentence);
  }

  /** Why a production start stopped. */
  public static class DemoPasswordsRefused extends RuntimeException {
    DemoPasswordsRefused(String sentence) {
      super(sentence, null, false, false);
    }
  }

  void createFirstAdmin() {
    String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
    boolean generated = password == null;
    if (generated) {
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    accounts.create("admin", password, true);
    if (generated) {
      LOG.warnf(
          "No account existed, so Errata created one: user name \"admin\", password \"%s\". "
              + "This is the only time it is shown.",
          password);
    } else {
      LOG.info("No account existed, so Errata created \"admin\" with ERRATA_ADMIN_PASSWORD.");
    }
  }

  private static String readSeed() {
    try (InputStream in = Bootstrap.class.getClassLoader().getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException("the seed report " + SEED + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the seed report", e);
    }
  }
}
