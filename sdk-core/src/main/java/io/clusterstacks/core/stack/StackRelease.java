package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A released cluster stack and the exact Kubernetes version it was built for (what the cluster stack
 * operator's webhook requires in {@code Cluster.spec.topology.version}).
 */
@Value.Immutable
@SdkStyle
public abstract class StackRelease {
  private static final Pattern PATCH = Pattern.compile("^v(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})$");

  StackRelease() {}

  /**
   * The release's ClusterClass name.
   *
   * @return e.g. {@code openstack-scs2-1-33-v1}
   */
  public abstract ClusterClassName className();

  /**
   * The exact patch version the release was built for.
   *
   * @return e.g. {@code v1.29.6}
   */
  public abstract String kubernetesVersion();

  /**
   * Where the fact comes from.
   *
   * @return a tag, a versions.yaml, or {@code user}
   */
  @Value.Default
  public String source() {
    return "user";
  }

  /** Checks that the version is an exact patch version in the class's minor. */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (!PATCH.matcher(kubernetesVersion()).matches()) {
      p.add(Problem.of("stackRelease.kubernetesVersion", kubernetesVersion(),
          "use the exact patch version with v and without leading zeros, e.g. v1.33.4"));
    } else if (!kubernetesVersion().startsWith("v" + className().kubernetesMinor() + ".")) {
      p.add(Problem.of("stackRelease.kubernetesVersion", kubernetesVersion(), "release " + className()
          + " needs a " + className().kubernetesMinor() + " patch version, e.g. v" + className().kubernetesMinor() + ".0"));
    }
    InvalidInputException.throwIfAny(p);
  }

  /**
   * A release the user knows about (e.g. a custom-channel build).
   *
   * @param className e.g. {@code openstack-scs-1-32-v0-sha.lvlvyfw}
   * @param kubernetesVersion e.g. {@code v1.32.1}
   * @return the release, with source {@code user}
   * @throws InvalidInputException when the class name or the version is not valid
   */
  public static StackRelease of(String className, String kubernetesVersion) {
    InvalidInputException.requireArgument(className, "className");
    return builder().className(ClusterClassName.parse(className)).kubernetesVersion(kubernetesVersion).build();
  }

  /**
   * A release built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the release
   */
  public static StackRelease of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
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
   * A builder holding this release's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link StackRelease}; {@link #build()} reports every problem at once. */
  public static final class Builder extends ImmutableStackRelease.Builder {
    Builder() {}
  }
}
