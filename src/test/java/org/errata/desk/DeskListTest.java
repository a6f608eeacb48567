package org.errata.desk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/** The desk list finds any correction by status, author, reviewer, site, days and words, paged. */
@QuarkusTest
class DeskListTest {

  private static final Pattern ROW = Pattern.compile("<td><a href=\"/editor/corrections/(\\d+)\">");

  private static List<Long> ids(String page) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  /** The list for {@code query} ("?site=x&q=y", written unencoded, as typed in the form). */
  private static List<Long> list(Session who, String query) {
    Response r = find(who, query);
    assertEquals(200, r.statusCode(), r.asString());
    return ids(r.asString());
  }

  private static Response find(Session who, String query) {
    var request = who.request();
    for (String pair : query.replaceFirst("^\\?", "").split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        request = request.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return request.get("/editor/corrections");
  }

  @Test
  void eachFilterNarrowsTheListToWhatMatches() {
    Session ada = Session.signIn("ada");
    long draft = Api.create("ada", "desk-list.example/a", "A desk list draft about rivers");
    long byGrace = Api.create("grace", "desk-list.example/b", "A desk list passage by grace");
    long published = Api.published("desk-list.example/c", "A published desk list passage 100%");
    long elsewhere = Api.create("ada", "other-desk-list.example/d", "A desk list draft elsewhere");

    assertEquals(
        List.of(published, byGrace, draft),
        list(ada, "?site=desk-list.example"),
        "one site, most recently changed first");
    assertEquals(
        List.of(published, byGrace, draft),
        list(ada, "?site=https://www.desk-list.example/any/page"),
        "a site typed as an address");
    assertEquals(List.of(byGrace), list(ada, "?site=desk-list.example&author=grace"));
    assertEquals(List.of(published), list(ada, "?site=desk-list.example&status=PUBLISHED"));
    assertEquals(List.of(published), list(ada, "?site=desk-list.example&status=published"));
    assertEquals(
        List.of(published, byGrace, draft),
        list(ada, "?site=desk-list.example&status="),
        "an empty status is any status");
    Api.as("ada").post("/api/corrections/" + draft + "/submit").then().statusCode(200);
    assertEquals(List.of(draft), list(ada, "?site=desk-list.example&status=in review"));
    assertEquals(List.of(draft), list(ada, "?site=desk-list.example&status=in-review"));
    assertEquals(List.of(published), list(ada, "?site=desk-list.example&reviewer=grace"));
    assertEquals(List.of(draft), list(ada, "?q=ABOUT RIVERS"));
    assertEquals(List.of(published), list(ada, "?site=desk-list.example&q=100%"));
    assertEquals(List.of(), list(ada, "?site=desk-list.example&q=%%%zz"), "% is a letter");
    assertTrue(list(ada, "?q=desk list draft").containsAll(List.of(draft, elsewhere)));

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    assertEquals(3, list(ada, "?site=desk-list.example&from=" + today + "&to=" + today).size());
    assertEquals(List.of(), list(ada, "?site=desk-list.example&from=" + tomorrow));
    assertEquals(List.of(), list(ada, "?site=desk-list.example&to=" + yesterday));
    assertTrue(list(ada, "").contains(elsewhere), "no filter: every correction");
  }

  @Test
  void whatCannotBeReadIsSaidBesideItsFieldAndEverythingTypedIsKept() {
    Session ada = Session.signIn("ada");
    Response r = find(ada, "?author=nobody-here&from=last week&q=rivers&site=x.example");
    assertEquals(400, r.statusCode());
    String page = r.asString();
    assertThat(page, containsString("<p class=\"field-error\" id=\"author-error\">No account"));
    assertThat(page, containsString("nobody-here"));
    assertThat(
        page,
        containsString(
            "<p class=\"field-error\" id=\"from-error\">Write the day as year-month-day"));
    assertThat(page, containsString("value=\"rivers\""));
    assertThat(page, containsString("value=\"x.example\""));
    assertThat(page, containsString("value=\"last week\""));

    String swapped = ada.get("/editor/corrections?from=2026-11-20&to=2026-11-01").asString();
    assertThat(swapped, containsString("The last day comes before the first"));
    assertThat(
        ada.get("/editor/corrections?status=lost").asString(), containsString("Choose a status"));
    assertThat(
        ada.get("/editor/corrections?q=" + "w".repeat(201)).asString(),
        containsString("Search for at most 200 characters."));
    assertEquals(400, ada.get("/editor/corrections?author=" + "a".repeat(41)).statusCode());
    assertEquals(
        303,
        given().redirects().follow(false).get("/editor/corrections").statusCode(),
        "signed-in editors only");
  }

  @Test
  void aLongListIsReadFiftyAtATimeWithoutRepeatsOrGaps() {
    Session ada = Session.signIn("ada");
    Set<Long> made = new HashSet<>();
    for (int i = 0; i < 55; i++) {
      made.add(Api.create("ada", "desk-paging.example/" + i, "Paging passage number " + i));
    }
    String first = ada.get("/editor/corrections?site=desk-paging.example").asString();
    List<Long> page1 = ids(first);
    assertEquals(50, page1.size());
    Matcher older =
        Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Older corrections").matcher(first);
    assertTrue(older.find(), "a link to the older ones");
    String next = older.group(1).replace("&amp;", "&");
    assertThat(next, containsString("site=desk-paging.example"));
    // The link as a browser follows it: already encoded (RestAssured would encode it again).
    String second = ada.request().urlEncodingEnabled(false).get(next).asString();
    List<Long> page2 = ids(second);
    assertEquals(5, page2.size());
    assertThat(second, containsString("Most recent"));
    assertThat(second, not(containsString("Older corrections")));
    Set<Long> seen = new HashSet<>(page1);
    seen.addAll(page2);
    assertEquals(made, seen, "every one once");
    assertThat(
        Session.signIn("grace").get("/editor").asString(),
        containsString("href=\"/editor/corrections\">All corrections</a>"));
    assertEquals(200, ada.get("/editor/corrections?after=not-a-cursor").statusCode());
  }
}
