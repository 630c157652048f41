package io.clusterstacks.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files of the repository checkout that tests read: the README, the JShell start-up, sample sources. */
final class RepoFiles {

  /** A fenced code block of the README with the label in the HTML comment right before it. */
  record Block(String label, String language, String body, int firstLine) {}

  private static final Pattern LABEL = Pattern.compile("^<!--\\s*(\\S+)\\s*-->\\s*$");

  private RepoFiles() {}

  static Path root() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path root = module.getParent();
    if (root == null || !Files.isRegularFile(root.resolve("README.md"))) {
      throw new IllegalStateException("README.md not found above " + module);
    }
    return root;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path readme() {
    return root().resolve("README.md");
  }

  /**
   * The README's fenced code blocks that follow a label comment such as
   * {@code <!-- jshell-walkthrough -->} or {@code <!-- snippet:PlanThreeNodeControlPlane#plan -->}.
   */
  static List<Block> labelledBlocks(String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i + 1 < lines.length; i++) {
      Matcher m = LABEL.matcher(lines[i].strip());
      if (!m.matches() || !lines[i + 1].startsWith("```")) {
        continue;
      }
      String language = lines[i + 1].substring(3).strip();
      StringBuilder body = new StringBuilder();
      int j = i + 2;
      while (j < lines.length && !lines[j].startsWith("```")) {
        body.append(lines[j]).append('\n');
        j++;
      }
      if (j == lines.length) {
        throw new IllegalStateException("README.md:" + (i + 2) + ": code block is never closed");
      }
      blocks.add(new Block(m.group(1), language, body.toString(), i + 3));
      i = j;
    }
    return blocks;
  }
}
