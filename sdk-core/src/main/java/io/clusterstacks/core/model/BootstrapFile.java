package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A file written on a machine before kubeadm runs (KubeadmConfig {@code files[]}).
 *
 * <p>Exactly one of {@link #content()} and {@link #contentFromSecret()} is set.
 */
@Value.Immutable
@SdkStyleLegacy
public abstract class BootstrapFile {
  private static final List<String> ENCODINGS = List.of("base64", "gzip", "gzip+base64");

  /**
   * Absolute path on the machine.
   *
   * @return e.g. {@code /etc/modules-load.d/k8s.conf}
   */
  public abstract String path();

  /**
   * The file content.
   *
   * @return the content
   */
  public abstract Optional<String> content();

  /**
   * A Secret key (in the cluster's namespace) whose value becomes the content.
   *
   * @return the reference
   */
  public abstract Optional<SecretKeyRef> contentFromSecret();

  /**
   * Owner, e.g. {@code root:root}.
   *
   * @return the owner
   */
  public abstract Optional<String> owner();

  /**
   * Permissions, e.g. {@code 0644}.
   *
   * @return the permissions
   */
  public abstract Optional<String> permissions();

  /**
   * Content encoding: {@code base64}, {@code gzip} or {@code gzip+base64}.
   *
   * @return the encoding
   */
  public abstract Optional<String> encoding();

  /**
   * Whether to append to an existing file.
   *
   * @return true to append
   */
  @Value.Default
  public boolean append() {
    return false;
  }

  /**
   * A key of a Secret.
   *
   * @param name the Secret name
   * @param key the data key
   */
  public record SecretKeyRef(String name, String key) {}

  /**
   * Checks path, content source and encoding.
   */
  @Value.Check
  protected void check() {
    List<ModelProblem> p = new ArrayList<>();
    if (!path().startsWith("/")) {
      p.add(new ModelProblem("files[].path", path(), "use an absolute path"));
    }
    if (content().isPresent() == contentFromSecret().isPresent()) {
      p.add(new ModelProblem("files[" + path() + "]", content().isPresent() ? "content and contentFrom" : "neither",
          "set exactly one of content and contentFromSecret"));
    }
    if (encoding().isPresent() && !ENCODINGS.contains(encoding().get())) {
      p.add(new ModelProblem("files[" + path() + "].encoding", encoding().get(), "use one of " + ENCODINGS));
    }
    ModelValidationException.throwIfAny(p);
  }

  /**
   * A plain file.
   *
   * @param path the absolute path
   * @param content the content
   * @return the file
   */
  public static BootstrapFile of(String path, String content) {
    return builder().path(path).content(content).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableBootstrapFile.Builder builder() {
    return ImmutableBootstrapFile.builder();
  }
}
