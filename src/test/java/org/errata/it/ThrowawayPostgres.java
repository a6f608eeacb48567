package org.errata.it;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of a test's own (src/test/pg/postgres.sh: a temporary directory, a free
 * port, an unprivileged user), removed on close. Needs Debian's postgresql package, which .ci/run
 * installs.
 */
final class ThrowawayPostgres implements AutoCloseable {

  final String url;
  final String user;
  final String password;
  private final String dir;

  private ThrowawayPostgres(Map<String, String> vars) {
    this.url = vars.get("ERRATA_DB_URL");
    this.user = vars.get("ERRATA_DB_USER");
    this.password = vars.get("ERRATA_DB_PASSWORD");
    this.dir = vars.get("ERRATA_PG_DIR");
  }

  static ThrowawayPostgres start() throws Exception {
    String out = run("start");
    Map<String, String> vars = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("export ")) {
        String[] kv = line.substring(7).split("=", 2);
        vars.put(kv[0], kv[1]);
      }
    }
    if (vars.get("ERRATA_DB_URL") == null) {
      throw new AssertionError("PostgreSQL did not start (apt-get install -y postgresql):\n" + out);
    }
    return new ThrowawayPostgres(vars);
  }

  private static String run(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "src/test/pg/postgres.sh";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() throws Exception {
    run("stop", dir);
  }
}
