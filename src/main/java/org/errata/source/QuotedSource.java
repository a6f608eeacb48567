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
    @AttributeOverride(name = "snapshotId", column = @Column(name = "quote_snapshot_id"))
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

  /** Blank optional parts become null and surrounding white space goes, so equal means equal. */
  public QuotedSource normalized() {
    return new QuotedSource(trim(title), blankToNull(publisher), blankToNull(url), trim(quote));
  }

  public boolean isBlank() {
    return blankToNull(title) == null
        && blankToNull(publisher) == null
        && blankToNull(url) == null
        && blankToNull(quote) == null;
  }

  public QuotedSource copy() {
    return new QuotedSource(title, publisher, url, quote);
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
        && Objects.equals(quote, other.quote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, publisher, url, quote);
  }
}
