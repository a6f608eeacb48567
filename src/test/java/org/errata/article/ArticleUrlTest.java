package org.errata.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BRIEF.md "URL normalization": many spellings, one article. */
class ArticleUrlTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://www.example.com/a/b/                        | example.com/a/b
          http://example.com/a/b                              | example.com/a/b
          example.com/a/b?utm_source=x#top                    | example.com/a/b
          HTTPS://WWW.EXAMPLE.COM/a/b                         | example.com/a/b
          www.example.com/a/b                                 | example.com/a/b
          //example.com/a/b                                   | example.com/a/b
          https://example.com:443/a/b                         | example.com/a/b
          http://example.com:80/a/b                           | example.com/a/b
          http://example.com:8080/a/b                         | example.com:8080/a/b
          example.com:8080/a                                  | example.com:8080/a
          https://example.com/A/B                             | example.com/A/B
          https://example.com                                 | example.com/
          https://example.com/                                | example.com/
          https://www.example.com/?                           | example.com/
          https://example.com/a?                              | example.com/a
          https://example.com/a?b=2&a=1                       | example.com/a?a=1&b=2
          https://example.com/a?utm_medium=x&utm_campaign=y   | example.com/a
          https://example.com/a?gclid=1&fbclid=2&id=7         | example.com/a?id=7
          https://example.com/a?mc_cid=1&mc_eid=2             | example.com/a
          https://example.com/a?UTM_SOURCE=x&q=1              | example.com/a?q=1
          https://example.com/a?q=1&&x=2                      | example.com/a?q=1&x=2
          https://example.com//a///b                          | example.com/a/b
          https://example.com/a/./b/../c                      | example.com/a/c
          https://example.com/caf%c3%a9                       | example.com/caf%C3%A9
          https://example.com/%7Euser/%41                     | example.com/~user/A
          https://example.com/a%2fb                           | example.com/a%2Fb
          https://bücher.example/katalog                      | xn--bcher-kva.example/katalog
          https://WWW.Bücher.Example/katalog/                 | xn--bcher-kva.example/katalog
          https://xn--bcher-kva.example/katalog               | xn--bcher-kva.example/katalog
          https://example.com./a                              | example.com/a
          https://user:pw@example.com/a                       | example.com/a
          '  https://example.com/a  '                         | example.com/a
          https://www.example.com/a#section-2                 | example.com/a
          https://example.com/a?x=%e2%9c%93                   | example.com/a?x=%E2%9C%93
          https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of | oneusefulthing.org/p/claude-dispatch-and-the-power-of
          https://www.com/a                                   | com/a
          """)
  void spellingsOfOneArticleShareOneKey(String url, String key) {
    assertEquals(key, ArticleUrl.key(url));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ftp://example.com/a              | Only http:// and https://
          javascript:alert(1)              | Only http:// and https://
          mailto:someone@example.com       | Only http:// and https://
          https://exa mple.com/a           | cannot contain spaces
          https:///a                       | no host name
          https://example.com:port/a       | not a number
          https://exa_mple.com/a           | not valid
          """)
  void addressesThatAreNotWebPagesAreRefusedWithAReason(String url, String reason) {
    ArticleUrl.InvalidUrl e = assertThrows(ArticleUrl.InvalidUrl.class, () -> ArticleUrl.key(url));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void anEmptyAddressIsRefused() {
    assertThrows(ArticleUrl.InvalidUrl.class, () -> ArticleUrl.key("  "));
    assertThrows(ArticleUrl.InvalidUrl.class, () -> ArticleUrl.key(null));
  }
}
