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
import java.util.List;
import java.util.Optional;
import org.errata.db.PublicGeneration;

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

  /** The publication: the address's host without www., m., mobile. or amp. */
  @Column(length = 255)
  public String site;

  /** The title its page gave when Errata fetched it, or null. */
  @Column(length = 500)
  public String title;

  /** What readers see of the address: as first typed, without tracking parameters. */
  public String displayUrl() {
    return ArticleUrl.clean(url);
  }

  protected Article() {}

  /** An address an editor gave that cannot become one of this article's. */
  public static final class AliasRefused extends IllegalArgumentException {
    AliasRefused(String message) {
      super(message);
    }
  }

  public static final int ALIAS_MAX = 2000;

  /**
   * Adds {@code url} (a syndicated copy, a custom domain or its {@code *.substack.com} twin) as
   * another address of this article, so readers who have it find this article's corrections.
   * Refused with a sentence when it is not a web address, is already this article's, or belongs to
   * another article.
   */
  public void addAlias(String url) {
    if (url == null || url.isBlank()) {
      throw new AliasRefused("Enter the other address of this article.");
    }
    if (url.strip().length() > ALIAS_MAX) {
      throw new AliasRefused("An address can be at most 2,000 characters.");
    }
    String key;
    try {
      key = ArticleUrl.key(url);
    } catch (ArticleUrl.InvalidUrl e) {
      throw new AliasRefused(e.getMessage());
    }
    if (key.equals(urlKey)) {
      throw new AliasRefused("That is this article's own address (in another spelling).");
    }
    ArticleAlias existing = ArticleAlias.findById(key);
    if (existing != null) {
      throw new AliasRefused(
          existing.article.id.equals(id)
              ? "That address is already one of this article's."
              : "That address is already another article's (" + existing.article.url + ").");
    }
    Article other = find("urlKey", key).firstResult();
    if (other != null) {
      throw new AliasRefused(
          "That address is another article's own ("
              + other.url
              + "): Errata cannot make them one.");
    }
    ArticleAlias alias = new ArticleAlias();
    alias.urlKey = key;
    alias.article = this;
    alias.persist();
    PublicGeneration.changed(getEntityManager());
  }

  /** Every other address of this article, as stored (its normalized keys). */
  public List<String> aliases() {
    return ArticleAlias.<ArticleAlias>list("article = ?1 order by urlKey", this).stream()
        .map(a -> a.urlKey)
        .toList();
  }

  public static Article of(String url, Instant now) {
    Article article = new Article();
    article.url = url.strip();
    article.urlKey = ArticleUrl.key(url);
    article.site = ArticleUrl.site(article.urlKey);
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
