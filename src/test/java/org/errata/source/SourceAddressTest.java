package org.errata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A source's address is read like an article's: typed without https://, it gets it. */
class SourceAddressTest {

  static String stored(String typed) {
    return new QuotedSource("Help", "Vendor", typed, "A quote.").normalized().url;
  }

  @Test
  void anAddressTypedWithoutItsSchemeGetsHttps() {
    assertEquals("https://help.example.com/page", stored("help.example.com/page"));
    assertEquals("https://help.example.com/page", stored("  help.example.com/page "));
    assertTrue(WebAddress.Validator.isWebAddress(stored("help.example.com/page")));
  }

  @Test
  void aFullAddressIsKeptAsTyped() {
    assertEquals("http://help.example.com/a?b=c", stored("http://help.example.com/a?b=c"));
    assertEquals("https://help.example.com/", stored("https://help.example.com/"));
  }

  @Test
  void otherSchemesAreLeftForTheValidatorToRefuse() {
    assertEquals("ftp://files.example.com/a", stored("ftp://files.example.com/a"));
    assertFalse(WebAddress.Validator.isWebAddress(stored("ftp://files.example.com/a")));
    assertEquals("javascript:alert(1)", stored("javascript:alert(1)"));
    assertFalse(WebAddress.Validator.isWebAddress(stored("javascript:alert(1)")));
  }

  @Test
  void noAddressStaysNone() {
    assertNull(stored(null));
    assertNull(stored("   "));
  }
}
