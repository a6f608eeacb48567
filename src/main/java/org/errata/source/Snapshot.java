package org.errata.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.errata.web.Secrets;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The text of a page as it was when a passage or quote was checked against it. */
@Entity
@Table(name = "snapshot")
public class Snapshot extends PanacheEntityBase {

  /** Where the text came from. */
  public enum Kind {
    FETCHED,
    PASTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 10)
  public Kind kind;

  @Column(name = "requested_url", length = 2000)
  public String requestedUrl;

  /** After redirects. */
  @Column(name = "final_url", length = 2000)
  public String finalUrl;

  @Column(name = "http_status")
  public Integer httpStatus;

  @Column(name = "taken_at", nullable = false)
  public Instant takenAt;

  @Column(nullable = false, length = 64)
  public String sha256;

  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "page_text", nullable = false)
  public String pageText;

  protected Snapshot() {}

  /**
   * A page's text as stored: without NUL characters, which no page shows and PostgreSQL cannot
   * store. Quotes and passages are matched against this text, so their positions stay right.
   */
  static String storable(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  /** Text an editor pasted. */
  public static Snapshot pasted(String text, Instant now) {
    Snapshot s = new Snapshot();
    s.kind = Kind.PASTED;
    s.pageText = storable(text);
    s.sha256 = sha256(s.pageText);
    s.takenAt = now;
    return s;
  }

  /** A page Errata fetched itself: where it asked, where it ended up, the answer and the text. */
  public static Snapshot fetched(
      String requestedUrl, String finalUrl, int httpStatus, Instant fetchedAt, String text) {
    Snapshot s = new Snapshot();
    s.kind = Kind.FETCHED;
    s.requestedUrl = requestedUrl;
    s.finalUrl = finalUrl;
    s.httpStatus = httpStatus;
    s.pageText = storable(text);
    s.sha256 = sha256(s.pageText);
    s.takenAt = fetchedAt;
    return s;
  }

  /** Whether Errata fetched this page itself (rather than an editor pasting its text). */
  public boolean isFetched() {
    return kind == Kind.FETCHED;
  }

  /** The SHA-256 of the text, in hex: the snapshot's fingerprint. */
  public static String sha256(String text) {
    return Secrets.sha256(text);
  }
}
