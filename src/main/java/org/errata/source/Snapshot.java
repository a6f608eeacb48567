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
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
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

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "page_text", nullable = false)
  public String pageText;

  protected Snapshot() {}

  public static Snapshot pasted(String text, Instant now) {
    Snapshot s = new Snapshot();
    s.kind = Kind.PASTED;
    s.pageText = text;
    s.sha256 = PageFetcher.sha256(text);
    s.takenAt = now;
    return s;
  }

  public static Snapshot fetched(PageFetcher.Fetched page) {
    Snapshot s = new Snapshot();
    s.kind = Kind.FETCHED;
    s.requestedUrl = page.requestedUrl();
    s.finalUrl = page.finalUrl();
    s.httpStatus = page.status();
    s.pageText = page.text();
    s.sha256 = page.sha256();
    s.takenAt = page.fetchedAt();
    return s;
  }
}
