package org.errata.text;

import java.util.ArrayList;
import java.util.List;

/** Full reasoning as readers see it: each line a paragraph, runs of "- " lines a bulleted list. */
public final class Reasoning {

  private Reasoning() {}

  /** A paragraph (one line) or a list (its items, without the "- "). */
  public record Block(boolean list, List<String> lines) {
    public String text() {
      return String.join(" ", lines);
    }
  }

  public static List<Block> blocks(String reasoning) {
    List<Block> blocks = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (String raw : (reasoning == null ? "" : reasoning).split("\n")) {
      String line = raw.strip();
      if (line.startsWith("- ") || line.equals("-")) {
        items.add(line.substring(1).strip());
        continue;
      }
      if (!items.isEmpty()) {
        blocks.add(new Block(true, List.copyOf(items)));
        items.clear();
      }
      if (!line.isEmpty()) {
        blocks.add(new Block(false, List.of(line)));
      }
    }
    if (!items.isEmpty()) {
      blocks.add(new Block(true, List.copyOf(items)));
    }
    return blocks;
  }
}
