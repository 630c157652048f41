package io.clusterstacks.core.validation;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared upstream material (examples, CRDs) for tests. */
final class SharedDir {

  private SharedDir() {}

  static Path get() {
    String prop = System.getProperty("clusterstacks.shared.dir");
    Path dir = prop != null ? Path.of(prop) : Path.of("../../shared");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("shared folder not found at " + dir.toAbsolutePath()
          + "; set -Dclusterstacks.shared.dir");
    }
    return dir;
  }

  static Path example(String file) {
    return get().resolve("reference/examples").resolve(file);
  }
}
