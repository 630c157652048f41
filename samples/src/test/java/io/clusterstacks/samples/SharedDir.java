package io.clusterstacks.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared upstream material (example manifests) for tests. */
public final class SharedDir {

  private SharedDir() {}

  /**
   * The shared folder.
   *
   * @return the folder from {@code clusterstacks.shared.dir}, or {@code ../../shared}
   */
  public static Path get() {
    String prop = System.getProperty("clusterstacks.shared.dir");
    Path dir = prop != null ? Path.of(prop) : Path.of("../../shared");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("shared folder not found at " + dir.toAbsolutePath()
          + "; set -Dclusterstacks.shared.dir");
    }
    return dir;
  }

  /**
   * One upstream example manifest.
   *
   * @param file its file name
   * @return the path
   */
  public static Path example(String file) {
    return get().resolve("reference/examples").resolve(file);
  }
}
