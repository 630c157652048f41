package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackException;
import io.clusterstacks.core.stack.StackVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A {@code clusterstack.x-k8s.io/v1alpha1} ClusterStack: which stack, Kubernetes minor, channel and
 * versions the cluster stack operator installs as ClusterClasses in its namespace.
 *
 * <p>Without a {@link #providerRef()} it renders {@code noProvider: true} (as the scs and scs2
 * READMEs do); with one, it points at a CSPO {@code OpenStackClusterStackReleaseTemplate}.
 */
@Value.Immutable
@SdkStyle
public abstract class ClusterStack {
  ClusterStack() {}

  /**
   * The object name.
   *
   * @return e.g. {@code openstack}
   */
  public abstract String name();

  /**
   * The namespace, where the ClusterClasses are created.
   *
   * @return the namespace
   */
  public abstract Optional<String> namespace();

  /**
   * The provider.
   *
   * @return {@code openstack} unless set
   */
  @Value.Default
  public String provider() {
    return "openstack";
  }

  /**
   * The stack name.
   *
   * @return e.g. {@code scs2}
   */
  public abstract String stackName();

  /**
   * The Kubernetes minor, {@code "1.33"} form.
   *
   * @return the minor
   */
  public abstract String kubernetesVersion();

  /**
   * The channel.
   *
   * @return stable unless set
   */
  @Value.Default
  public StackChannel channel() {
    return StackChannel.STABLE;
  }

  /**
   * The release versions to install.
   *
   * @return e.g. {@code [v1]}
   */
  public abstract List<String> versions();

  /**
   * Whether the operator installs new releases on its own.
   *
   * @return false unless set (the SDK pins versions)
   */
  @Value.Default
  public boolean autoSubscribe() {
    return false;
  }

  /**
   * The CSPO {@code OpenStackClusterStackReleaseTemplate} name; empty renders {@code noProvider: true}.
   *
   * @return the template name
   */
  public abstract Optional<String> providerRef();

  /**
   * Checks every field, reporting all problems at once.
   */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (!Names.isDns1123Subdomain(name())) {
      p.add(Problem.of("clusterStack.name", name(), "use a DNS-1123 name: lower case, digits, '-' and '.'"));
    }
    namespace().filter(n -> !Names.isDns1123Label(n))
        .ifPresent(n -> p.add(Problem.of("clusterStack.namespace", n, "use a DNS-1123 label")));
    if (!provider().matches("^[a-z0-9]+$")) {
      p.add(Problem.of("clusterStack.provider", provider(), "use lower-case letters and digits, e.g. openstack"));
    }
    if (!stackName().matches("^[a-z0-9]+$")) {
      p.add(Problem.of("clusterStack.stackName", stackName(), "use the stack name, e.g. scs2"));
    }
    if (!kubernetesVersion().matches("^\\d\\.\\d+$")) {
      p.add(Problem.of("clusterStack.kubernetesVersion", kubernetesVersion(),
          "use the minor in \"1.33\" form (no v, no patch)"));
    }
    if (versions().isEmpty() && !autoSubscribe()) {
      p.add(Problem.of("clusterStack.versions", "[]", "list at least one version (e.g. v1), or set autoSubscribe(true)"));
    }
    for (String v : versions()) {
      try {
        StackVersion sv = StackVersion.parse(v);
        if (!sv.format().equals(v)) {
          p.add(Problem.of("clusterStack.versions", v, "use the dot form " + sv.format()));
        }
        if (sv.isCustom() != (channel() == StackChannel.CUSTOM)) {
          p.add(Problem.of("clusterStack.versions", v, sv.isCustom()
              ? "custom-channel versions need channel(StackChannel.CUSTOM)"
              : "the custom channel takes versions such as v0-sha.lvlvyfw; use channel STABLE for " + v));
        }
      } catch (StackException e) {
        p.add(Problem.of("clusterStack.versions", v, "use v<N> (e.g. v1) or v<N>-<tag>.<build> (e.g. v0-sha.lvlvyfw)"));
      }
    }
    providerRef().filter(r -> !Names.isDns1123Subdomain(r))
        .ifPresent(r -> p.add(Problem.of("clusterStack.providerRef", r, "use the template's DNS-1123 name")));
    InvalidInputException.throwIfAny(p);
  }

  /**
   * Whether no provider integration is used ({@code noProvider: true}).
   *
   * @return true when {@link #providerRef()} is empty
   */
  public boolean noProvider() {
    return providerRef().isEmpty();
  }

  /**
   * The ClusterClass name of one of the versions.
   *
   * @param version one of {@link #versions()}
   * @return e.g. {@code openstack-scs2-1-33-v1}
   */
  public ClusterClassName className(String version) {
    return new ClusterClassName(provider(), stackName(), kubernetesVersion(), StackVersion.parse(version));
  }

  /**
   * A ClusterStack that installs exactly one class.
   *
   * @param name the object name
   * @param className the class to install
   * @return the ClusterStack
   */
  public static ClusterStack forClass(String name, ClusterClassName className) {
    return builder().name(name).provider(className.provider()).stackName(className.stackName())
        .kubernetesVersion(className.kubernetesMinor())
        .channel(className.version().isCustom() ? StackChannel.CUSTOM : StackChannel.STABLE)
        .addVersions(className.version().format()).build();
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
   * A ClusterStack built by a function, e.g. {@code ClusterStack.of(s -> s.name("openstack")...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the ClusterStack
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ClusterStack of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this ClusterStack's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ClusterStack}; {@link #build()} reports every problem at once. */
  public static final class Builder extends ImmutableClusterStack.Builder {
    Builder() {}
  }
}
