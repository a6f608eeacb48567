package org.errata.desk;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * A quote that is not on its page: the page shows the closest words the page has, with the
 * differences marked, so the editor sees what to fix.
 */
@QuarkusTest
class ClosestWordsTest {

  @Test
  void aQuoteNotFoundShowsTheClosestWordsOnThePageWithTheDifferencesMarked() {
    Map<String, Object> body = Api.correction("closest.example/a", "A passage, closest words");
    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Help page",
                "url", "https://help.example.com/closest",
                "quote", "Computer use runs inside the virtual machine at all times.")));
    long id = Api.id(Api.created(body));
    Session ada = Session.signIn("ada");
    String page = "/editor/corrections/" + id;
    Response checked =
        ada.submit(
            page,
            page + "/sources/1/quote-check",
            Map.of(
                "op",
                "paste",
                "text",
                "Help centre\nUsing your computer\nComputer use runs outside the virtual machine."
                    + " It can see your apps.\nPricing\nPlans start at ten dollars."));
    assertEquals(303, checked.statusCode(), checked.asString());
    String html = ada.get(page).asString();
    assertThat(html, containsString("Not on the page as written. The closest words there"));
    assertThat(
        html,
        containsString(
            "<blockquote class=\"diff\">Computer use runs <del>inside</del><ins>outside</ins>"));
    assertThat(
        "whole words from the page", html, containsString("<del>times.</del><ins>see</ins>"));
  }

  @Test
  void wordsFoundOrNothingCloseShowNoClosestWords() {
    Map<String, Object> body =
        Api.correction("closest.example/b", "Another passage, nothing close");
    body.put(
        "sources",
        List.of(
            Map.of(
                "title", "Help page",
                "url", "https://help.example.com/far",
                "quote", "Quarterly revenue grew by twelve percent in Lisbon.")));
    long id = Api.id(Api.created(body));
    Session ada = Session.signIn("ada");
    String page = "/editor/corrections/" + id;
    ada.submit(
        page,
        page + "/sources/1/quote-check",
        Map.of("op", "paste", "text", "Zebras graze quietly; owls hoot at dusk by the ponds."));
    String html = ada.get(page).asString();
    assertThat(html, containsString("Not found"));
    assertThat(html, not(containsString("The closest words there")));
  }
}
