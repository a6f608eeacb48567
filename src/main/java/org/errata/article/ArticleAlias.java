package org.errata.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.errata.db.PublicGeneration;

/** Another address of an article, such as the one its page declares with rel=canonical. */
@Entity
@Table(name = "article_alias")
public class ArticleAlias extends PanacheEntityBase {

  @Id
  @Column(name = "url_key", length = 2000)
  public String urlKey;

  @ManyToOne(optional = false)
  @JoinColumn(name = "article_id")
  public Article article;

  protected ArticleAlias() {}

  /**
   * Records {@code url} as another address of {@code article}, unless it is already its own key, an
   * alias, or another article's address.
   */
  public static boolean add(Article article, String url) {
    String key;
    try {
      key = ArticleUrl.key(url);
    } catch (ArticleUrl.InvalidUrl e) {
      return false;
    }
    if (key.equals(article.urlKey) || findById(key) != null || Article.count("urlKey", key) > 0) {
      return false;
    }
    long articleId = article.id;
    try {
      // On its own, so that another check adding the same alias at this moment fails alone.
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                ArticleAlias alias = new ArticleAlias();
                alias.urlKey = key;
                alias.article = Article.findById(articleId);
                alias.persist();
                PublicGeneration.changed(getEntityManager());
              });
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
