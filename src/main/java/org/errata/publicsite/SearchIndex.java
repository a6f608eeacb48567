package org.errata.publicsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.correction.AuditEvent;
import org.errata.correction.Correction;
import org.errata.correction.CorrectionDesk;
import org.errata.correction.Revision;
import org.errata.db.DbValues;
import org.errata.source.QuotedSource;
import org.jboss.logging.Logger;

/**
 * Readers' search over live corrections: an inverted index in the database ({@code search_posting}:
 * each folded word of a correction's published text, weighted by where it appears), kept in step in
 * the transaction that publishes, amends or withdraws, so every instance on one database sees the
 * same results at once. The same index and the same ranking on H2 and PostgreSQL; a search of
 * several words is answered the way each database does best ({@link #allWordsInOneQuery} on
 * PostgreSQL, {@link #allWordsInSteps} on H2).
 */
@ApplicationScoped
public class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class);

  static final String SETTING = "search-index";

  /** Bumped when what is indexed, or how words are folded, changes: the index is rebuilt once. */
  static final String VERSION = "1";

  public static final int MAX_TERMS = 8;
  public static final int TERM_MAX = 40;
  public static final int QUERY_MAX = 200;

  /** Pages of results readers can go through (20 each): the first thousand. */
  public static final int MAX_PAGE = 50;

  /** How many of the rarest word's best-placed corrections a search of several words weighs. */
  static final int CANDIDATES = 2000;

  /** Counting a word's corrections stops here: enough to tell rare from common. */
  static final int FREQUENCY_CAP = 5000;

  static final int PASSAGE = 4;
  static final int SITE = 4;
  static final int SUMMARY = 3;
  static final int SOURCE = 2;
  static final int REASONING = 1;

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have",
          "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to",
          "was", "were", "which", "with", "com", "org", "net", "www", "https", "http");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** A word as the index keeps it: accents and case folded, a plural's s dropped; null if none. */
  public static String fold(String word) {
    String w =
        MARKS
            .matcher(Normalizer.normalize(word, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    if (w.length() < 2 || STOP.contains(w)) {
      return null;
    }
    if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      w = w.substring(0, w.length() - 1);
    }
    return w.length() > TERM_MAX ? w.substring(0, TERM_MAX) : w;
  }

  /** The words of {@code text}, in order, as found (not folded). */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
    }
    return out;
  }

  /** The folded, distinct words of a reader's query, at most {@value #MAX_TERMS}. */
  public static List<String> queryTerms(String query) {
    Set<String> terms = new LinkedHashSet<>();
    if (query == null) {
      return List.of();
    }
    String q = query.length() > QUERY_MAX ? query.substring(0, QUERY_MAX) : query;
    for (String w : words(q)) {
      String t = fold(w);
      if (t != null && terms.size() < MAX_TERMS) {
        terms.add(t);
      }
    }
    return List.copyOf(terms);
  }

  /** Each folded word of revision {@code r} of an article on {@code site}, with its weight. */
  public static Map<String, Integer> postings(Revision r, String site) {
    List<String> sources = new ArrayList<>();
    for (QuotedSource s : r.sources) {
      sources.add(s.title);
      sources.add(s.publisher);
    }
    return postings(r.passage, r.summary, r.reasoning, r.verdict, sources, site);
  }

  /** The same from the texts themselves; {@code sources}: each source's title and publisher. */
  public static Map<String, Integer> postings(
      String passage,
      String summary,
      String reasoning,
      String verdict,
      List<String> sources,
      String site) {
    Map<String, Integer> weights = new HashMap<>();
    add(weights, passage, PASSAGE);
    add(weights, summary, SUMMARY);
    add(weights, reasoning, REASONING);
    add(weights, verdict, SUMMARY);
    for (String s : sources) {
      add(weights, s, SOURCE);
    }
    add(weights, site, SITE);
    return weights;
  }

  private static void add(Map<String, Integer> weights, String text, int weight) {
    Set<String> seen = new LinkedHashSet<>();
    for (String w : words(text)) {
      String t = fold(w);
      if (t != null && seen.add(t)) {
        weights.merge(t, weight, Integer::sum);
      }
    }
  }

  /** Publication, amendment and withdrawal change what readers can find: indexed again at once. */
  void recorded(@Observes CorrectionDesk.Recorded recorded) {
    Set<Correction> changed = new LinkedHashSet<>();
    for (AuditEvent e : recorded.events()) {
      if (e.action.changesWhatReadersSee()) {
        changed.add(e.correction);
      }
    }
    changed.forEach(SearchIndex::index);
  }

  /** Replaces the postings of {@code c} with those of what readers see of it now. */
  static void index(Correction c) {
    EntityManager em = Correction.getEntityManager();
    em.flush();
    em.createNativeQuery("delete from search_posting where correction_id = ?1")
        .setParameter(1, c.id)
        .executeUpdate();
    CommonWords.changed(em, c.id);
    if (!c.isLive()) {
      return;
    }
    Instant at = c.published.publishedAt;
    for (Map.Entry<String, Integer> p : postings(c.published, c.article.site).entrySet()) {
      em.createNativeQuery(
              "insert into search_posting (term, correction_id, weight, published_at)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, p.getKey())
          .setParameter(2, c.id)
          .setParameter(3, p.getValue())
          .setParameter(4, at)
          .executeUpdate();
    }
  }

  /** Builds the index from every live correction, once per {@link #VERSION}. */
  @Transactional
  public void upgrade() {
    EntityManager em = Correction.getEntityManager();
    List<?> found =
        em.createNativeQuery("select setting_value from errata_setting where name = ?1")
            .setParameter(1, SETTING)
            .getResultList();
    if (!found.isEmpty() && VERSION.equals(String.valueOf(found.get(0)))) {
      return;
    }
    em.createNativeQuery("delete from search_posting").executeUpdate();
    int n = 0;
    for (Correction c :
        Correction.<Correction>list("published is not null and withdrawnAt is null")) {
      index(c);
      n++;
    }
    em.createNativeQuery("delete from errata_setting where name = ?1")
        .setParameter(1, SETTING)
        .executeUpdate();
    em.createNativeQuery("insert into errata_setting (name, setting_value) values (?1, ?2)")
        .setParameter(1, SETTING)
        .setParameter(2, VERSION)
        .executeUpdate();
    if (n > 0) {
      LOG.infof("Search index built: %d live corrections.", n);
    }
  }

  /** A correction holding the words so far, with their summed weight. */
  private record Candidate(long id, int weight, Instant publishedAt) {
    static final Comparator<Candidate> RANK =
        Comparator.comparingInt(Candidate::weight)
            .reversed()
            .thenComparing(Candidate::publishedAt, Comparator.reverseOrder())
            .thenComparing(Candidate::id, Comparator.reverseOrder());

    Candidate plus(int more) {
      return new Candidate(id, weight + more, publishedAt);
    }
  }

  /** How many corrections hold {@code term}, counted up to {@value #FREQUENCY_CAP}. */
  private static int frequency(EntityManager em, String term) {
    Object n =
        em.createNativeQuery(
                "select count(*) from (select 1 from search_posting where term = ?1"
                    + " fetch first "
                    + FREQUENCY_CAP
                    + " rows only) f")
            .setParameter(1, term)
            .getSingleResult();
    return ((Number) n).intValue();
  }

  @Inject CommonWords common;

  /**
   * Up to this many candidates are checked one by one rather than against all of a word's holders.
   */
  @ConfigProperty(name = "errata.search.probe-up-to", defaultValue = "200")
  int probed;

  /** One page of what a search found: the corrections, best first, and whether more follow. */
  public record Found(List<String> terms, List<Correction> corrections, boolean more) {}

  /**
   * The live corrections holding every word of {@code query}, best first: the sum of the words'
   * weights, then the newest; {@code page} counts from 1, up to {@value #MAX_PAGE}. With several
   * words, the candidates are the {@value #CANDIDATES} best-placed corrections holding the rarest
   * of them, so that a search of common words costs what a search of rare ones does.
   */
  @Transactional
  public Found search(String query, int page, int size) {
    List<String> terms = queryTerms(query);
    if (terms.isEmpty()) {
      return new Found(terms, List.of(), false);
    }
    EntityManager em = Correction.getEntityManager();
    int offset = (Math.min(Math.max(1, page), MAX_PAGE) - 1) * size;
    List<?> rows;
    if (terms.size() == 1) {
      // Read straight down the index in rank order (naming the term in the order lets the
      // database see that the index is already sorted): the cost is the page's depth, not the
      // number of corrections holding the word.
      rows =
          em.createNativeQuery(
                  "select correction_id from search_posting where term = ?1"
                      + " order by term, weight desc, published_at desc, correction_id desc")
              .setParameter(1, terms.get(0))
              .setFirstResult(offset)
              .setMaxResults(size + 1)
              .getResultList();
    } else if (postgres()) {
      rows = allWordsInOneQuery(em, terms, offset, size);
    } else {
      rows = allWordsInSteps(em, terms, offset, size);
    }
    List<Long> ids = new ArrayList<>();
    for (Object o : rows) {
      ids.add(((Number) o).longValue());
    }
    boolean more = ids.size() > size && page < MAX_PAGE;
    if (more) {
      ids = ids.subList(0, size);
    }
    Map<Long, Correction> byId = new LinkedHashMap<>();
    ids.forEach(id -> byId.put(id, null));
    if (!ids.isEmpty()) {
      for (Correction c : Correction.<Correction>list("id in ?1", ids)) {
        byId.put(c.id, c);
      }
    }
    return new Found(
        terms, byId.values().stream().filter(c -> c != null && c.isLive()).toList(), more);
  }

  /** Which database this is: the search of several words goes the way it does best there. */
  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String kind;

  private boolean postgres() {
    return "postgresql".equals(kind);
  }

  /**
   * Several words on PostgreSQL: one grouping query over the postings of all of them, which its
   * planner answers from the index with bitmap scans and a hash aggregate, at any frequency of the
   * words; exact, with no cap on candidates.
   */
  private static List<?> allWordsInOneQuery(
      EntityManager em, List<String> terms, int offset, int size) {
    return em.createNativeQuery(
            "select correction_id from search_posting where term = any(cast(?1 as varchar[]))"
                + " group by correction_id having count(*) = ?2"
                + " order by sum(weight) desc, max(published_at) desc, correction_id desc")
        .setParameter(1, terms.toArray(String[]::new))
        .setParameter(2, terms.size())
        .setFirstResult(offset)
        .setMaxResults(size + 1)
        .getResultList();
  }

  /**
   * Several words on H2, whose planner turns any join or grouping over a common word's postings
   * into a scan of all of them: in steps, from the rarest word's best-placed candidates.
   */
  private List<Long> allWordsInSteps(EntityManager em, List<String> terms, int offset, int size) {
    // Start from the rarest word's best-placed postings (at most CANDIDATES of them, read in
    // rank order from the index) and keep those holding every other word, checked in memory
    // against that word's holders (kept between searches for common words). Done in steps, so
    // no query planner can turn it into a join over every posting of a common word.
    common.catchUp(em);
    List<String> order = new ArrayList<>(terms);
    Map<String, Integer> frequency = new HashMap<>();
    for (String t : terms) {
      frequency.put(t, frequency(em, t));
    }
    order.sort((x, y) -> Integer.compare(frequency.get(x), frequency.get(y)));
    List<?> first =
        em.createNativeQuery(
                "select correction_id, weight, published_at from search_posting where term = ?1"
                    + " order by term, weight desc, published_at desc, correction_id desc")
            .setParameter(1, order.get(0))
            .setMaxResults(CANDIDATES)
            .getResultList();
    Map<Long, Candidate> candidates = new LinkedHashMap<>();
    for (Object o : first) {
      Object[] row = (Object[]) o;
      long id = ((Number) row[0]).longValue();
      candidates.put(id, new Candidate(id, ((Number) row[1]).intValue(), DbValues.instant(row[2])));
    }
    for (int i = 1; i < order.size() && !candidates.isEmpty(); i++) {
      String term = order.get(i);
      Map<Long, Integer> weights =
          candidates.size() <= probed && !common.isKept(term)
              ? CommonWords.probe(em, term, candidates.keySet())
              : null;
      CommonWords.Holders holders =
          weights == null ? common.holders(em, term, frequency.get(term)) : null;
      Map<Long, Candidate> kept = new LinkedHashMap<>();
      for (Candidate c : candidates.values()) {
        int weight = weights == null ? holders.weightOf(c.id) : weights.getOrDefault(c.id, 0);
        if (weight > 0) {
          kept.put(c.id, c.plus(weight));
        }
      }
      candidates = kept;
    }
    List<Candidate> ranked = new ArrayList<>(candidates.values());
    ranked.sort(Candidate.RANK);
    return ranked.stream().skip(offset).limit(size + 1L).map(Candidate::id).toList();
  }
}
