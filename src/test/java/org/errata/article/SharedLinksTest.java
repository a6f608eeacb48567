package org.errata.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The links people actually share find the article (BRIEF.md, "URL normalization"), and near misses
 * do not: a false all-clear is as bad as a false match.
 */
class SharedLinksTest {

  static final String SEED = "oneusefulthing.org/p/claude-dispatch-and-the-power-of";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "http://oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/",
        "HTTPS://WWW.ONEUSEFULTHING.ORG/p/claude-dispatch-and-the-power-of",
        "//oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org:443/p/claude-dispatch-and-the-power-of",
        "http://oneusefulthing.org:80/p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org./p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org/p/claude-dispatch-and-the-power-of#comments",
        "https://oneusefulthing.org/p/claude-dispatch-and-the-power-of#footnote-1",
        "https://oneusefulthing.org/p/claude-dispatch-and-the-power-of?",
        "https://oneusefulthing.org//p//claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org/p/./claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org/x/../p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org/p/claude%2Ddispatch-and-the-power-of",
        // Substack's own share and sign-up parameters
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?r=abc",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?r=abc&triedRedirect=true",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?showWelcome=true",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?publication_id=1180644&post_id=161",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?isFreemail=true&r=2x&triedRedirect=true",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?utm_source=substack&utm_medium=email",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?utm_campaign=post&utm_content=share",
        // social networks and aggregators
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?ref=hn",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?ref_src=twsrc%5Etfw",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?ref_url=https%3A%2F%2Fx.com",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?s=09",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?s=20",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?source=rss",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?source=twitter",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?source=RSS",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?share=1",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?igshid=MzRlODBiNWFlZA==",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?fbclid=IwAR0abc",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?gclid=Cj0KCQ",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?dclid=1&gbraid=2&wbraid=3",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?msclkid=abc",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?yclid=1&twclid=2",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?mc_cid=1&mc_eid=2",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?_hsenc=p2ANqtz&_hsmi=123",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?mkt_tok=eyJp",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?vero_conv=1&vero_id=2",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?oly_anon_id=1&oly_enc_id=2",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?spm=a2c4g",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?ncid=newsltushpmg",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?cmpid=rss&ito=792",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?smid=tw-share",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?sr_share=twitter",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?UTM_SOURCE=X",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?utm_source=a+b",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?&&utm_source=x&&",
        // mobile and AMP
        "https://m.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://mobile.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://amp.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://m.oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp?ref=hn",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp/",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?amp=1",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?amp",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?outputType=amp",
        "https://www-oneusefulthing-org.cdn.ampproject.org/c/s/www.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www-oneusefulthing-org.cdn.ampproject.org/v/s/www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp?amp_js_v=0.1",
        "https://www-oneusefulthing-org.cdn.ampproject.org/c/oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www.google.com/amp/s/www.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www.google.com/amp/oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp",
        "https://www.google.co.uk/amp/s/oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        // index files
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index.html",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index.htm",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index.php",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/INDEX.HTML",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index.html?utm_source=x",
        // a user name, spaces around, every rule at once
        "https://reader@www.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "   https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of   ",
        "http://M.OneUsefulThing.org:80//p/claude-dispatch-and-the-power-of/amp/?utm_source=x&s=09#top",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?r=4ebs&utm_campaign=post&utm_medium=web&showWelcome=true",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/?ref=hn#comments",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?source=newsletter",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?source=email&utm_source=x",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?ref=producthunt",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?utm_source=bluesky&ref=bsky",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?fbclid=x#:~:text=Cowork",
        "https://m.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index.html",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp/index.html",
        "https://oneusefulthing-org.cdn.ampproject.org/c/s/oneusefulthing.org/p/claude-dispatch-and-the-power-of?usqp=mq331AQ"
      })
  void everyWayTheSeedArticleIsSharedFindsIt(String spelling) {
    assertEquals(SEED, ArticleUrl.key(spelling));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://example.com/a?q=caf%C3%A9+au+lait       | example.com/a?q=caf%C3%A9%20au%20lait
          https://example.com/a?q=caf%C3%A9%20au%20lait   | example.com/a?q=caf%C3%A9%20au%20lait
          https://example.com/a?id=7&ref=hn&b=2           | example.com/a?b=2&id=7
          https://example.com/a?source=wikipedia          | example.com/a?source=wikipedia
          https://example.com/a?source=rss&page=2         | example.com/a?page=2
          https://example.com/#!/story/1                  | example.com/#!/story/1
          https://www.example.com/#!/story/1?utm_source=x | example.com/#!/story/1?utm_source=x
          https://example.com/app/index.php               | example.com/app
          https://example.com/index.html                  | example.com/
          https://example.com/amp                         | example.com/
          https://example.com/a/amp/b                     | example.com/a/amp/b
          https://example.com/ampersand                   | example.com/ampersand
          https://m.co/a                                  | m.co/a
          https://mobile.example.org/a                    | example.org/a
          """)
  void theRulesHoldEverywhere(String url, String key) {
    assertEquals(key, ArticleUrl.key(url));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of-x",
        "https://www.oneusefulthing.org/p/Claude-Dispatch-And-The-Power-Of",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of-2",
        "https://www.oneusefulthing.org/claude-dispatch-and-the-power-of",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/comments",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?page=2",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?id=1",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?source=wikipedia",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of#!/other",
        "https://www.oneusefulthing.org:8443/p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.substack.com/p/claude-dispatch-and-the-power-of",
        "https://blog.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.com/p/claude-dispatch-and-the-power-of",
        "https://oneusefulthing.org.evil.example/p/claude-dispatch-and-the-power-of",
        "https://evil.example/p/claude-dispatch-and-the-power-of?u=oneusefulthing.org",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/amp/extra",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of/index.asp",
        "https://ww.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www2.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://mm.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://m-oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www.google.com/search?q=oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www.google.com/url?q=https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?sort=new",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?amp=0",
        "https://www.oneusefulthing.org/p/claude-dispatch-and-the-power-of?output=1",
        "https://www.oneusefulthing.org/p",
        "https://www.oneusefulthing.org/",
        "https://oneusefulthing.org/p/claude-dispatch-and-the-power-of%2F",
        "https://oneusefulthing.org/p/claude%20dispatch-and-the-power-of"
      })
  void nearMissesAreOtherArticles(String spelling) {
    assertNotEquals(SEED, ArticleUrl.key(spelling));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://www.oneusefulthing.org/p/x?r=abc&triedRedirect=true     | https://www.oneusefulthing.org/p/x
          https://example.com/a?utm_source=x&id=7#top                      | https://example.com/a?id=7
          https://example.com/#!/story/1                                   | https://example.com/#!/story/1
          example.com/a?ref=hn                                             | example.com/a
          """)
  void readersSeeAnAddressWithoutTrackingParameters(String typed, String shown) {
    assertEquals(shown, ArticleUrl.clean(typed));
  }
}
