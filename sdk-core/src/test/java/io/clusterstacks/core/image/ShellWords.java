package io.clusterstacks.core.image;

import java.util.ArrayList;
import java.util.List;

/**
 * A small POSIX-shell word splitter for tests: splits a command line into simple commands (at
 * {@code |}, {@code &&}, {@code ||}, {@code ;}) and each into words with quotes removed. Redirections
 * ({@code >}, {@code <}) become their own words.
 */
final class ShellWords {
  private ShellWords() {}

  static List<List<String>> commands(String line) {
    List<List<String>> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ' in: " + line);
        }
        w = w == null ? new StringBuilder() : w;
        w.append(line, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        w = w == null ? new StringBuilder() : w;
        i++;
        while (i < line.length() && line.charAt(i) != '"') {
          if (line.charAt(i) == '\\' && i + 1 < line.length()) {
            i++;
          }
          w.append(line.charAt(i++));
        }
        if (i >= line.length()) {
          throw new IllegalArgumentException("unterminated \" in: " + line);
        }
        i++;
      } else if (c == '\\' && i + 1 < line.length()) {
        w = w == null ? new StringBuilder() : w;
        w.append(line.charAt(i + 1));
        i += 2;
      } else if (Character.isWhitespace(c)) {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
        i++;
      } else if (c == '|' || c == '&' || c == ';') {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
        if (!words.isEmpty()) {
          out.add(words);
        }
        words = new ArrayList<>();
        i += (i + 1 < line.length() && line.charAt(i + 1) == c) ? 2 : 1;
      } else if (c == '>' || c == '<') {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
        words.add(String.valueOf(c));
        i++;
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
        i++;
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    if (!words.isEmpty()) {
      out.add(words);
    }
    return out;
  }

  /** All simple commands of all lines whose program (after VAR=value prefixes) is {@code program}. */
  static List<List<String>> invocations(List<String> lines, String program) {
    List<List<String>> out = new ArrayList<>();
    for (String l : lines) {
      for (List<String> cmd : commands(l)) {
        List<String> c = withoutAssignments(cmd);
        if (!c.isEmpty() && c.get(0).equals(program)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static List<String> withoutAssignments(List<String> cmd) {
    int k = 0;
    while (k < cmd.size() && cmd.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      k++;
    }
    return cmd.subList(k, cmd.size());
  }

  /** The value after an option such as {@code -o}, or null. */
  static String option(List<String> cmd, String name) {
    int i = cmd.indexOf(name);
    return i >= 0 && i + 1 < cmd.size() ? cmd.get(i + 1) : null;
  }
}
