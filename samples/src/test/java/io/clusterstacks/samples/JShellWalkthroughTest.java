package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.ClusterStacksException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's JShell walk-through, run as a user would paste it after {@code bin/sdk-jshell}: first
 * {@code jshell/startup.jsh}, then every line of the README block labelled {@code jshell-walkthrough}.
 */
class JShellWalkthroughTest {

  private static final String LABEL = "jshell-walkthrough";

  @Test
  void readmeWalkthroughRunsWhenPastedLineByLine() {
    List<RepoFiles.Block> blocks = RepoFiles.labelledBlocks(RepoFiles.read(RepoFiles.readme())).stream()
        .filter(b -> b.label().equals(LABEL)).toList();
    assertEquals(1, blocks.size(), "README.md needs exactly one code block after <!-- " + LABEL + " -->");
    RepoFiles.Block walkthrough = blocks.get(0);
    try (JShellRunner session = new JShellRunner()) {
      session.run("jshell/startup.jsh", RepoFiles.read(RepoFiles.root().resolve("jshell/startup.jsh")), 1);
      int snippets = session.run("README.md", walkthrough.body(), walkthrough.firstLine());
      assertTrue(snippets >= 5, "the walk-through shows at least five steps, found " + snippets);
    }
  }

  @Test
  void startupScriptImportsEverySdkApiPackage() throws IOException, URISyntaxException {
    Set<String> imported = new TreeSet<>();
    try (JShellRunner session = new JShellRunner()) {
      session.run("jshell/startup.jsh", RepoFiles.read(RepoFiles.root().resolve("jshell/startup.jsh")), 1);
      for (String i : session.imports()) {
        imported.add(i.replaceFirst("^import\\s+", "").replaceFirst("\\.\\*;?$", ""));
      }
    }
    Set<String> apiPackages = apiPackagesOfSdkCore();
    assertTrue(apiPackages.contains("io.clusterstacks.core.validation"), "found " + apiPackages);
    Set<String> missing = new TreeSet<>(apiPackages);
    missing.removeAll(imported);
    assertEquals(Set.of(), missing, "jshell/startup.jsh should import these sdk-core API packages");
  }

  /** Packages of sdk-core (as on this test's class path) that hold classes and are not internal. */
  private static Set<String> apiPackagesOfSdkCore() throws IOException, URISyntaxException {
    Path location = Path.of(ClusterStacksException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> packages = new TreeSet<>();
    if (Files.isDirectory(location)) {
      collect(location, packages);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        collect(jar.getPath("/"), packages);
      }
    }
    return packages;
  }

  private static void collect(Path root, Set<String> packages) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("io/clusterstacks/core"))) {
      files.filter(f -> f.getFileName().toString().endsWith(".class"))
          .map(f -> root.relativize(f.getParent()).toString().replace('/', '.').replaceAll("^\\.|\\.$", ""))
          .filter(p -> !p.matches(".*\\binternal\\b.*"))
          .forEach(packages::add);
    }
  }
}
