package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A workload cluster's kubeconfig, as CAPI stores it in the {@code <cluster>-kubeconfig} Secret.
 *
 * <p>It holds credentials: {@link #toString()} shows only the cluster it belongs to, and the SDK never
 * logs it. {@link #writeTo(Path)} writes it readable by the owner only (mode 0600).
 */
public final class Kubeconfig {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final ObjectRef cluster;
  private final String text;

  Kubeconfig(ObjectRef cluster, String text) {
    this.cluster = cluster;
    this.text = text;
  }

  /**
   * The Cluster this kubeconfig reaches.
   *
   * @return the Cluster
   */
  public ObjectRef cluster() {
    return cluster;
  }

  /**
   * The kubeconfig text (YAML) with its credentials.
   *
   * @return the text; keep it out of logs
   */
  public String text() {
    return text;
  }

  /**
   * Writes the kubeconfig to a file that only its owner can read and write (mode 0600), creating or
   * replacing it. An existing file gets mode 0600 before the credentials go in.
   *
   * @param file the file
   * @return the file
   * @throws ClusterStacksException when it cannot be written
   */
  public Path writeTo(Path file) {
    InvalidInputException.requireArgument(file, "file");
    try {
      boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
      if (posix) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      return file;
    } catch (IOException e) {
      throw new ClusterStacksException("kubeconfig of " + cluster + ": cannot write " + file + " ("
          + e.getClass().getSimpleName() + "); choose a writable path", e);
    }
  }

  /** Names the Cluster only, never the credentials. */
  @Override
  public String toString() {
    return "Kubeconfig[" + cluster + ", redacted]";
  }
}
