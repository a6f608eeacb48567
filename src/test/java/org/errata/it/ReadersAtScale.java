package org.errata.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.errata.publicsite.SearchIndex;

/**
 * What readers' pages cost with 100,000 published corrections: the packaged application on an H2
 * file filled with that many (50,000 articles on 2,000 sites, realistic lengths, a Zipf-distributed
 * vocabulary, and their search index), each page asked for 300 times after a warm-up, one request
 * at a time. Prints the median, p95 and p99 of each. A harness, not a test (docs/performance.md):
 *
 * <pre>
 * ./mvnw -q package -DskipTests &amp;&amp; ./mvnw -q test-compile
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     org.errata.it.ReadersAtScale [corrections [data directory of an earlier run]]
 * </pre>
 */
public final class ReadersAtScale {

  private ReadersAtScale() {}

  static final int SITES = 2000;
  static final long AMENDED_REVISIONS = 3_000_000;
  static final String[] COMMON = {
    "computer",
    "sandbox",
    "feature",
    "pricing",
    "account",
    "data",
    "privacy",
    "model",
    "users",
    "settings",
    "desktop",
    "files",
    "security",
    "update",
    "release",
    "subscription",
    "storage",
    "machine",
    "browser",
    "support"
  };

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // A second argument: the data directory of an earlier run with the same count, to measure
    // again without filling again.
    Path data =
        args.length > 1
            ? Path.of(args[1])
            : Files.createTempDirectory("errata-scale").resolve("data");
    Vocabulary words = new Vocabulary(new Random(7), 5000);
    try (PackagedApp app = new PackagedApp(data)) {
      if (args.length < 2) {
        app.start("-Derrata.demo=true");
        app.stop();
        long t0 = System.nanoTime();
        fill(data, n, words);
        System.out.printf(
            "filled %,d published corrections in %.0f s, in %s%n",
            n, (System.nanoTime() - t0) / 1e9, data);
      }
      app.start("-Derrata.demo=true");
      HttpClient client = HttpClient.newHttpClient();
      // Each kind of page is asked for with varied addresses (a database may answer a repeated
      // identical query from its last result, which readers' varied requests would not get).
      Random pick = new Random(11);
      Map<String, java.util.function.Supplier<String>> pages = new LinkedHashMap<>();
      pages.put("home", () -> "/");
      pages.put(
          "home, an older page",
          () ->
              "/?after="
                  + Instant.parse("2024-01-01T00:00:00Z")
                          .plusSeconds(600L * pick.nextInt(n))
                          .getEpochSecond()
                      * 1_000_000L
                  + ":"
                  + (1_000_000 + n));
      pages.put("permalink", () -> "/corrections/" + (1_000_000 + pick.nextInt(n)));
      pages.put(
          "an amended correction's first revision",
          () -> "/corrections/" + (1_000_003 + 10 * pick.nextInt(n / 10)) + "/revisions/1");
      pages.put(
          "article lookup",
          () -> {
            int a = pick.nextInt(n / 2);
            return "/articles?url="
                + enc(
                    "https://www.site"
                        + (a % SITES)
                        + ".example/story-"
                        + (a / SITES)
                        + "?utm_source=x");
          });
      pages.put("site page", () -> "/sites/site" + pick.nextInt(SITES) + ".example");
      pages.put("search, a most common word", () -> "/search?q=" + words.at(pick.nextInt(20)));
      pages.put(
          "search, common word, page 5",
          () -> "/search?q=" + words.at(pick.nextInt(20)) + "&page=5");
      pages.put(
          "search, two most common words",
          () ->
              "/search?q="
                  + enc(words.at(pick.nextInt(10)) + " " + words.at(10 + pick.nextInt(10))));
      pages.put(
          "search, mid-frequency word", () -> "/search?q=" + words.at(100 + pick.nextInt(900)));
      pages.put("search, rare word", () -> "/search?q=" + words.at(2000 + pick.nextInt(3000)));
      // Three words drawn from about a thousand: many are asked for the first time while being
      // measured (each common word is then read once and kept); the same searches asked again
      // show what a running site answers once its readers' common words are kept.
      for (String kind : List.of("search, three words", "search, three words, asked before")) {
        Random threeWords = new Random(13);
        pages.put(
            kind,
            () ->
                "/search?q="
                    + enc(
                        words.at(threeWords.nextInt(20))
                            + " "
                            + words.at(20 + threeWords.nextInt(200))
                            + " "
                            + words.at(200 + threeWords.nextInt(800))));
      }
      pages.put("search, no match", () -> "/search?q=zz" + pick.nextInt(1_000_000) + "qq");
      pages.put("feed of everything", () -> "/feeds/corrections.atom");
      pages.put("a site's feed", () -> "/feeds/sites/site" + pick.nextInt(SITES) + ".example.atom");
      pages.put(
          "badge",
          () -> {
            int a = pick.nextInt(n / 2);
            return "/badge.svg?url="
                + enc("https://www.site" + (a % SITES) + ".example/story-" + (a / SITES));
          });
      pages.put(
          "the framed notice",
          () -> {
            int a = pick.nextInt(n / 2);
            return "/embed/notice?url="
                + enc("https://www.site" + (a % SITES) + ".example/story-" + (a / SITES));
          });
      pages.put(
          "export, one correction as text",
          () -> {
            int i = pick.nextInt(n);
            // One in twenty-five was withdrawn, and a withdrawn correction has no text export.
            return "/corrections/" + (1_000_000 + (i % 25 == 7 ? i + 1 : i)) + ".txt";
          });
      pages.put(
          "a sitemap of 10,000 ids",
          () -> "/sitemaps/corrections-" + (101 + pick.nextInt(n / 10_000)) + ".xml");
      pages.put("statistics (counted every 5 min)", () -> "/stats");
      pages.put("a statistics chart", () -> "/stats/by-site.svg");
      long s0 = System.nanoTime();
      get(client, URI.create(app.base() + "/stats"));
      System.out.printf(
          "statistics, first count after start: %.0f ms%n", (System.nanoTime() - s0) / 1e6);
      // A running site's code is compiled (JIT) by its first minutes of readers: 3,000 requests
      // over the pages that are rendered each time (other addresses than those measured below,
      // which draw from the same generators afterwards), before anything is timed.
      Random warm = new Random(17);
      for (int i = 0; i < 3000; i++) {
        int a = warm.nextInt(n / 2);
        String address =
            switch (i % 4) {
              case 0 -> "/corrections/" + (1_000_000 + warm.nextInt(n));
              case 1 ->
                  "/articles?url="
                      + enc("https://www.site" + (a % SITES) + ".example/story-" + (a / SITES));
              case 2 -> "/sites/site" + warm.nextInt(SITES) + ".example?after=" + i;
              default -> "/search?q=" + words.at(100 + warm.nextInt(900));
            };
        get(client, URI.create(app.base() + address));
      }
      System.out.printf("%-32s %8s %8s %8s %8s%n", "page", "median", "p95", "p99", "bytes");
      for (Map.Entry<String, java.util.function.Supplier<String>> page : pages.entrySet()) {
        int bytes = 0;
        for (int i = 0; i < 50; i++) {
          bytes = get(client, URI.create(app.base() + page.getValue().get()));
        }
        long[] ns = new long[300];
        for (int i = 0; i < ns.length; i++) {
          URI uri = URI.create(app.base() + page.getValue().get());
          long s = System.nanoTime();
          get(client, uri);
          ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        System.out.printf(
            "%-32s %6.1f ms %6.1f ms %6.1f ms %8d%n",
            page.getKey(), ns[150] / 1e6, ns[284] / 1e6, ns[296] / 1e6, bytes);
      }
      System.out.printf("RSS of the application: %s%n", rss(app));
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static int get(HttpClient client, URI uri) throws Exception {
    HttpResponse<byte[]> r =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + r.statusCode());
    }
    return r.body().length;
  }

  static String rss(PackagedApp app) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return line.substring(6).strip();
        }
      }
    } catch (Exception e) {
      return "unknown";
    }
    return "unknown";
  }

  /** Made-up words, drawn with Zipf's law so a few are everywhere and most are rare. */
  static final class Vocabulary {
    final String[] words;
    final double[] cumulative;
    final Random random;

    Vocabulary(Random random, int size) {
      this.random = random;
      words = new String[size];
      for (int i = 0; i < size; i++) {
        words[i] = i < COMMON.length ? COMMON[i] : made(random, i);
      }
      cumulative = new double[size];
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += 1.0 / (i + 1);
        cumulative[i] = sum;
      }
      for (int i = 0; i < size; i++) {
        cumulative[i] /= sum;
      }
    }

    static String made(Random random, int i) {
      String letters = "bcdfghjklmnprstvwz";
      String vowels = "aeiou";
      StringBuilder b = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        b.append(letters.charAt(random.nextInt(letters.length())));
        b.append(vowels.charAt(random.nextInt(vowels.length())));
      }
      return b.append(letters.charAt(i % letters.length())).toString();
    }

    String at(int rank) {
      return words[rank];
    }

    String next() {
      int i = Arrays.binarySearch(cumulative, random.nextDouble());
      return words[i < 0 ? -i - 1 : i];
    }

    String text(int count) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < count; i++) {
        String w = next();
        b.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        b.append(i == count - 1 ? "." : (i % 12 == 11 ? ". " : " "));
      }
      return b.toString();
    }
  }

  static void fill(Path data, int n, Vocabulary words) throws Exception {
    String url = "jdbc:h2:file:" + data.resolve("errata").toAbsolutePath();
    try (Connection db = DriverManager.getConnection(url, "errata", "")) {
      db.setAutoCommit(false);
      long ada;
      long grace;
      try (Statement s = db.createStatement();
          ResultSet r = s.executeQuery("select id, username from account")) {
        Map<String, Long> ids = new LinkedHashMap<>();
        while (r.next()) {
          ids.put(r.getString(2), r.getLong(1));
        }
        ada = ids.get("ada");
        grace = ids.get("grace");
      }
      try (Statement s = db.createStatement()) {
        s.execute("set referential_integrity false");
      }
      PreparedStatement article =
          db.prepareStatement(
              "insert into article (id, url, url_key, created_at, site) values (?, ?, ?, ?, ?)");
      PreparedStatement correction =
          db.prepareStatement(
              "insert into correction (id, article_id, article_url, created_by_id, created_at,"
                  + " updated_at, version, current_revision_id, published_revision_id, live_at,"
                  + " withdrawn_at, withdrawn_by_id, withdrawal_reason)"
                  + " values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)");
      PreparedStatement revision =
          db.prepareStatement(
              "insert into revision (id, correction_id, number, status, passage, summary,"
                  + " reasoning, verdict, author_id, approved_by_id, approved_at, published_by_id,"
                  + " published_at, passage_status, change_note) values (?, ?, ?, 'PUBLISHED', ?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?, 'UNCHECKED', ?)");
      PreparedStatement source =
          db.prepareStatement(
              "insert into revision_source (revision_id, pos, title, publisher, url, quote)"
                  + " values (?, ?, ?, ?, ?, ?)");
      // The index's rows go through a CSV file and one INSERT … SELECT with the table's indexes
      // dropped and built again after: hours of row-by-row B-tree inserts become minutes.
      Path csv = data.resolveSibling("postings.csv");
      java.io.BufferedWriter postings = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
      postings.write("TERM,CORRECTION_ID,WEIGHT,PUBLISHED_AT\n");
      Instant start = Instant.parse("2024-01-01T00:00:00Z");
      int articles = n / 2;
      for (int a = 0; a < articles; a++) {
        int site = a % SITES;
        String key = "site" + site + ".example/story-" + (a / SITES);
        article.setLong(1, 1_000_000 + a);
        article.setString(2, "https://www." + key);
        article.setString(3, key);
        article.setTimestamp(4, Timestamp.from(start));
        article.setString(5, "site" + site + ".example");
        article.addBatch();
      }
      article.executeBatch();
      for (int i = 0; i < n; i++) {
        long id = 1_000_000 + i;
        int a = i % articles;
        int site = a % SITES;
        String articleUrl = "https://www.site" + site + ".example/story-" + (a / SITES);
        Timestamp at = Timestamp.from(start.plusSeconds(600L * i));
        String passage = words.text(10 + words.random.nextInt(20));
        String summary = words.text(30 + words.random.nextInt(40));
        String reasoning = words.text(120 + words.random.nextInt(120));
        // One in ten was amended three days later (a second published revision, the one readers
        // see, with a change note); one in twenty-five was withdrawn a day after publication.
        boolean amended = i % 10 == 3;
        boolean withdrawn = i % 25 == 7;
        long shown = amended ? AMENDED_REVISIONS + i : id;
        Timestamp liveAt = amended ? Timestamp.from(at.toInstant().plusSeconds(3 * 86_400)) : at;
        correction.setLong(1, id);
        correction.setLong(2, 1_000_000 + a);
        correction.setString(3, articleUrl);
        correction.setLong(4, ada);
        correction.setTimestamp(5, at);
        correction.setTimestamp(6, liveAt);
        correction.setLong(7, shown);
        correction.setLong(8, shown);
        correction.setTimestamp(9, withdrawn ? null : liveAt);
        correction.setTimestamp(
            10, withdrawn ? Timestamp.from(liveAt.toInstant().plusSeconds(86_400)) : null);
        if (withdrawn) {
          correction.setLong(11, grace);
        } else {
          correction.setNull(11, java.sql.Types.BIGINT);
        }
        correction.setString(
            12, withdrawn ? "The publisher corrected the article; " + words.text(8) : null);
        correction.addBatch();
        List<String> sourceTexts = new ArrayList<>();
        for (int number = 1; number <= (amended ? 2 : 1); number++) {
          long revisionId = number == 1 ? id : shown;
          Timestamp publishedAt = number == 1 ? at : liveAt;
          if (number == 2) {
            summary = words.text(30 + words.random.nextInt(40));
          }
          revision.setLong(1, revisionId);
          revision.setLong(2, id);
          revision.setInt(3, number);
          revision.setString(4, passage);
          revision.setString(5, summary);
          revision.setString(6, reasoning);
          revision.setString(7, "Inaccurate");
          revision.setLong(8, ada);
          revision.setLong(9, grace);
          revision.setTimestamp(10, publishedAt);
          revision.setLong(11, grace);
          revision.setTimestamp(12, publishedAt);
          revision.setString(13, number == 2 ? "Clarified: " + words.text(6) : null);
          revision.addBatch();
          sourceTexts.clear();
          for (int p = 0; p < 2; p++) {
            String title = words.text(4 + words.random.nextInt(5));
            String publisher = "Publisher " + words.at(20 + words.random.nextInt(200));
            source.setLong(1, revisionId);
            source.setInt(2, p);
            source.setString(3, title);
            source.setString(4, publisher);
            source.setString(5, "https://help.vendor" + (i % 300) + ".example/page-" + p);
            source.setString(6, words.text(20));
            source.addBatch();
            sourceTexts.add(title);
            sourceTexts.add(publisher);
          }
        }
        // Withdrawn corrections are not in the search index.
        Map<String, Integer> indexed =
            withdrawn
                ? Map.of()
                : SearchIndex.postings(
                    passage,
                    summary,
                    reasoning,
                    "Inaccurate",
                    sourceTexts,
                    "site" + site + ".example");
        for (Map.Entry<String, Integer> e : indexed.entrySet()) {
          postings
              .append(e.getKey())
              .append(',')
              .append(Long.toString(id))
              .append(',')
              .append(Integer.toString(e.getValue()))
              .append(',')
              .append(liveAt.toInstant().toString())
              .append('\n');
        }
        if (i % 1000 == 999) {
          correction.executeBatch();
          revision.executeBatch();
          source.executeBatch();
          db.commit();
        }
        if (i % 10_000 == 9_999) {
          System.out.printf("  %,d corrections written%n", i + 1);
        }
      }
      correction.executeBatch();
      revision.executeBatch();
      source.executeBatch();
      db.commit();
      postings.close();
      try (Statement s = db.createStatement()) {
        s.execute("drop index search_posting_rank_idx");
        s.execute("drop index search_posting_correction_idx");
        s.execute("alter table search_posting drop primary key");
        s.execute(
            "insert into search_posting (term, correction_id, weight, published_at)"
                + " select term, cast(correction_id as bigint), cast(weight as int),"
                + " cast(published_at as timestamp(6) with time zone)"
                + " from csvread('"
                + csv.toAbsolutePath()
                + "', null, 'charset=UTF-8')");
        db.commit();
        System.out.println("  search index rows loaded; building its indexes");
        s.execute("alter table search_posting add primary key (term, correction_id)");
        s.execute(
            "create index search_posting_rank_idx on search_posting"
                + " (term, weight desc, published_at desc, correction_id desc)");
        s.execute("create index search_posting_correction_idx on search_posting (correction_id)");
        s.execute("set referential_integrity true");
        s.execute("analyze");
      }
      db.commit();
      Files.delete(csv);
    }
  }
}
