package org.errata.source;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.errata.text.PlainText;

/** A page that backs a correction: its title, publisher, address and the exact words quoted. */
@Embeddable
public class QuotedSource {

  public static final int TITLE_MAX = 300;
  public static final int PUBLISHER_MAX = 200;
  public static final int URL_MAX = 2000;
  public static final int QUOTE_MAX = 5000;

  @NotBlank(message = "Enter the title of the source page.")
  @PlainText(value = "The source title", words = true)
  @Size(max = TITLE_MAX, message = "A source title can be at most " + TITLE_MAX + " characters.")
  @Column(nullable = false, length = TITLE_MAX)
  public String title;

  @PlainText("The publisher")
  @Size(
      max = PUBLISHER_MAX,
      message = "A publisher can be at most " + PUBLISHER_MAX + " characters.")
  @Column(length = PUBLISHER_MAX)
  public String publisher;

  @WebAddress
  @Size(max = URL_MAX, message = "A source address can be at most " + URL_MAX + " characters.")
  @Column(length = URL_MAX)
  public String url;

  @NotBlank(message = "Enter the quote: the exact words from the source page.")
  @PlainText(value = "The quote", words = true)
  @Size(max = QUOTE_MAX, message = "A quote can be at most " + QUOTE_MAX + " characters.")
  @Column(nullable = false, length = QUOTE_MAX)
  public String quote;

  public static final int OFFLINE_NOTE_MAX = 300;

  /**
   * A source with no page to link to (a book, an interview, a document on request); readers see
   * {@link #offlineNote} in its place.
   */
  @Column(nullable = false)
  public boolean offline;

  /** For an offline source: one line that tells readers what and where it is. */
  @PlainText("The description of an offline source")
  @Size(
      max = OFFLINE_NOTE_MAX,
      message =
          "The description of an offline source can be at most "
              + OFFLINE_NOTE_MAX
              + " characters.")
  @Column(name = "offline_note", length = OFFLINE_NOTE_MAX)
  public String offlineNote;

  /** Whether the quote is on the page; not part of the content a reviewer approves. */
  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "status", column = @Column(name = "quote_status", nullable = false)),
    @AttributeOverride(name = "score", column = @Column(name = "quote_score")),
    @AttributeOverride(name = "checkedAt", column = @Column(name = "quote_checked_at")),
    @AttributeOverride(name = "prefix", column = @Column(name = "quote_prefix")),
    @AttributeOverride(name = "suffix", column = @Column(name = "quote_suffix")),
    @AttributeOverride(name = "matchStart", column = @Column(name = "quote_start")),
    @AttributeOverride(name = "matchEnd", column = @Column(name = "quote_end")),
    @AttributeOverride(name = "snapshotId", column = @Column(name = "quote_snapshot_id")),
    @AttributeOverride(name = "against", column = @Column(name = "quote_against")),
    @AttributeOverride(name = "digest", column = @Column(name = "quote_digest"))
  })
  public Check quoteCheck = Check.unchecked();

  public QuotedSource() {}

  public QuotedSource(String title, String publisher, String url, String quote) {
    this.title = title;
    this.publisher = publisher;
    this.url = url;
    this.quote = quote;
  }

  /** The check, or an unchecked one for a source read back with no check columns. */
  public Check check() {
    if (quoteCheck == null) {
      quoteCheck = Check.unchecked();
    }
    return quoteCheck;
  }

  /** The same source, marked as offline with the line readers see. */
  public QuotedSource offline(String note) {
    QuotedSource s = copy();
    s.offline = true;
    s.offlineNote = note;
    return s;
  }

  /**
   * Blank optional parts become null and surrounding white space goes, so equal means equal; an
   * address typed without its scheme ("help.example.com/page") gets https://, as an article's does.
   */
  public QuotedSource normalized() {
    QuotedSource n =
        new QuotedSource(
            trim(title),
            blankToNull(publisher),
            WebAddress.Validator.complete(blankToNull(url)),
            trim(quote));
    n.offline = offline;
    n.offlineNote = offline ? blankToNull(offlineNote) : null;
    return n;
  }

  public boolean isBlank() {
    return blankToNull(title) == null
        && blankToNull(publisher) == null
        && blankToNull(url) == null
        && blankToNull(quote) == null
        && blankToNull(offlineNote) == null;
  }

  public QuotedSource copy() {
    QuotedSource c = new QuotedSource(title, publisher, url, quote);
    c.offline = offline;
    c.offlineNote = offlineNote;
    return c;
  }

  /**
   * Why this source cannot be published as it is, or null: one without an address must be marked as
   * an offline source and described for readers.
   */
  public String publicationProblem() {
    if (url == null && !offline) {
      return "has no address: add the page's address, or mark it as an offline source (a book, an"
          + " interview, a document on request) and describe it for readers.";
    }
    if (offline && (offlineNote == null || offlineNote.isBlank())) {
      return "is marked as an offline source: describe it in one line for readers (what it is and"
          + " where it can be consulted).";
    }
    return null;
  }

  /** "Title | Publisher", or the title alone. */
  public String heading() {
    return publisher == null ? title : title + " | " + publisher;
  }

  static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuotedSource other
        && Objects.equals(title, other.title)
        && Objects.equals(publisher, other.publisher)
        && Objects.equals(url, other.url)
        && Objects.equals(quote, other.quote)
        && offline == other.offline
        && Objects.equals(offlineNote, other.offlineNote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, publisher, url, quote, offline, offlineNote);
  }
}
