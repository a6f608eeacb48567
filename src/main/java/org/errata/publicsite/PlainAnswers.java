package org.errata.publicsite;

import jakarta.ws.rs.core.Response;
import org.errata.article.ArticleUrl;

/**
 * What the public outputs that are not pages (feeds, exports, the badge, the notice, sitemaps,
 * charts) answer when asked wrongly: a plain-text sentence, and the reading of a reader's {@code
 * ?url=} that most of them start from.
 */
final class PlainAnswers {

  static final String PLAIN = "text/plain; charset=utf-8";

  private PlainAnswers() {}

  static Response plain(int status, String body) {
    return Response.status(status).type(PLAIN).entity(body).build();
  }

  /** A reader's {@code ?url=} as an article key, or the plain-text 400 that says what is wrong. */
  record Address(String key, Response refusal) {
    static Address of(String url) {
      if (url == null || url.isBlank()) {
        return new Address(null, plain(400, "Give the article's address as ?url=.\n"));
      }
      try {
        return new Address(ArticleUrl.key(url), null);
      } catch (ArticleUrl.InvalidUrl e) {
        return new Address(null, plain(400, e.getMessage() + "\n"));
      }
    }
  }
}
