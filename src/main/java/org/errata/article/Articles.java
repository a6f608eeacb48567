package org.errata.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The transactional door for changes to articles themselves (their other addresses). */
@ApplicationScoped
public class Articles {

  /** No article has this id. */
  public static final class NotFound extends RuntimeException {
    public NotFound(long id) {
      super("There is no article " + id + ".", null, false, false);
    }
  }

  @Transactional
  public Article find(long id) {
    Article a = Article.findById(id);
    if (a == null) {
      throw new NotFound(id);
    }
    return a;
  }

  /** Adds {@code url} as another address of article {@code id} (see {@link Article#addAlias}). */
  @Transactional
  public void addAlias(long id, String url) {
    find(id).addAlias(url);
  }
}
