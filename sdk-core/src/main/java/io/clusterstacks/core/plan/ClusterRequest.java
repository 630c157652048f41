package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What a user asks for: a cluster of a Kubernetes version, in an output mode, with a control plane and
 * worker deployments, each with its requirements and optional pins.
 *
 * <pre>{@code
 * ClusterRequest request = ClusterRequest.builder()
 *     .clusterName("prod")
 *     .kubernetesVersion("v1.34.7")
 *     .mode(OutputMode.TOPOLOGY)
 *     .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
 *     .addWorkers(WorkerRequest.of("md-0", 3))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SdkStyle
public abstract class ClusterRequest {

  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?");

  ClusterRequest() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a request in one expression.
   *
   * @param spec fills in the builder
   * @return the request
   * @throws InvalidInputException listing every invalid attribute
   */
  public static ClusterRequest of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this request's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The cluster name; server groups are named after it ({@code <cluster>-control-plane}).
   *
   * @return e.g. {@code prod} (default {@code cluster})
   */
  @Value.Default
  public String clusterName() {
    return "cluster";
  }

  /**
   * The Kubernetes version with a {@code v} prefix; taken from the release catalogue when only a
   * {@link #className()} is given.
   *
   * @return e.g. {@code v1.34.7}
   */
  @Value.Default
  public String kubernetesVersion() {
    return className().flatMap(c -> ReleaseCatalogue.builtIn().find(c)).map(StackRelease::kubernetesVersion).orElse("");
  }

  /**
   * The output mode.
   *
   * @return topology (default) or raw CAPI
   */
  @Value.Default
  public OutputMode mode() {
    return OutputMode.TOPOLOGY;
  }

  /**
   * The control plane.
   *
   * @return the control-plane request (3 replicas by default)
   */
  @Value.Default
  public ControlPlaneRequest controlPlane() {
    return ControlPlaneRequest.DEFAULT;
  }

  /**
   * The worker machine deployments, in order.
   *
   * @return the deployments (may be empty)
   */
  public abstract List<WorkerRequest> workers();

  /**
   * The cluster stack's ClusterClass, in topology mode (its dialect decides variable names and what a
   * release can express, e.g. a root disk of 0).
   *
   * @return the class name, or empty
   */
  public abstract Optional<ClusterClassName> className();

  /**
   * The stack dialect; derived from {@link #className()} when not given.
   *
   * @return the dialect, or empty when neither is known
   */
  @Value.Default
  public Optional<StackDialect> dialect() {
    return className().flatMap(StackDialects::forClass);
  }

  /**
   * How the machines get their image.
   *
   * @return the strategy (default: the pre-built CAPI image by name)
   */
  @Value.Default
  @Value.Auxiliary
  public ImageStrategy imageStrategy() {
    return ImageStrategies.capiImage();
  }

  /**
   * Whether a topology request may be planned and rendered in raw CAPI mode when the image strategy
   * cannot be expressed through the stack's ClusterClass (the general-purpose Ubuntu and Flatcar
   * strategies): the plan then announces the switch and its cost (no stack-managed addons), and its
   * {@link ClusterPlan#mode()} is raw CAPI. Without it such a request fails with the supported choices.
   *
   * @return false unless set
   */
  @Value.Default
  public boolean allowRawCapiSwitch() {
    return false;
  }

  /**
   * The ClusterStack to render with the cluster in topology mode, so that the cluster stack operator
   * installs the ClusterClass the Cluster uses; its versions must include the class's.
   *
   * @return the ClusterStack, or empty (see {@link #includeClusterStack()})
   */
  public abstract Optional<ClusterStack> clusterStack();

  /**
   * Whether to render a ClusterStack derived from {@link #className()} when {@link #clusterStack()}
   * is not given: it installs exactly that release ({@code noProvider}, versions pinned) and is named
   * {@code <provider>-<stack>-<major>-<minor>}, e.g. {@code openstack-scs2-1-34}. Applying it replaces
   * the versions of a ClusterStack of that name in the namespace; clusters of other releases of the
   * same stack and minor in one namespace need one {@link #clusterStack()} listing all their versions.
   *
   * @return false unless set
   */
  @Value.Default
  public boolean includeClusterStack() {
    return false;
  }

  /**
   * The OpenStack credentials, rendered as the management-side {@code clouds.yaml} Secret and the
   * workload Secret the stack's addons read (both modes). Never shown by {@code toString()}.
   *
   * @return the credentials, or empty to render none (a Secret named {@code openstack} must then exist)
   */
  public abstract Optional<CloudCredentials> credentials();

  /**
   * The ClusterStack the cluster's manifests include in topology mode: {@link #clusterStack()}, or
   * one derived from {@link #className()} when {@link #includeClusterStack()} is set.
   *
   * @return the ClusterStack, or empty
   */
  public Optional<ClusterStack> clusterStackToRender() {
    if (clusterStack().isPresent()) {
      return clusterStack();
    }
    if (!includeClusterStack() || className().isEmpty()) {
      return Optional.empty();
    }
    ClusterClassName c = className().get();
    return Optional.of(ClusterStack.forClass(c.provider() + "-" + c.stackName() + "-" + c.kubernetesMinor().replace('.', '-'), c));
  }

  /**
   * Further placement levels stacked on planned roles (e.g. Kamaji's tenant control-plane pods on
   * management-cluster workers); each is planned after the machines and reported in
   * {@link ClusterPlan#levels()}.
   *
   * @return the levels, in order (empty by default)
   */
  @Value.Auxiliary
  public abstract List<PlacementLevel> placementLevels();

  /**
   * Whether etcd quorum must survive the loss of any one hypervisor.
   *
   * @return the tolerance (default {@link HostFailureTolerance#PREFERRED})
   */
  @Value.Default
  public HostFailureTolerance hostFailureTolerance() {
    return HostFailureTolerance.PREFERRED;
  }

  private static String minorOf(String version) {
    String[] p = version.substring(1).split("\\.");
    return p.length >= 2 ? p[0] + "." + p[1] : version;
  }

  /**
   * Checks names and versions, reporting every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (!NAME.matcher(clusterName()).matches()) {
      problems.add(Problem.of("clusterRequest.clusterName", clusterName(),
          "use lower-case letters, digits and '-', at most 42 characters"));
    }
    if (kubernetesVersion().isEmpty()) {
      problems.add(Problem.missing("clusterRequest.kubernetesVersion",
          "give it (e.g. v1.34.7) or a className the release catalogue knows"
          + className().map(c -> " (" + Names.shown(c.toString()) + " is not in it)").orElse("")));
    } else if (!VERSION.matcher(kubernetesVersion()).matches()) {
      problems.add(Problem.of("clusterRequest.kubernetesVersion", kubernetesVersion(),
          "write v<major>.<minor>.<patch>, e.g. v1.34.7"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < workers().size(); i++) {
      String name = workers().get(i).name();
      if (!names.add(name)) {
        problems.add(Problem.of("clusterRequest.workers[" + i + "].name", name,
            "the name is used twice; give each deployment its own name"));
      }
    }
    boolean machines = dialect().map(d -> d.hasMachines(io.clusterstacks.core.stack.Role.CONTROL_PLANE)).orElse(true);
    if (machines && controlPlane().replicas() % 2 == 0) {
      problems.add(Problem.of("clusterRequest.controlPlane.replicas", String.valueOf(controlPlane().replicas()),
          "use an odd number (1, 3, 5, 7): stacked etcd needs a majority, and KubeadmControlPlane rejects even counts"
          + " (a Kamaji control plane, API-server pods without etcd, may have any count)"));
    }
    if (mode() == OutputMode.TOPOLOGY && controlPlane().maxSurge().isPresent() && controlPlane().maxSurge().getAsInt() == 0) {
      problems.add(Problem.of("clusterRequest.controlPlane.maxSurge", "0",
          "SCS ClusterClasses always roll the control plane out with maxSurge 1 in topology mode (no variable for it);"
          + " use OutputMode.RAW_CAPI for maxSurge 0"));
    }
    if (className().isPresent() && !kubernetesVersion().isEmpty() && VERSION.matcher(kubernetesVersion()).matches()
        && !className().get().kubernetesMinor().equals(minorOf(kubernetesVersion()))) {
      problems.add(Problem.of("clusterRequest.kubernetesVersion", kubernetesVersion(),
          "class " + Names.shown(className().get().toString()) + " is for Kubernetes " + className().get().kubernetesMinor() + ".x; use a "
          + className().get().kubernetesMinor() + ".x version or another class"));
    }
    if (includeClusterStack() && clusterStack().isEmpty() && className().isEmpty()) {
      problems.add(Problem.of("clusterRequest.includeClusterStack", "true",
          "there is no className to derive the ClusterStack from; give className"
          + " (e.g. ClusterClassName.of(\"scs2\", \"1.34\", \"v2\")) or clusterStack(...)"));
    }
    Set<String> roles = new HashSet<>();
    roles.add("control-plane");
    workers().forEach(w -> roles.add(w.name()));
    for (int i = 0; i < placementLevels().size(); i++) {
      PlacementLevel l = placementLevels().get(i);
      if (!roles.contains(l.onRole())) {
        problems.add(Problem.of("clusterRequest.placementLevels[" + i + "].onRole", l.onRole(),
            "name a role of this request: one of " + Names.shown(new java.util.TreeSet<>(roles).toString())));
      }
    }
    InvalidInputException.throwIfAny(problems);
  }

  /** Builds a {@link ClusterRequest}; {@link #build()} reports every invalid attribute at once. */
  public static final class Builder extends ImmutableClusterRequest.Builder {
    Builder() {}
  }
}
