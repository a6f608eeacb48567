package org.errata.web;

/** Spreadsheet-safe CSV: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
public final class Csv {

  private Csv() {}

  /** One cell, quoted; one that starts like a formula (= + - @ tab CR) gets a quote mark first. */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
