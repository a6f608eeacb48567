package org.errata.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session for HTTP tests: signs in through the real form, keeps the cookies, and
 * sends each form with the CSRF token read from the page it came from, as a browser does. Redirects
 * are never followed, so tests see the 303 and its Location.
 */
public final class Session {

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

  private final Map<String, String> cookies = new HashMap<>();

  private Session() {}

  public static Session anonymous() {
    return new Session();
  }

  public static Session signIn(String username, String password) {
    Session session = new Session();
    Response response =
        session.submit("/login", "/login", Map.of("username", username, "password", password));
    String location = response.header("Location");
    if (response.statusCode() != 303 || location == null || !location.startsWith("/editor")) {
      throw new AssertionError(
          "sign-in as " + username + " failed: " + response.statusCode() + " " + location);
    }
    return session;
  }

  public static Session signIn(String username) {
    return signIn(username, "errata-demo");
  }

  public RequestSpecification request() {
    return given().redirects().follow(false).cookies(cookies);
  }

  private static final Pattern TEMPORARY = Pattern.compile("shown only now: ([A-Za-z0-9_-]+)");

  /**
   * The temporary password an account's creation or reset (posted by this admin) leads to: the post
   * is answered with a redirect, so a reload posts nothing again, and the page it leads to shows
   * the password once, never on a second visit.
   */
  public String temporaryPassword(Response posted) {
    if (posted.statusCode() != 303) {
      throw new AssertionError("expected a redirect: " + posted.statusCode() + posted.asString());
    }
    String list = posted.header("Location");
    Matcher m = TEMPORARY.matcher(get(list).asString());
    if (!m.find()) {
      throw new AssertionError("the temporary password is not shown");
    }
    String again = get(list).asString();
    if (TEMPORARY.matcher(again).find()
        || !again.contains("That temporary password was shown once")) {
      throw new AssertionError("the temporary password is shown twice");
    }
    return m.group(1);
  }

  public Response get(String path) {
    Response response = request().get(path);
    remember(response);
    return response;
  }

  /**
   * Reads the form's CSRF token from {@code formPage}, then posts {@code fields} to {@code action}.
   */
  public Response submit(String formPage, String action, Map<String, ?> fields) {
    String token = token(formPage);
    Response response =
        request()
            .contentType(ContentType.URLENC.withCharset("UTF-8"))
            .formParams(fields)
            .formParam("csrf-token", token)
            .post(action);
    remember(response);
    return response;
  }

  /**
   * Like {@link #submit} for a multipart form: {@code text} fields, and a file when {@code
   * fileBytes} is not null.
   */
  public Response submitMultipart(
      String formPage,
      String action,
      Map<String, String> text,
      String fileField,
      byte[] fileBytes) {
    String token = token(formPage);
    RequestSpecification request = request().multiPart("csrf-token", token);
    for (Map.Entry<String, String> field : text.entrySet()) {
      request = request.multiPart(field.getKey(), field.getValue(), "text/plain; charset=UTF-8");
    }
    if (fileBytes != null) {
      request = request.multiPart(fileField, "report.txt", fileBytes, "text/plain");
    }
    Response response = request.post(action);
    remember(response);
    return response;
  }

  /** Posts without any CSRF token, as a forged cross-site form would. */
  public Response postWithoutToken(String action, Map<String, ?> fields) {
    return request().contentType(ContentType.URLENC).formParams(fields).post(action);
  }

  public String token(String page) {
    Response response = get(page);
    Matcher m = TOKEN.matcher(response.asString());
    if (!m.find()) {
      throw new AssertionError(
          "no CSRF token on " + page + " (status " + response.statusCode() + ")");
    }
    return m.group(1);
  }

  public Map<String, String> cookies() {
    return cookies;
  }

  private void remember(Response response) {
    for (Cookie c : response.getDetailedCookies()) {
      if (c.getMaxAge() == 0) {
        cookies.remove(c.getName());
      } else {
        cookies.put(c.getName(), c.getValue());
      }
    }
  }

  /** An account's id, as an admin reads it from the accounts page. */
  public static long accountId(String username) {
    String page = signIn("admin").get("/editor/admin/accounts").asString();
    Matcher m =
        Pattern.compile("<td>" + username + "</td>[\\s\\S]*?/editor/admin/accounts/(\\d+)/reset")
            .matcher(page);
    if (!m.find()) {
      throw new AssertionError("no row for " + username + " on the accounts page");
    }
    return Long.parseLong(m.group(1));
  }
}
