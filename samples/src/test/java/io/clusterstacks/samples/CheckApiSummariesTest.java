package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build-tools/CheckApiSummaries.java}, the javadoc module's check that every public element of an
 * API package has a summary sentence, run as the build runs it (a single-file program).
 */
class CheckApiSummariesTest {

  private record Result(int exitCode, String output) {}

  private static Result run(Path sources) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(),
        RepoFiles.root().resolve("build-tools/CheckApiSummaries.java").toString(), sources.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the check did not finish");
    return new Result(p.exitValue(), out);
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path f = root.resolve(file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void rejectsMissingCommentsAndCommentsWithOnlyTagsInApiPackages(@TempDir Path dir) throws Exception {
    write(dir, "p/package-info.java", "/** Things. */\npackage p;\n");
    write(dir, "p/A.java", """
        package p;
        /** A thing. */
        public class A {
          /**
           * @return one
           */
          public int tagsOnly() { return 1; }
          public static final int NO_COMMENT = 1;
          /** Documented. */
          public A() {}
          @Override public String toString() { return "a"; }
          void packagePrivate() {}
          /** Nested. */
          public enum E { X, /** Y. */ Y }
        }
        """);
    write(dir, "p/internal/Hidden.java", "package p.internal;\npublic class Hidden { public void m() {} }\n");
    Result r = run(dir);
    assertEquals(1, r.exitCode(), r.output());
    List<String> findings = r.output().lines().filter(l -> l.contains(".java:")).toList();
    assertEquals(3, findings.size(), r.output());
    assertTrue(r.output().contains("A.java:7: method tagsOnly(): javadoc has no summary sentence"), r.output());
    assertTrue(r.output().contains("A.java:8: field NO_COMMENT: no javadoc comment"), r.output());
    assertTrue(r.output().contains("A.java:14: field X: no javadoc comment"), r.output());
    assertFalse(r.output().contains("Hidden"), "internal packages are not API: " + r.output());
  }

  @Test
  void acceptsTheSdkCoreSources() throws Exception {
    Result r = run(RepoFiles.root().resolve("sdk-core/src/main/java"));
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("every public element has a summary"), r.output());
  }
}
