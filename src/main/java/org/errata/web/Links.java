package org.errata.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every address of Errata's own pages, built in one place, for Java ({@code Links.correction(7)})
 * and templates ({@code {link:correction(page.id)}}). The domain never knows a URL.
 */
@TemplateExtension(namespace = "link")
public final class Links {

  private Links() {}

  /**
   * A query string ("?status=DRAFT&author=ada") of {@code fields} in their order, leaving out the
   * empty ones; "" when all are. For a list's filters, carried from page to page.
   */
  public static String query(java.util.Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            b.append(b.length() == 0 ? '?' : '&')
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
          }
        });
    return b.toString();
  }

  public static String desk() {
    return "/editor";
  }

  public static String newCorrection() {
    return "/editor/corrections/new";
  }

  public static String corrections() {
    return "/editor/corrections";
  }

  /** A correction's page on the desk. */
  public static String correction(long id) {
    return "/editor/corrections/" + id;
  }

  /** A part of a correction's page: "#discussion", "#passage". */
  public static String correction(long id, String anchor) {
    return correction(id) + "#" + anchor;
  }

  public static String edit(long id) {
    return correction(id) + "/edit";
  }

  /** The form post of one action on a correction: "submission", "approval", … */
  public static String action(long id, String action) {
    return correction(id) + "/" + action;
  }

  public static String comments(long id) {
    return correction(id) + "/comments";
  }

  public static String commentResolution(long id, long comment) {
    return comments(id) + "/" + comment + "/resolution";
  }

  public static String passageCheck(long id) {
    return correction(id) + "/passage-check";
  }

  /** Source {@code n}'s quote check (1-based). */
  public static String quoteCheck(long id, int n) {
    return correction(id) + "/sources/" + n + "/quote-check";
  }

  public static String finding(long id, long finding) {
    return correction(id) + "/drift/" + finding;
  }

  public static String findingDismissal(long id, long finding) {
    return finding(id, finding) + "/dismissal";
  }

  public static String changes(long id) {
    return correction(id) + "/changes";
  }

  public static String changes(long id, int from, int to) {
    return changes(id) + "?from=" + from + "&to=" + to;
  }

  public static String changesSinceRequest(long id) {
    return correction(id) + "/changes-since-request";
  }

  public static String newReport() {
    return "/editor/reports/new";
  }

  public static String importedReport(String ids) {
    return "/editor/reports/imported?ids=" + ids;
  }

  public static String account() {
    return "/editor/account";
  }

  public static String password() {
    return "/editor/account/password";
  }

  public static String accounts() {
    return "/editor/admin/accounts";
  }

  public static String activity() {
    return "/editor/admin/activity";
  }

  // ---- readers' pages ----

  /** A published correction's permalink. */
  public static String published(long id) {
    return "/corrections/" + id;
  }

  public static String publishedRevision(long id, int number) {
    return published(id) + "/revisions/" + number;
  }

  /** The readers' page of an article, by any spelling of its address. */
  /** An article on the desk: its addresses and corrections. */
  public static String deskArticle(long id) {
    return "/editor/articles/" + id;
  }

  public static String article(String url) {
    return "/articles?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  // ---- the editors' API ----

  public static String apiCorrection(long id) {
    return "/api/corrections/" + id;
  }
}
