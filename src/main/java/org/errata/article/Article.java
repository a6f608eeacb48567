package org.errata.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** Someone else's web page, identified by the normalized key of its URL. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The spelling first typed for this article. */
  @Column(nullable = false, length = 2000)
  public String url;

  @Column(name = "url_key", nullable = false, unique = true, length = 2000)
  public String urlKey;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The title its page gave when Errata fetched it, or null. */
  @Column(length = 500)
  public String title;

  /** What readers see of the address: as first typed, without tracking parameters. */
  public String displayUrl() {
    return ArticleUrl.clean(url);
  }

  protected Article() {}

  public static Article of(String url, Instant now) {
    Article article = new Article();
    article.url = url.strip();
    article.urlKey = ArticleUrl.key(url);
    article.createdAt = now;
    return article;
  }

  /** The article at any spelling of its address, or of an alias such as its canonical URL. */
  public static Optional<Article> findByUrl(String anySpelling) {
    return findByKey(ArticleUrl.key(anySpelling));
  }

  public static Optional<Article> findByKey(String key) {
    Optional<Article> own = find("urlKey", key).firstResultOptional();
    if (own.isPresent()) {
      return own;
    }
    ArticleAlias alias = ArticleAlias.findById(key);
    return alias == null ? Optional.empty() : Optional.of(alias.article);
  }

  /**
   * The stored article for this URL, created on first use. The creation commits on its own, so two
   * editors proposing the first corrections of one article at the same moment both succeed: the one
   * whose insert loses the race to the unique key simply finds the other's article.
   */
  public static Article findOrCreate(String url, Instant now) {
    Optional<Article> found = findByUrl(url);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      long id =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Article article = of(url, now);
                    article.persist();
                    return article.id;
                  });
      return findById(id);
    } catch (RuntimeException e) {
      return findByUrl(url).orElseThrow(() -> e);
    }
  }
}
