package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README code blocks labelled {@code <!-- snippet:Sample#region -->} are exact copies of the region
 * between {@code // tag::region[]} and {@code // end::region[]} in the compiled sample
 * {@code samples/src/main/java/.../Sample.java} (common indentation removed), so they cannot rot.
 *
 * <p>After changing a sample, refresh the README with
 * {@code mvn -B -o -pl sdk-core,samples test -Dtest=ReadmeSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false -Dclusterstacks.readme.update=true}.
 */
class ReadmeSnippetsTest {

  private static final String PREFIX = "snippet:";

  @Test
  void everyLabelledReadmeBlockEqualsItsSampleRegion() throws IOException {
    Path readme = RepoFiles.readme();
    String markdown = RepoFiles.read(readme);
    List<RepoFiles.Block> blocks = RepoFiles.labelledBlocks(markdown).stream()
        .filter(b -> b.label().startsWith(PREFIX)).toList();
    assertTrue(blocks.size() >= 1, "README.md has no <!-- snippet:Sample#region --> blocks");
    boolean update = Boolean.getBoolean("clusterstacks.readme.update");
    String updated = markdown;
    List<String> stale = new ArrayList<>();
    for (RepoFiles.Block b : blocks) {
      String ref = b.label().substring(PREFIX.length());
      String region = region(ref);
      assertEquals("java", b.language(), "README.md:" + b.firstLine() + ": label a ```java block");
      if (!region.equals(b.body())) {
        stale.add("README.md:" + b.firstLine() + " (" + ref + ")");
        updated = updated.replace("<!-- " + b.label() + " -->\n```java\n" + b.body() + "```",
            "<!-- " + b.label() + " -->\n```java\n" + region + "```");
      }
    }
    if (!stale.isEmpty()) {
      if (update) {
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
      } else {
        fail("README snippets differ from their sample regions: " + stale + ". Run: mvn -B -o -pl sdk-core,samples"
            + " test -Dtest=ReadmeSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false -Dclusterstacks.readme.update=true");
      }
    }
  }

  @Test
  void regionExtractionRemovesCommonIndentAndRejectsUnbalancedTags() {
    String src = "class A {\n  void m() {\n    // tag::x[]\n    int a = 1;\n      a++;\n\n    // end::x[]\n  }\n}\n";
    assertEquals("int a = 1;\n  a++;\n\n", extract(src, "x", "A"));
    IllegalStateException unclosed = assertThrows(IllegalStateException.class,
        () -> extract("// tag::y[]\nint b;\n", "y", "B"));
    assertTrue(unclosed.getMessage().contains("end::y[]"), unclosed.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> extract("int c;\n", "z", "C"));
    assertTrue(missing.getMessage().contains("no region"), missing.getMessage());
  }

  /** The region {@code Sample#name} of a sample source, with common indentation removed. */
  static String region(String ref) throws IOException {
    int hash = ref.indexOf('#');
    if (hash < 0) {
      throw new IllegalStateException("snippet label " + ref + ": write Sample#region");
    }
    String sample = ref.substring(0, hash);
    String name = ref.substring(hash + 1);
    Path sources = RepoFiles.root().resolve("samples/src/main/java");
    List<Path> found;
    try (Stream<Path> walk = Files.walk(sources)) {
      found = walk.filter(p -> p.getFileName().toString().equals(sample + ".java")).toList();
    }
    if (found.size() != 1) {
      throw new IllegalStateException("snippet " + ref + ": expected one " + sample + ".java under " + sources
          + ", found " + found);
    }
    return extract(RepoFiles.read(found.get(0)), name, sample);
  }

  static String extract(String source, String name, String sample) {
    String open = "// tag::" + name + "[]";
    String close = "// end::" + name + "[]";
    List<String> lines = new ArrayList<>();
    boolean in = false;
    boolean closed = false;
    for (String line : source.split("\n", -1)) {
      if (line.strip().equals(open)) {
        if (in || closed) {
          throw new IllegalStateException(sample + ": " + open + " appears twice");
        }
        in = true;
      } else if (line.strip().equals(close)) {
        if (!in) {
          throw new IllegalStateException(sample + ": " + close + " before " + open);
        }
        in = false;
        closed = true;
      } else if (in) {
        lines.add(line);
      }
    }
    if (in) {
      throw new IllegalStateException(sample + ": " + open + " is never closed by " + close);
    }
    if (!closed) {
      throw new IllegalStateException(sample + ": no region " + open + " ... " + close);
    }
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return sb.toString();
  }
}
