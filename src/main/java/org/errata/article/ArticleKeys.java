package org.errata.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.errata.db.PublicGeneration;
import org.jboss.logging.Logger;

/**
 * Keeps stored article keys in step with the URL rules. When the rules change (a release that drops
 * more share parameters, say), every article's key is worked out again once; two articles whose
 * addresses turn out to be one are merged (corrections and aliases move to the older one, the
 * other's key becomes an alias), so nobody's lookup finds less than before.
 */
@ApplicationScoped
public class ArticleKeys {

  private static final Logger LOG = Logger.getLogger(ArticleKeys.class);

  /** Bumped whenever {@link ArticleUrl#key} changes what it makes of an address. */
  static final String RULES = "3";

  static final String SETTING = "article-key-rules";

  @Transactional
  public void upgrade() {
    EntityManager em = Article.getEntityManager();
    List<?> found =
        em.createNativeQuery("select setting_value from errata_setting where name = ?1")
            .setParameter(1, SETTING)
            .getResultList();
    String stored = found.isEmpty() ? null : String.valueOf(found.get(0));
    if (RULES.equals(stored)) {
      return;
    }
    int rekeyed = 0;
    int merged = 0;
    for (Article a : Article.<Article>list("order by id")) {
      String key;
      try {
        key = ArticleUrl.key(a.url);
      } catch (ArticleUrl.InvalidUrl e) {
        continue;
      }
      String site = ArticleUrl.site(key);
      if (!site.equals(a.site)) {
        a.site = site;
      }
      if (key.equals(a.urlKey)) {
        continue;
      }
      Article other = Article.<Article>find("urlKey", key).firstResult();
      if (other == null) {
        ArticleAlias.delete("urlKey", key);
        a.urlKey = key;
        rekeyed++;
      } else {
        merge(em, a, other);
        merged++;
      }
      em.flush();
    }
    if (stored == null) {
      em.createNativeQuery("insert into errata_setting (name, setting_value) values (?1, ?2)")
          .setParameter(1, SETTING)
          .setParameter(2, RULES)
          .executeUpdate();
    } else {
      em.createNativeQuery("update errata_setting set setting_value = ?2 where name = ?1")
          .setParameter(1, SETTING)
          .setParameter(2, RULES)
          .executeUpdate();
    }
    if (rekeyed + merged > 0) {
      LOG.infof(
          "Article addresses follow the current URL rules: %d keys updated, %d articles merged.",
          rekeyed, merged);
    }
  }

  /** {@code from} is the same article as {@code into}: everything of it moves there. */
  private static void merge(EntityManager em, Article from, Article into) {
    em.createQuery("update Correction c set c.article = ?1 where c.article = ?2")
        .setParameter(1, into)
        .setParameter(2, from)
        .executeUpdate();
    em.createQuery("update ArticleAlias a set a.article = ?1 where a.article = ?2")
        .setParameter(1, into)
        .setParameter(2, from)
        .executeUpdate();
    String oldKey = from.urlKey;
    from.delete();
    em.flush();
    if (ArticleAlias.findById(oldKey) == null) {
      ArticleAlias alias = new ArticleAlias();
      alias.urlKey = oldKey;
      alias.article = into;
      alias.persist();
    }
    PublicGeneration.changed(em);
  }
}
