package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.UnsupportedCombinationException;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.openstack.CloudDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options {@code plan} and {@code render} share: the cloud profile, the cluster stack and release,
 * the Kubernetes version, the output mode, the machine counts and the image strategy.
 *
 * <p>Defaults give a useful plan with no options at all: the bundled {@code scs-reference} profile,
 * the newest {@code scs2} release the SDK knows and its exact Kubernetes version, 3 control-plane nodes
 * and 3 workers, the pre-built CAPI image, and raw CAPI mode: the one mode whose manifests are complete
 * without a cloud (ORC creates the server groups), because in topology mode the stack's ClusterClass
 * takes server-group IDs and the SDK never invents one. Topology mode renders the ClusterStack that
 * installs the ClusterClass with the Cluster, unless {@code --no-cluster-stack}.
 */
public final class PlanOptions {

  /** The bundled profile used without {@code --profile}. */
  public static final String DEFAULT_PROFILE = "scs-reference";
  /** The stack used without {@code --stack}. */
  public static final String DEFAULT_STACK = "scs2";

  // Each number has 1 to 6 digits without a leading zero: versions beyond that exist nowhere, and every
  // number then fits the int the SDK parses it into.
  private static final Pattern FULL_VERSION = Pattern.compile("v?(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");
  private static final Pattern MINOR_VERSION = Pattern.compile("v?(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");

  @Option(names = {"-p", "--profile"}, paramLabel = "NAME|FILE", defaultValue = DEFAULT_PROFILE,
      description = "A bundled cloud profile (scs-reference, two-hypervisors, large-multi-az) or a cloud-profile"
          + " JSON file (default: ${DEFAULT-VALUE}).")
  String profile = DEFAULT_PROFILE;

  @Option(names = "--os-cloud", paramLabel = "NAME",
      description = "Plan on the profile discovered from this cloud of clouds.yaml (as `discover --os-cloud NAME`"
          + " finds it) instead of --profile; the cloud must answer. Discovery notes go to standard error.")
  Optional<String> osCloud = Optional.empty();

  /** The command this mixin belongs to, to tell an explicit --profile from its default. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec mixee;

  /**
   * Set by the commands that work on a running cluster (up, down, upgrade): with {@code --profile} given too,
   * {@code --os-cloud} only names the cloud to connect to and the plan comes from the profile. A profile saved once
   * ({@code discover -o FILE}) keeps the plan from changing with what discovery sees later: a project member's
   * discovery counts hypervisors from the project's own servers, so the cluster's servers change it.
   */
  boolean cloudMayOnlyConnect;

  /** What discovery noted when {@code --os-cloud} gave the profile (bounds, estimates, fallbacks). */
  private CloudDiscovery.@org.jspecify.annotations.Nullable Discovered discovered;

  @Option(names = "--stack", paramLabel = "STACK", defaultValue = DEFAULT_STACK,
      description = "The cluster stack: scs2, scs or kamaji (default: ${DEFAULT-VALUE}).")
  String stack = DEFAULT_STACK;

  @Option(names = "--release", paramLabel = "VERSION",
      description = "The cluster-stack release, e.g. v2 or v0-sha.lvlvyfw (default: the newest the SDK knows"
          + " for the stack and Kubernetes minor).")
  Optional<String> release = Optional.empty();

  @Option(names = {"-k", "--kubernetes-version"}, paramLabel = "VERSION",
      description = "v1.34.7, or a minor such as 1.33 (default: the exact version of the chosen release;"
          + " without a release, the newest the SDK knows for the stack).")
  Optional<String> kubernetesVersion = Optional.empty();

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "raw-capi",
      description = "raw-capi: every template rendered by the SDK, server groups created by ORC, so the"
          + " manifests are complete without a cloud, but no stack operator installs addons; topology: a Cluster"
          + " of the stack's ClusterClass, which takes server-group IDs (create the groups the plan names, then"
          + " pass --server-group-id) (default: ${DEFAULT-VALUE}).",
      converter = ModeConverter.class)
  OutputMode mode = OutputMode.RAW_CAPI;

  @Option(names = "--control-planes", paramLabel = "N", defaultValue = "3",
      description = "Control-plane nodes (default: ${DEFAULT-VALUE}).")
  int controlPlanes = 3;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "3",
      description = "Worker nodes in one machine deployment md-0; 0 for none (default: ${DEFAULT-VALUE}).")
  int workers = 3;

  @Option(names = "--image-strategy", paramLabel = "NAME", defaultValue = "capi-image",
      description = "How nodes get their image: capi-image (pre-built), ubuntu (general-purpose Ubuntu, packages"
          + " installed at boot; raw-capi mode) or flatcar (default: ${DEFAULT-VALUE}).")
  String imageStrategy = "capi-image";

  @Option(names = "--image-option", paramLabel = "KEY=VALUE",
      description = "An option of the image strategy, e.g. release=22.04 for ubuntu. Repeatable.")
  Map<String, String> imageOptions = new LinkedHashMap<>();

  @Option(names = "--server-group-id", paramLabel = "NAME=ID",
      description = "The ID of a server group the plan asks for, after you created it (topology mode needs"
          + " them; the plan lists the groups and the commands). Repeatable.")
  Map<String, String> serverGroupIds = new LinkedHashMap<>();

  @Option(names = "--allow-raw-switch",
      description = "With --mode topology and an image strategy the stack's ClusterClass cannot express (ubuntu,"
          + " flatcar): plan and render raw CAPI mode instead of failing. The plan announces the switch and its"
          + " cost: no cluster stack operator installs the addons.")
  boolean allowRawSwitch;

  @Option(names = "--cluster-stack", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Topology mode: render the ClusterStack that has the cluster stack operator install the"
          + " release's ClusterClass, named <provider>-<stack>-<major>-<minor> (default: on; --no-cluster-stack"
          + " when the ClusterStack is managed elsewhere).")
  boolean clusterStack = true;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The namespace of the cluster's objects (default: none, i.e. the current namespace on apply).")
  Optional<String> namespace = Optional.empty();

  @Option(names = "--data-store", paramLabel = "NAME",
      description = "The Kamaji DataStore of the tenant control plane (stack kamaji only), e.g. default.")
  Optional<String> dataStore = Optional.empty();

  @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "cluster",
      description = "The cluster's name (default: ${DEFAULT-VALUE}).")
  String clusterName = "cluster";

  /**
   * Plans the requested cluster on the cloud profile, with the server-group IDs given.
   *
   * @return the plan
   * @throws io.clusterstacks.core.plan.InfeasiblePlanException when no plan meets the constraints
   * @throws ClusterStacksException when an option is invalid
   */
  public ClusterPlan plan() {
    ClusterPlan plan;
    try {
      plan = Planner.plan(request(), cloud());
    } catch (UnsupportedCombinationException e) {
      if (!allowRawSwitch && e.supportedChoices().stream().anyMatch(c -> c.contains("allowRawCapiSwitch"))) {
        throw new ClusterStacksException(e.getMessage() + "\nOn the command line: add --allow-raw-switch to plan and"
            + " render raw CAPI mode, or use --mode raw-capi, or --image-strategy capi-image.", e);
      }
      throw e;
    }
    return serverGroupIds.isEmpty() ? plan : plan.withServerGroupIds(serverGroupIds);
  }

  /**
   * Renders the plan's manifests with the settings the planner does not decide (namespace, DataStore).
   *
   * @param plan the plan
   * @return the manifests
   */
  public Manifests manifests(ClusterPlan plan) {
    return plan.manifests(b -> {
      namespace.ifPresent(b::namespace);
      dataStore.ifPresent(b::dataStore);
    });
  }

  /**
   * The server groups that still need an ID before the plan can be rendered: in topology mode the
   * ClusterClass takes server-group IDs only, and the SDK never invents one.
   *
   * @param plan the plan
   * @return the groups, empty when the plan can be rendered
   */
  static List<ServerGroupRef.ToCreate> missingServerGroupIds(ClusterPlan plan) {
    return plan.serverGroupIdsNeeded();
  }

  /**
   * Tells how to create the missing server groups and pass their IDs.
   *
   * @param plan the plan (every stack, Kamaji included, can be rendered in raw CAPI mode instead)
   * @param groups the groups without an ID
   * @return the text, ending with a line break
   */
  static String howToCreate(ClusterPlan plan, List<ServerGroupRef.ToCreate> groups) {
    StringBuilder sb = new StringBuilder();
    sb.append("Server groups to create first (topology mode: the ClusterClass takes their IDs):\n");
    for (ServerGroupRef.ToCreate g : groups) {
      sb.append("  openstack").append(g.maxServerPerHost().isPresent() ? " --os-compute-api-version 2.64" : "")
          .append(" server group create --policy ").append(g.policy().novaName());
      g.maxServerPerHost().ifPresent(n -> sb.append(" --rule max_server_per_host=").append(n));
      sb.append(' ').append(g.name()).append('\n');
    }
    sb.append("then run again with ");
    groups.forEach(g -> sb.append("--server-group-id ").append(g.name()).append("=ID "));
    sb.append('\n');
    sb.append("or use --mode raw-capi, where ORC creates the groups from the manifests.\n");
    return sb.toString();
  }

  /** Parses {@code topology} and {@code raw-capi} (also {@code raw_capi}, any case). */
  static final class ModeConverter implements picocli.CommandLine.ITypeConverter<OutputMode> {
    @Override
    public OutputMode convert(String value) {
      String v = value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      for (OutputMode m : OutputMode.values()) {
        if (m.name().equals(v) || (m == OutputMode.RAW_CAPI && v.equals("RAW"))) {
          return m;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("got '" + value + "'; use topology or raw-capi");
    }
  }

  /**
   * The cloud profile: discovered from the cloud {@code --os-cloud} names, else a bundled one by name, or a
   * JSON file.
   *
   * @return the profile
   * @throws ClusterStacksException when it is neither (the message lists the bundled names), or both
   *     {@code --os-cloud} and {@code --profile} are given
   * @throws io.clusterstacks.openstack.OpenStackApiException when the cloud refuses the login or a call
   * @throws io.clusterstacks.openstack.OpenStackConnectionException when the cloud does not answer
   */
  public CloudProfile cloud() {
    boolean profileGiven = mixee != null && mixee.commandLine().getParseResult().hasMatchedOption("--profile");
    if (osCloud.isPresent() && !(profileGiven && cloudMayOnlyConnect)) {
      if (profileGiven) {
        throw new ClusterStacksException("--os-cloud " + TerminalText.quote(osCloud.get()) + " and --profile "
            + TerminalText.quote(profile) + " both name the cloud profile; give one of them");
      }
      if (discovered == null) {
        discovered = OpenStackDiscovery.discover(osCloud.get(), null);
      }
      return discovered.profile();
    }
    if (CloudProfiles.bundledNames().contains(profile)) {
      return CloudProfiles.bundled(profile);
    }
    Path file = Path.of(profile);
    Optional<String> notAFile = CliFiles.notARegularFile(file);
    if (notAFile.isPresent() && notAFile.get().startsWith("no such file")) {
      throw new ClusterStacksException("--profile: got '" + TerminalText.quote(profile) + "', which is neither a"
          + " bundled profile " + CloudProfiles.bundledNames() + " nor a file; name one of those or the path of a"
          + " cloud-profile JSON file");
    }
    String json = CliFiles.readText(file, "--profile");
    try {
      return CloudProfiles.fromJson(json);
    } catch (ClusterStacksException e) {
      throw new ClusterStacksException("--profile " + TerminalText.quote(profile) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The discovery behind the profile, when {@code --os-cloud} gave it and {@link #cloud()} ran.
   *
   * @return the discovery, or empty for a bundled or file profile
   */
  Optional<CloudDiscovery.Discovered> discovered() {
    return Optional.ofNullable(discovered);
  }

  /**
   * The cluster-stack release and Kubernetes version the options select.
   *
   * @return the ClusterClass name (only in topology mode) and the exact Kubernetes version
   */
  Target target() {
    ReleaseCatalogue catalogue = ReleaseCatalogue.builtIn();
    List<StackRelease> ofStack = catalogue.releases().stream()
        .filter(r -> r.className().stackName().equals(stack)).toList();
    Optional<String> minor = kubernetesVersion.map(PlanOptions::minorOf);
    String version;
    ClusterClassName className;
    if (release.isPresent()) {
      Optional<StackRelease> known = ofStack.stream()
          .filter(r -> r.className().version().format().equals(release.get()))
          .filter(r -> minor.isEmpty() || r.className().kubernetesMinor().equals(minor.get()))
          .max(Comparator.comparing(r -> minorKey(r.className().kubernetesMinor())));
      if (known.isPresent()) {
        className = known.get().className();
        version = kubernetesVersion.filter(v -> FULL_VERSION.matcher(v).matches()).map(PlanOptions::withV)
            .orElse(known.get().kubernetesVersion());
      } else if (kubernetesVersion.isPresent() && FULL_VERSION.matcher(kubernetesVersion.get()).matches()) {
        className = ClusterClassName.of(stack, minor.orElseThrow(), release.get());
        version = withV(kubernetesVersion.get());
      } else {
        throw new ClusterStacksException("--release: the SDK knows no release " + release.get() + " of stack "
            + stack + minor.map(m -> " for Kubernetes " + m).orElse("") + "; give its exact version with"
            + " --kubernetes-version vX.Y.Z, or use one of " + names(ofStack));
      }
    } else {
      // The newest stable release; a stack with only custom-channel releases known gets its newest one.
      Optional<StackRelease> newest = ofStack.stream()
          .filter(r -> minor.isEmpty() || r.className().kubernetesMinor().equals(minor.get()))
          .max(Comparator.<StackRelease, Boolean>comparing(r -> !r.className().version().isCustom())
              .thenComparing(r -> minorKey(r.className().kubernetesMinor()))
              .thenComparing(r -> r.className().version().number()));
      if (newest.isEmpty()) {
        throw new ClusterStacksException("--stack " + stack + minor.map(m -> " with Kubernetes " + m).orElse("")
            + ": the SDK knows no release" + (ofStack.isEmpty() ? " of this stack; use scs2, scs or kamaji"
                : "; name one with --release and --kubernetes-version vX.Y.Z, or use one of " + names(ofStack)));
      }
      className = newest.get().className();
      version = kubernetesVersion.filter(v -> FULL_VERSION.matcher(v).matches()).map(PlanOptions::withV)
          .orElse(newest.get().kubernetesVersion());
    }
    return new Target(className, version);
  }

  /**
   * The request the options describe.
   *
   * @return the request
   * @throws ClusterStacksException when an option value is invalid (every problem at once)
   */
  public ClusterRequest request() {
    if (kubernetesVersion.isPresent() && !FULL_VERSION.matcher(kubernetesVersion.get()).matches()
        && !MINOR_VERSION.matcher(kubernetesVersion.get()).matches()) {
      throw new ClusterStacksException("--kubernetes-version: got '" + TerminalText.quote(kubernetesVersion.get())
          + "'; write v<major>.<minor>.<patch> such as v1.34.7, or a minor such as 1.34");
    }
    if (controlPlanes < 1) {
      throw new ClusterStacksException("--control-planes: got " + controlPlanes + "; use 1 or more (3 for a"
          + " highly available control plane)");
    }
    if (workers < 0) {
      throw new ClusterStacksException("--workers: got " + workers + "; use 0 or more");
    }
    Target t = target();
    return ClusterRequest.of(r -> {
      r.clusterName(clusterName)
          .kubernetesVersion(t.kubernetesVersion())
          .mode(mode)
          .allowRawCapiSwitch(allowRawSwitch)
          .includeClusterStack(clusterStack)
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(controlPlanes)))
          .imageStrategy(ImageStrategies.named(imageStrategy, imageOptions));
      // The ClusterClass names the stack's dialect in both modes; topology mode also renders it.
      r.className(t.className());
      if (workers > 0) {
        r.addWorkers(WorkerRequest.of("md-0", workers));
      }
    });
  }

  /** The selected release and exact Kubernetes version. */
  record Target(ClusterClassName className, String kubernetesVersion) {}

  private static String withV(String v) {
    return v.startsWith("v") ? v : "v" + v;
  }

  private static String minorOf(String v) {
    String[] p = withV(v).substring(1).split("\\.");
    return p.length >= 2 ? p[0] + "." + p[1] : v;
  }

  private static int minorKey(String minor) {
    String[] p = minor.split("\\.");
    return Integer.parseInt(p[0]) * 1000 + Integer.parseInt(p[1]);
  }

  private static List<String> names(List<StackRelease> releases) {
    return releases.stream().map(r -> r.className().format()).toList();
  }
}
