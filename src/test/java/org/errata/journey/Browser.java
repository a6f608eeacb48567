package org.errata.journey;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the system's Chromium (Debian package {@code chromium}) through Playwright, which must
 * never download a browser of its own. Without Chromium the journey cannot run: in CI that fails
 * the build, elsewhere the test is reported as skipped with the reason.
 */
final class Browser {

  static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  private Browser() {}

  static Optional<Path> chromium() {
    String configured = System.getenv("ERRATA_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin");
    for (String dir : (path + ":/usr/bin").split(":")) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The Chromium to drive, or the test ends here: failed under CI, skipped with a reason elsewhere.
   */
  static Path requireChromium() {
    Optional<Path> found = chromium();
    if (found.isPresent()) {
      return found.get();
    }
    String why =
        "Chromium was not found (looked for chromium on the PATH and ERRATA_CHROMIUM);"
            + " install Debian's package with: apt-get install -y chromium";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("The browser journey must run in CI. " + why);
    }
    System.err.println("SKIPPED browser journey: " + why);
    Assumptions.abort("Browser journey skipped: " + why);
    throw new IllegalStateException("unreachable");
  }

  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static final Path SHOTS = Path.of("target", "screenshots");

  /** Signs {@code username} (demo password) in through the sign-in page; lands on the dashboard. */
  static com.microsoft.playwright.Page signIn(
      com.microsoft.playwright.BrowserContext context, java.net.URL base, String username) {
    com.microsoft.playwright.Page page = context.newPage();
    page.navigate(base + "login");
    page.getByLabel("User name").fill(username);
    page.getByLabel("Password").fill("errata-demo");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in"))
        .click();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
        .hasText("Dashboard");
    return page;
  }

  /** A desktop-sized window. */
  static com.microsoft.playwright.Browser.NewContextOptions desktop() {
    return new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1200, 900);
  }

  /** A full-page screenshot under target/screenshots/. */
  static void shot(com.microsoft.playwright.Page page, String name) {
    page.screenshot(
        new com.microsoft.playwright.Page.ScreenshotOptions()
            .setPath(SHOTS.resolve(name + ".png"))
            .setFullPage(true));
  }

  static BrowserType.LaunchOptions launchOptions(Path chromium) {
    return new BrowserType.LaunchOptions()
        .setExecutablePath(chromium)
        .setHeadless(true)
        .setArgs(ARGS);
  }
}
