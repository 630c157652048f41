package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A file written on a machine before kubeadm runs (KubeadmConfig {@code files[]}).
 *
 * <p>Exactly one of {@link #content()} and {@link #contentFromSecret()} is set.
 */
@Value.Immutable
@SdkStyle
public abstract class BootstrapFile {
  BootstrapFile() {}

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
  void check() {
    List<Problem> p = new ArrayList<>();
    if (!path().startsWith("/")) {
      p.add(Problem.of("files[].path", path(), "use an absolute path"));
    }
    if (content().isPresent() == contentFromSecret().isPresent()) {
      p.add(Problem.of("files[" + path() + "]", content().isPresent() ? "content and contentFrom" : "neither",
          "set exactly one of content and contentFromSecret"));
    }
    if (encoding().isPresent() && !ENCODINGS.contains(encoding().get())) {
      p.add(Problem.of("files[" + path() + "].encoding", encoding().get(), "use one of " + ENCODINGS));
    }
    InvalidInputException.throwIfAny(p);
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
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A BootstrapFile built by a function, e.g. {@code BootstrapFile.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the bootstrap file
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static BootstrapFile of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this bootstrap file's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link BootstrapFile}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableBootstrapFile.Builder {
    Builder() {}
  }
}
