package org.errata.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.errata.correction.Action;
import org.errata.system.Api;
import org.errata.system.Session;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, as people and programs meet it: for each state and condition and each person, the
 * forms the page shows, the actions the API lists and the requests the server accepts (on the page
 * and over the API) are one and the same set.
 */
@QuarkusTest
class OfferedEqualsAcceptedOverHttpTest {

  static final List<String> PEOPLE = List.of("ada", "grace", "admin");
  static int serial;

  static long draft(boolean verified) {
    Map<String, Object> body =
        Api.correction("offers-" + serial++ + ".example/a", "The passage under test");
    if (!verified) {
      body.remove("articleText");
      body.put(
          "sources",
          List.of(
              Map.of(
                  "title", "Help page",
                  "url", "https://unreachable.invalid/page",
                  "quote", "The feature runs outside the sandbox.")));
    }
    return Api.id(Api.created(body));
  }

  static long inReview(long id) {
    Api.as("ada").post("/api/corrections/" + id + "/submit").then().statusCode(200);
    return id;
  }

  static long published() {
    long id = inReview(draft(true));
    Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
    Api.as("grace").post("/api/corrections/" + id + "/publish").then().statusCode(200);
    return id;
  }

  static Map<String, LongSupplier> scenarios() {
    Map<String, LongSupplier> s = new LinkedHashMap<>();
    s.put("draft", () -> draft(true));
    s.put("in review", () -> inReview(draft(true)));
    s.put(
        "in review, a comment open",
        () -> {
          long id = inReview(draft(true));
          Api.as("grace")
              .body(Map.of("body", "Is this the right page?"))
              .post("/api/corrections/" + id + "/comments")
              .then()
              .statusCode(201);
          return id;
        });
    s.put("in review, evidence missing", () -> inReview(draft(false)));
    s.put(
        "reviewed",
        () -> {
          long id = inReview(draft(true));
          Api.as("grace").post("/api/corrections/" + id + "/approve").then().statusCode(200);
          return id;
        });
    s.put("published", OfferedEqualsAcceptedOverHttpTest::published);
    s.put(
        "published, an amendment open",
        () -> {
          long id = published();
          Map<String, Object> body = Api.correction("unused.example", "The passage under test");
          JsonPath now = Api.as("admin").get("/api/corrections/" + id).jsonPath();
          body.put("articleUrl", now.getString("articleUrl"));
          body.put("version", now.getLong("version"));
          body.put("changeNote", "Fixes a word.");
          Api.as("admin").body(body).put("/api/corrections/" + id).then().statusCode(200);
          return id;
        });
    s.put(
        "withdrawn",
        () -> {
          long id = published();
          Api.as("ada")
              .body(Map.of("reason", "The article was fixed."))
              .post("/api/corrections/" + id + "/withdraw")
              .then()
              .statusCode(200);
          return id;
        });
    return s;
  }

  static final Pattern FORM =
      Pattern.compile("(?:action|href)=\"/editor/corrections/\\d+/([a-z-]+)\"");

  static final Map<String, Action> FORMS =
      Map.ofEntries(
          Map.entry("edit", Action.EDIT),
          Map.entry("submission", Action.SUBMIT),
          Map.entry("recall", Action.RECALL),
          Map.entry("deletion", Action.DELETE),
          Map.entry("approval", Action.APPROVE),
          Map.entry("changes-request", Action.REQUEST_CHANGES),
          Map.entry("publication", Action.PUBLISH),
          Map.entry("amendment", Action.AMEND),
          Map.entry("withdrawal", Action.WITHDRAW),
          Map.entry("comments", Action.COMMENT),
          Map.entry("passage-check", Action.CHECK));

  static Set<Action> onThePage(Session who, long id) {
    String page = who.get("/editor/corrections/" + id).asString();
    Set<Action> offered = EnumSet.noneOf(Action.class);
    Matcher m = FORM.matcher(page);
    while (m.find()) {
      Action a = FORMS.get(m.group(1));
      if (a != null) {
        offered.add(a);
      }
    }
    return offered;
  }

  static Set<Action> inTheApi(String who, long id) {
    Set<Action> offered = EnumSet.noneOf(Action.class);
    for (String a :
        Api.as(who)
            .get("/api/corrections/" + id)
            .jsonPath()
            .getList("actions.action", String.class)) {
      offered.add(Action.valueOf(a));
    }
    return offered;
  }

  /** The action done as a person on the page would: the form, its token and its fields. */
  static boolean acceptedOnThePage(Session who, long id, Action action) {
    String page = "/editor/corrections/" + id;
    String version =
        who.get(page).asString().replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
    if (!version.matches("\\d+")) {
      version = "0";
    }
    Map<String, String> fields = new HashMap<>(Map.of("version", version));
    String path =
        switch (action) {
          case EDIT -> {
            String form = who.get(page + "/edit").asString();
            yield null;
          }
          case SUBMIT -> "submission";
          case RECALL -> "recall";
          case DELETE -> "deletion";
          case APPROVE -> {
            fields.put("override", "The page is behind a login.");
            yield "approval";
          }
          case REQUEST_CHANGES -> {
            fields.put("comment", "Please change the summary.");
            yield "changes-request";
          }
          case PUBLISH -> "publication";
          case AMEND -> {
            fields.put("changeNote", "Fixes a word.");
            yield "amendment";
          }
          case WITHDRAW -> {
            fields.put("reason", "The article was fixed.");
            yield "withdrawal";
          }
          case COMMENT -> {
            fields.put("body", "A question.");
            yield "comments";
          }
          case CHECK -> {
            fields.put("text", "The article says: The passage under test. The end.");
            fields.put("op", "paste");
            yield "passage-check";
          }
        };
    if (path == null) {
      // Editing is a form page of its own: offered means it opens and saving it is accepted.
      Response form = who.get(page + "/edit");
      if (form.statusCode() != 200) {
        return false;
      }
      Map<String, String> edit = new HashMap<>();
      edit.put("version", version);
      edit.put("articleUrl", field(form.asString(), "articleUrl"));
      edit.put("passage", "The passage under test");
      edit.put("summary", "The article overstates it.");
      edit.put("reasoning", "Because the vendor documents otherwise.");
      edit.put("sourceTitle", "Help page");
      edit.put("sourceQuote", "The feature runs outside the sandbox.");
      return who.submit(page + "/edit", page, edit).statusCode() == 303;
    }
    return who.submit(page, page + "/" + path, fields).statusCode() == 303;
  }

  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    return m.find() ? m.group(1).replace("&amp;", "&") : "";
  }

  /** The action done as an integrator would. */
  static boolean acceptedOverTheApi(String who, long id, Action action) {
    String base = "/api/corrections/" + id;
    Response r =
        switch (action) {
          case EDIT -> {
            JsonPath now = Api.as(who).get(base).jsonPath();
            Map<String, Object> body = Api.correction("x", "The passage under test");
            body.put("articleUrl", now.getString("articleUrl"));
            body.put("version", now.getLong("version"));
            yield Api.as(who).body(body).put(base);
          }
          case SUBMIT -> Api.as(who).post(base + "/submit");
          case RECALL -> Api.as(who).post(base + "/recall");
          case DELETE -> Api.as(who).post(base + "/delete");
          case APPROVE ->
              Api.as(who)
                  .body(Map.of("override", "The page is behind a login."))
                  .post(base + "/approve");
          case REQUEST_CHANGES ->
              Api.as(who)
                  .body(Map.of("comment", "Please change the summary."))
                  .post(base + "/request-changes");
          case PUBLISH -> Api.as(who).post(base + "/publish");
          case AMEND -> {
            // Over the API an amendment is a PUT with a change note that starts a new revision.
            JsonPath now = Api.as(who).get(base).jsonPath();
            Map<String, Object> body = Api.correction("x", "The passage under test");
            body.put("articleUrl", now.getString("articleUrl"));
            body.put("version", now.getLong("version"));
            body.put("changeNote", "Fixes a word.");
            Response put = Api.as(who).body(body).put(base);
            yield put.statusCode() == 200
                    && put.jsonPath().getInt("revision") > now.getInt("revision")
                ? put
                : Api.as(who).get("/api/corrections/0");
          }
          case WITHDRAW ->
              Api.as(who).body(Map.of("reason", "The article was fixed.")).post(base + "/withdraw");
          case COMMENT -> Api.as(who).body(Map.of("body", "A question.")).post(base + "/comments");
          case CHECK -> Api.as(who).post(base + "/check");
        };
    return r.statusCode() / 100 == 2;
  }

  @Test
  void whatThePageAndTheApiOfferIsExactlyWhatTheServerAccepts() {
    Map<String, Session> sessions = new HashMap<>();
    PEOPLE.forEach(p -> sessions.put(p, Session.signIn(p)));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, LongSupplier> scenario : scenarios().entrySet()) {
      for (String person : PEOPLE) {
        Session who = sessions.get(person);
        long id = scenario.getValue().getAsLong();
        Set<Action> page = onThePage(who, id);
        Set<Action> api = inTheApi(person, id);
        String where = scenario.getKey() + ", " + person;
        if (!page.equals(api)) {
          wrong.add(where + ": the page offers " + page + ", the API " + api);
        }
        Set<Action> htmlAccepts = EnumSet.noneOf(Action.class);
        Set<Action> apiAccepts = EnumSet.noneOf(Action.class);
        long forPage = id;
        long forApi = scenario.getValue().getAsLong();
        for (Action action : Action.values()) {
          if (acceptedOnThePage(who, forPage, action)) {
            htmlAccepts.add(action);
            forPage = scenario.getValue().getAsLong();
          }
          if (acceptedOverTheApi(person, forApi, action)) {
            apiAccepts.add(action);
            forApi = scenario.getValue().getAsLong();
          }
        }
        if (!htmlAccepts.equals(page)) {
          wrong.add(where + ": the page offers " + page + " but accepts " + htmlAccepts);
        }
        if (!apiAccepts.equals(api)) {
          wrong.add(where + ": the API offers " + api + " but accepts " + apiAccepts);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }
}
