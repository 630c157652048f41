package io.clusterstacks.core.flavor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the markdown tables of the shared conformance file {@code reference/flavor-names.md}. */
final class FlavorVectors {
  private FlavorVectors() {}

  static Path file() {
    String dir = System.getProperty("clusterstacks.shared.dir");
    Path shared = dir == null || dir.isBlank() ? Path.of("../../shared") : Path.of(dir);
    return shared.resolve("reference/flavor-names.md");
  }

  /**
   * The rows of the first table under the heading that starts with {@code headingPrefix}
   * (e.g. {@code "## A."} or {@code "### C2."}), as header-to-cell maps.
   */
  static List<Map<String, String>> table(String headingPrefix) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the flavor-name vectors at " + file().toAbsolutePath()
          + "; set -Dclusterstacks.shared.dir", e);
    }
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(headingPrefix)) {
      i++;
    }
    if (i == lines.size()) {
      throw new AssertionError("heading " + headingPrefix + " not found in " + file());
    }
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    List<String> header = cells(lines.get(i));
    i += 2; // header and |---| line
    List<Map<String, String>> rows = new ArrayList<>();
    for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> c = cells(lines.get(i));
      if (c.size() != header.size()) {
        throw new AssertionError("row with " + c.size() + " cells, header has " + header.size() + ": "
            + lines.get(i));
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < header.size(); k++) {
        row.put(header.get(k), c.get(k));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String t = line.trim();
    t = t.substring(1, t.length() - 1);
    List<String> out = new ArrayList<>();
    for (String c : t.split("\\|", -1)) {
      out.add(c.trim());
    }
    return out;
  }

  /** Removes surrounding backticks. */
  static String code(String cell) {
    String c = cell.trim();
    if (c.length() >= 2 && c.startsWith("`") && c.endsWith("`")) {
      return c.substring(1, c.length() - 1);
    }
    return c;
  }

  /** The cell without backticks and without a trailing parenthesised comment. */
  static String value(String cell) {
    String c = cell.replace("`", "").trim();
    int k = c.indexOf(" (");
    return k < 0 ? c : c.substring(0, k);
  }

  /** Parses the reference's printed Python dict of str to int/float/str/None; None becomes "". */
  static Map<String, String> pythonDict(String text) {
    String s = code(text);
    Map<String, String> out = new LinkedHashMap<>();
    int p = s.indexOf('{') + 1;
    while (true) {
      while (s.charAt(p) == ' ' || s.charAt(p) == ',') {
        p++;
      }
      if (s.charAt(p) == '}') {
        return out;
      }
      int ke = s.indexOf('\'', p + 1);
      String key = s.substring(p + 1, ke);
      p = ke + 1;
      if (s.charAt(p) != ':') {
        throw new AssertionError("bad dict at " + p + ": " + s);
      }
      p += 2;
      String value;
      if (s.charAt(p) == '\'') {
        int ve = s.indexOf('\'', p + 1);
        value = s.substring(p + 1, ve);
        p = ve + 1;
      } else {
        int ve = p;
        while (s.charAt(ve) != ',' && s.charAt(ve) != '}') {
          ve++;
        }
        value = s.substring(p, ve).trim();
        if (value.equals("None")) {
          value = "";
        }
        p = ve;
      }
      out.put(key, value);
    }
  }
}
