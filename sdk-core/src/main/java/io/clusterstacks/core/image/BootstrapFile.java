package io.clusterstacks.core.image;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A file written on the node before the bootstrap commands run (a KubeadmConfig {@code files[]} entry
 * with inline content).
 */
@Value.Immutable
@SdkStyle
public abstract class BootstrapFile {

  private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
  private static final Pattern OWNER = Pattern.compile("[a-z_][a-z0-9_-]*(:[a-z_][a-z0-9_-]*)?");

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static ImmutableBootstrapFile.Builder builder() {
    return ImmutableBootstrapFile.builder();
  }

  /**
   * A root-owned file with mode 0644.
   *
   * @param path the absolute path
   * @param content the content
   * @return the file
   */
  public static BootstrapFile of(String path, String content) {
    return builder().path(path).content(content).build();
  }

  /**
   * The absolute path on the node.
   *
   * @return e.g. {@code /etc/modules-load.d/kubernetes.conf}
   */
  public abstract String path();

  /**
   * The file content.
   *
   * @return the content, UTF-8 text
   */
  public abstract String content();

  /**
   * The permission bits in octal.
   *
   * @return e.g. {@code 0644}
   */
  @Value.Default
  public String permissions() {
    return "0644";
  }

  /**
   * The owner as {@code user:group}.
   *
   * @return e.g. {@code root:root}
   */
  @Value.Default
  public String owner() {
    return "root:root";
  }

  /** Checks path, mode and owner, reporting every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (!path().startsWith("/") || path().contains("..") || path().chars().anyMatch(Character::isWhitespace)) {
      problems.add("path: got '" + path() + "'; use an absolute path without '..' or whitespace");
    }
    if (!MODE.matcher(permissions()).matches()) {
      problems.add("permissions: got '" + permissions() + "'; use octal such as 0644");
    }
    if (!OWNER.matcher(owner()).matches()) {
      problems.add("owner: got '" + owner() + "'; use user:group such as root:root");
    }
    if (!problems.isEmpty()) {
      throw new ClusterStacksException("invalid bootstrap file:\n  " + String.join("\n  ", problems));
    }
  }
}
