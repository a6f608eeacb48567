package org.errata.report;

/** The report breaks the grammar at {@code line} (1-based, counting every line of the input). */
public class ReportFormatException extends RuntimeException {

  public final int line;

  public ReportFormatException(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  /** "line 6: expected …", the sentence editors and integrators see. */
  public String sentence() {
    String message = getMessage();
    return message.startsWith("line ") ? message : "line " + line + ": " + message;
  }
}
