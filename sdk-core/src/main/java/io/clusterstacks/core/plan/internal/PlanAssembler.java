package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.flavor.FlavorConsistency;
import io.clusterstacks.core.flavor.FlavorDiscrepancy;
import io.clusterstacks.core.flavor.InvalidFlavorNameException;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.NodeShape;
import io.clusterstacks.core.image.UnsupportedCombinationException;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.Alternative;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.FlavorChoice;
import io.clusterstacks.core.plan.FlavorNotFoundException;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.core.plan.MaintenanceOptIn;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.PlanWarning.Code;
import io.clusterstacks.core.plan.PlanWarning.Severity;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.PolicyDecision;
import io.clusterstacks.core.plan.QuorumAnalysis;
import io.clusterstacks.core.plan.QuotaCheck;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.plan.RoleRequirements;
import io.clusterstacks.core.plan.RootDiskDecision;
import io.clusterstacks.core.plan.RunnerUp;
import io.clusterstacks.core.plan.Scs0214Verdict;
import io.clusterstacks.core.plan.StorageClass;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.FlavorDiskBoot;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a request and a cloud profile into a {@link ClusterPlan}: runs a {@link RoleSearch} per role
 * (control plane first, then the worker deployments in order, each with the server groups left by the
 * ones before), explains every decision, and checks quotas.
 */
public final class PlanAssembler {

  private static final int MAX_EXTRA_HOSTS = 8;

  private final ClusterRequest request;
  private final CloudProfile cloud;
  private final RoleSearch search;
  private final List<FlavorFacts> facts;
  private final List<PlanWarning> warnings = new ArrayList<>();
  private final @Nullable StackDialect dialect;
  /** The mode the plan is made in: the request's, or raw CAPI after an allowed switch. */
  private final OutputMode mode;
  /** The image strategy's announcement of the switch to raw CAPI mode, if it switched. */
  private final Optional<String> modeSwitch;

  private PlanAssembler(ClusterRequest request, CloudProfile cloud, RoleSearch search) {
    this.request = request;
    this.cloud = cloud;
    this.search = search;
    this.facts = FlavorFacts.of(cloud);
    this.dialect = request.dialect().orElse(null);
    this.modeSwitch = modeSwitch(request, cloud);
    this.mode = modeSwitch.isPresent() ? OutputMode.RAW_CAPI : request.mode();
  }

  /**
   * The image strategy's announcement when a topology request that allows it is switched to raw CAPI
   * mode: asked once without a flavor, since whether the ClusterClass can express the strategy does not
   * depend on the machines.
   */
  private static Optional<String> modeSwitch(ClusterRequest request, CloudProfile cloud) {
    if (request.mode() != OutputMode.TOPOLOGY || !request.allowRawCapiSwitch()) {
      return Optional.empty();
    }
    return planImage(request, cloud, Role.CONTROL_PLANE, List.of(), null).modeSwitch();
  }

  /** The effective output mode of a request (see {@link ClusterPlan#mode()}). */
  private static OutputMode modeOf(ClusterRequest request, CloudProfile cloud) {
    return modeSwitch(request, cloud).isPresent() ? OutputMode.RAW_CAPI : request.mode();
  }

  /**
   * Asks the request's image strategy, in the request's mode and with its switch permission, so that
   * a switch is announced in every role's image plan.
   */
  private static ImagePlan planImage(ClusterRequest request, CloudProfile cloud, Role role, List<NodeShape> nodes,
      @Nullable CloudFlavor flavor) {
    ImageRequest imageRequest = ImageRequest.of(r -> {
      r.kubernetesVersion(request.kubernetesVersion()).mode(request.mode()).cloud(cloud).role(role)
          .allowRawCapiSwitch(request.allowRawCapiSwitch()).nodes(nodes);
      if (flavor != null) {
        r.flavor(flavor);
      }
      request.dialect().ifPresent(r::dialect);
    });
    try {
      return request.imageStrategy().plan(imageRequest);
    } catch (UnsupportedCombinationException e) {
      throw forPlanner(e);
    }
  }

  /** The image package names its own request's switch; planner users set it on the cluster request. */
  private static UnsupportedCombinationException forPlanner(UnsupportedCombinationException e) {
    List<String> choices = e.supportedChoices().stream()
        .map(c -> c.replace("ImageRequest.allowRawCapiSwitch(true)", "ClusterRequest.allowRawCapiSwitch(true)")).toList();
    UnsupportedCombinationException out =
        new UnsupportedCombinationException(e.strategy(), e.dialect(), e.mode(), e.why(), choices);
    out.initCause(e);
    return out;
  }

  /**
   * Plans a cluster.
   *
   * @param request the request
   * @param cloud the cloud profile
   * @param search the per-role search ({@link Search#run} for the planner, {@link BruteForce#run} for the oracle)
   * @return the plan
   * @throws InfeasiblePlanException when a role or the quotas cannot be satisfied
   */
  public static ClusterPlan assemble(ClusterRequest request, CloudProfile cloud, RoleSearch search) {
    return new PlanAssembler(request, cloud, search).build();
  }

  /**
   * Builds the context of the control plane (as the planner sees it).
   *
   * @param request the request
   * @param cloud the profile
   * @return the context
   */
  public static RoleContext controlPlaneContext(ClusterRequest request, CloudProfile cloud) {
    return cpContext(request, modeOf(request, cloud), cloud, cloud.quotas().serverGroups().headroom());
  }

  /**
   * Builds the context of a worker deployment with the whole server-group headroom.
   *
   * @param request the request
   * @param cloud the profile
   * @param worker the deployment
   * @return the context
   */
  public static RoleContext workerContext(ClusterRequest request, CloudProfile cloud, WorkerRequest worker) {
    return workerCtx(request, modeOf(request, cloud), cloud, worker, cloud.quotas().serverGroups().headroom());
  }

  private static RoleContext cpContext(ClusterRequest request, OutputMode mode, CloudProfile cloud, long headroom) {
    ControlPlaneRequest cp = request.controlPlane();
    return new RoleContext(true, "control-plane", cp.replicas(), mode, cp.maxSurge(),
        cloud.quotas().serverGroupMembers(), headroom, cloud.computeMicroversions(), request.hostFailureTolerance(),
        cp.requirements(), cp.allowNetworkStorage(), cp.policy().orElse(null), cp.flavor().orElse(null),
        Math.max(1, cloud.availabilityZones().size()));
  }

  private static RoleContext workerCtx(ClusterRequest request, OutputMode mode, CloudProfile cloud, WorkerRequest w,
      long headroom) {
    return new RoleContext(false, w.name(), w.replicas(), mode, OptionalInt.of(w.maxSurge()),
        cloud.quotas().serverGroupMembers(), headroom, cloud.computeMicroversions(), HostFailureTolerance.NOT_NEEDED,
        w.requirements(), true, w.policy().orElse(null), w.flavor().orElse(null), 1);
  }

  private ClusterPlan build() {
    long headroom = cloud.quotas().serverGroups().headroom();
    ClusterPlan.Builder plan = ClusterPlan.builder().request(request).cloud(cloud).mode(mode)
        .modeReason(modeReason());
    modeSwitch.ifPresent(s -> warnings.add(PlanWarning.of(Severity.WARNING, Code.IMAGE, "cluster", "image strategy "
        + request.imageStrategy().name() + ": " + s + " (allowed by allowRawCapiSwitch); the whole plan is for raw CAPI"
        + " mode")));
    RolePlan cpPlan = null;
    Evaluation cpEval = null;
    if (dialect == null || dialect.hasMachines(Role.CONTROL_PLANE)) {
      RoleContext ctx = cpContext(request, mode, cloud, headroom);
      RoleOutcome outcome = runRole(ctx);
      cpEval = outcome.best();
      cpPlan = rolePlan(ctx, outcome);
      headroom -= cpPlan.placement().serverGroupCount();
      plan.controlPlane(cpPlan);
    }
    List<RolePlan> workerPlans = new ArrayList<>();
    for (WorkerRequest w : request.workers()) {
      RoleContext ctx = workerCtx(request, mode, cloud, w, Math.max(0, headroom));
      RolePlan rp = rolePlan(ctx, runRole(ctx));
      headroom -= rp.placement().serverGroupCount();
      workerPlans.add(rp);
    }
    plan.workers(workerPlans);
    if (cpPlan != null && cpEval != null) {
      plan.quorum(quorum(cpPlan, cpEval));
    }
    plan.quotas(quotas(cpPlan, workerPlans));
    List<PlanWarning> sorted = new ArrayList<>(warnings);
    sorted.sort(Comparator.comparing((PlanWarning w) -> -w.severity().ordinal()));
    plan.warnings(sorted);
    return plan.build();
  }

  private String modeReason() {
    if (modeSwitch.isPresent()) {
      return "raw CAPI mode, allowed by allowRawCapiSwitch: " + modeSwitch.get();
    }
    if (mode == OutputMode.TOPOLOGY) {
      return "topology mode (as requested): the cluster stack's ClusterClass"
          + (dialect == null ? "" : " (" + dialect.id() + ")")
          + " provides the templates and the addons; only its variables can be set, and its control plane always rolls"
          + " out with maxSurge 1";
    }
    return "raw CAPI mode (as requested): the SDK renders every template, so the control plane can roll out with"
        + " maxSurge 0 and servers can carry metadata; no stack operator installs the addons (CNI, cloud controller, CSI)";
  }

  // ------------------------------------------------------------------ one role

  private RoleOutcome runRole(RoleContext ctx) {
    if (ctx.pinnedFlavor() != null && Search.candidates(ctx, facts).isEmpty()) {
      throw flavorNotFound(ctx);
    }
    RoleOutcome outcome = search.run(ctx, facts);
    if (outcome.best() == null) {
      List<String> violations = new ArrayList<>(outcome.infeasibleReasons());
      if (violations.isEmpty()) {
        violations.add(Search.run(ctx, facts).infeasibleReasons().stream().findFirst().orElse("no candidate is feasible"));
      }
      if (!outcome.rejected().isEmpty() && violations.contains("no flavor meets the requirements")) {
        for (RoleOutcome.Rejected r : outcome.rejected().subList(0, Math.min(3, outcome.rejected().size()))) {
          violations.add(r.flavor().flavor().name() + " has " + String.join(", ", r.violations()));
        }
      }
      throw new InfeasiblePlanException(ctx.name(), violations, options(ctx, outcome));
    }
    return outcome;
  }

  private FlavorNotFoundException flavorNotFound(RoleContext ctx) {
    String wanted = ctx.pinnedFlavor();
    // the three nearest by (distance, name), earlier flavors first on ties: one pass, the wanted name parsed once
    var parsed = io.clusterstacks.core.flavor.ScsFlavorName.tryParse(wanted);
    FlavorFacts[] top = new FlavorFacts[3];
    double[] topDistance = new double[3];
    int kept = 0;
    for (FlavorFacts f : facts) {
      double d = distance(wanted, parsed, f);
      if (kept == 3 && nearer(d, f, topDistance[2], top[2]) >= 0) {
        continue;
      }
      int i = kept;
      while (i > 0 && nearer(d, f, topDistance[i - 1], top[i - 1]) < 0) {
        i--;
      }
      int end = Math.min(kept, 2);
      System.arraycopy(top, i, top, i + 1, end - i);
      System.arraycopy(topDistance, i, topDistance, i + 1, end - i);
      top[i] = f;
      topDistance[i] = d;
      kept = Math.min(kept + 1, 3);
    }
    List<String> nearest = new ArrayList<>();
    List<Alternative> options = new ArrayList<>();
    for (FlavorFacts f : java.util.Arrays.asList(top).subList(0, kept)) {
      nearest.add(f.flavor.name());
      options.add(Alternative.of("pin " + f.flavor.name() + " (ID " + f.flavor.id() + ")", describe(f.flavor)
          + ", " + f.storage.description()));
    }
    return new FlavorNotFoundException(ctx.name(), wanted, nearest, options);
  }

  /** Nearness of a flavor to a wanted name: by the decoded SCS values when the name parses, else by text. */
  private static double distance(String wanted, io.clusterstacks.core.flavor.FlavorNameParseResult parsed, FlavorFacts f) {
    if (parsed instanceof io.clusterstacks.core.flavor.FlavorNameParseResult.Valid v) {
      var n = v.flavorName();
      double d = Math.abs(Math.log((double) f.flavor.vcpus() / n.vcpus()))
          + Math.abs(Math.log((double) f.flavor.ramMiB() / Math.max(1, n.ramMiB())));
      int wantDisk = n.disk().flatMap(x -> x.sizeGB().isPresent() ? Optional.of(x.sizeGB().getAsInt()) : Optional.empty()).orElse(0);
      d += Math.abs(Math.log((1.0 + f.flavor.diskGB()) / (1.0 + wantDisk))) * 0.5;
      boolean wantLocal = n.disk().flatMap(x -> x.type()).map(t -> t.ordinal() >= 2).orElse(false);
      if (wantLocal != f.storage.isEtcdGrade()) {
        d += 1.0;
      }
      return d;
    }
    return editDistance(wanted.toLowerCase(Locale.ROOT), f.flavor.name().toLowerCase(Locale.ROOT));
  }

  /** Orders two flavors by nearness as a sort by distance, then name, would. */
  private static int nearer(double d, FlavorFacts f, double otherDistance, FlavorFacts other) {
    int c = Double.compare(d, otherDistance);
    return c != 0 ? c : f.flavor.name().compareTo(other.flavor.name());
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Options that would make an infeasible role plannable, each checked by running the search again. */
  private List<Alternative> options(RoleContext ctx, RoleOutcome failed) {
    List<Alternative> out = new ArrayList<>();
    if (ctx.controlPlane() && ctx.tolerance() == HostFailureTolerance.REQUIRED) {
      tryOption(out, ctx.withTolerance(HostFailureTolerance.PREFERRED), facts,
          "accept the quorum risk (hostFailureTolerance PREFERRED)");
    }
    if (ctx.pinnedPolicy() != null) {
      tryOption(out, ctx.withoutPinnedPolicy(), facts, "let the planner choose the policy (unpin " + ctx.pinnedPolicy() + ")");
    }
    if (ctx.controlPlane() && ctx.mode() == OutputMode.TOPOLOGY && ctx.replicas() >= 3) {
      tryOption(out, ctx.withMode(OutputMode.RAW_CAPI), facts, "use raw CAPI mode (control-plane maxSurge 0 becomes possible)");
    }
    if (ctx.controlPlane() && !ctx.allowNetworkStorage()) {
      tryOption(out, ctx.allowingNetworkStorage(), facts, "allow etcd on network storage (allowNetworkStorage, with the etcd risk)");
    }
    for (int extra = 1; extra <= MAX_EXTRA_HOSTS; extra++) {
      final int e = extra;
      List<FlavorFacts> more = facts.stream().map(f -> f.withHosts(plus(f.hosts, e))).toList();
      RoleOutcome o = Search.run(ctx, more);
      if (o.best() != null) {
        out.add(Alternative.of("add " + extra + (extra == 1 ? " hypervisor" : " hypervisors") + " serving "
            + o.best().flavor().flavor().name() + " (" + plus(hostsOf(o.best().flavor().flavor()), e).count() + " in total)",
            summary(ctx, o.best())));
        break;
      }
    }
    if (ctx.memberQuota() >= 0) {
      RoleContext raised = new RoleContext(ctx.controlPlane(), ctx.name(), ctx.replicas(), ctx.mode(), ctx.requestedSurge(),
          ctx.replicas() + 1L, ctx.groupHeadroom(), ctx.microversions(), ctx.tolerance(), ctx.requirements(),
          ctx.allowNetworkStorage(), ctx.pinnedPolicy(), ctx.pinnedFlavor(), ctx.zones());
      tryOption(out, raised, facts, "raise the server_group_members quota to " + (ctx.replicas() + 1));
    }
    if (failed.best() == null && !failed.rejected().isEmpty()) {
      for (RoleOutcome.Rejected r : failed.rejected().subList(0, Math.min(3, failed.rejected().size()))) {
        out.add(Alternative.of("relax the requirements to allow " + r.flavor().flavor().name(),
            "it misses: " + String.join("; ", r.violations())));
      }
    }
    return out;
  }

  private void tryOption(List<Alternative> out, RoleContext changed, List<FlavorFacts> fs, String change) {
    RoleOutcome o = Search.run(changed, fs);
    if (o.best() != null) {
      out.add(Alternative.of(change, summary(changed, o.best())));
    }
  }

  private HostCount hostsOf(CloudFlavor f) {
    return cloud.hypervisors().forFlavor(f);
  }

  private static HostCount plus(HostCount h, int extra) {
    return switch (h.knowledge()) {
      case UNKNOWN -> HostCount.declared(extra + 1);
      case EXACT -> HostCount.exact(h.count() + extra);
      case DECLARED -> HostCount.declared(h.count() + extra);
      case LOWER_BOUND -> HostCount.lowerBound(h.count() + extra);
    };
  }

  static String summary(RoleContext ctx, Evaluation e) {
    StringBuilder sb = new StringBuilder(e.flavor().flavor().name()).append(" with ").append(e.policy());
    if (ctx.controlPlane()) {
      sb.append(", maxSurge ").append(e.surge());
    }
    if (e.groups() > 1) {
      sb.append(", split into ").append(e.groups()).append(" deployments");
    }
    sb.append("; at most ").append(e.worstPerHost()).append(" per hypervisor in the worst case");
    if (ctx.controlPlane()) {
      sb.append(e.survivesWorst() ? ", quorum survives the loss of any hypervisor"
          : e.survivesExpected() ? ", quorum survives a hypervisor loss in the expected case only"
          : ", quorum can be lost with one hypervisor");
    }
    return sb.toString();
  }

  private RolePlan rolePlan(RoleContext ctx, RoleOutcome outcome) {
    Evaluation best = outcome.best();
    if (best == null) {
      throw new IllegalStateException("no best candidate");
    }
    FlavorFacts f = best.flavor();
    Role role = ctx.controlPlane() ? Role.CONTROL_PLANE : Role.WORKER;
    // The root disk depends on the image's min_disk, and the image check on the root disk: ask for the
    // image's needs first, then check the image against the machine as planned (flavor and root volume).
    int imageMinDisk = planImage(request, cloud, role, List.of(), f.flavor).minDiskGiB();
    RootDiskDecision rootDisk = rootDisk(ctx, f, imageMinDisk);
    NodeShape shape = rootDisk.fromFlavorDisk() ? NodeShape.of(ctx.name(), f.flavor)
        : NodeShape.withRootVolume(ctx.name(), f.flavor, rootDisk.volumeGiB());
    ImagePlan image = planImage(request, cloud, role, List.of(shape), f.flavor);
    for (ImageRequirement req : image.requirements()) {
      if (!req.met()) {
        warnings.add(PlanWarning.of(Severity.WARNING, Code.IMAGE, ctx.name(), "image (" + image.strategy() + "): "
            + req.description() + (req.kind() == ImageRequirement.Kind.IMAGE_PRESENT ? " is not in the cloud profile; "
                : " is not met; ") + req.fix()));
      }
    }
    for (String w : image.warnings()) {
      String message = "image (" + image.strategy() + "): " + w;
      if (warnings.stream().noneMatch(x -> x.code() == Code.IMAGE && x.message().equals(message))) {
        warnings.add(PlanWarning.of(Severity.INFO, Code.IMAGE, ctx.name(), message));
      }
    }
    if (image.mode() != mode) {
      warnings.add(PlanWarning.of(Severity.CRITICAL, Code.IMAGE, ctx.name(), "image strategy " + image.strategy()
          + " planned " + image.mode() + " mode; the plan uses " + mode));
    } else if (image.modeNeeded().isPresent() && image.modeNeeded().get() != mode) {
      warnings.add(PlanWarning.of(Severity.CRITICAL, Code.IMAGE, ctx.name(), "image strategy " + image.strategy()
          + " needs " + image.modeNeeded().get() + " mode; the plan uses " + mode));
    }
    FlavorChoice flavor = flavorChoice(ctx, outcome);
    PolicyDecision placement = policyDecision(ctx, best);
    MaintenanceOptIn maintenance = maintenance(ctx, f);
    List<RolePlan.Deployment> deployments = new ArrayList<>();
    int[] sizes = best.groupSizes();
    for (int i = 0; i < sizes.length; i++) {
      String name = sizes.length == 1 ? ctx.name() : ctx.name() + "-" + (i + 1);
      Optional<ServerGroupRef> group = Optional.empty();
      if (best.policy().needsGroup()) {
        String groupName = request.clusterName() + "-" + name;
        group = Optional.of(best.policy().maxServerPerHost().isPresent()
            ? ServerGroupRef.toCreate(groupName, best.policy().maxServerPerHost().getAsInt())
            : ServerGroupRef.toCreate(groupName, best.policy().serverGroupPolicy().orElseThrow()));
      }
      deployments.add(RolePlan.Deployment.builder().name(name).replicas(sizes[i]).serverGroup(group).build());
    }
    if (sizes.length > 1) {
      warnings.add(PlanWarning.of(Severity.INFO, Code.DEPLOYMENT_SPLIT, ctx.name(), ctx.replicas() + " workers + surge "
          + best.surge() + " exceed the member quota of " + ctx.memberQuota() + " per server group (a server create over it gets"
          + " 403): the deployment becomes " + sizes.length + " deployments of " + joinSizes(sizes)
          + ", each with its own group; anti-affinity then holds within each group, not across them"));
    }
    hostWarnings(ctx, f);
    return RolePlan.builder().role(role).name(ctx.name()).replicas(ctx.replicas()).flavor(flavor).placement(placement)
        .rootDisk(rootDisk).maintenance(maintenance).deployments(deployments).image(image).build();
  }

  private static String joinSizes(int[] sizes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sizes.length; i++) {
      sb.append(i == 0 ? "" : i == sizes.length - 1 ? " and " : ", ").append(sizes[i]);
    }
    return sb.toString();
  }

  private void hostWarnings(RoleContext ctx, FlavorFacts f) {
    HostCount h = f.hosts;
    String what = h.knowledge() == HostKnowledge.UNKNOWN ? "the number of hypervisors serving " + f.flavor.name() + " is unknown"
        : h.knowledge() == HostKnowledge.LOWER_BOUND ? f.flavor.name() + " is served by at least " + h.count()
            + " hypervisors (a lower bound from distinct hostIds)"
        : h.knowledge() == HostKnowledge.DECLARED ? f.flavor.name() + " is served by " + h.count()
            + " hypervisors as declared, not verified" : null;
    if (what != null) {
      warnings.add(PlanWarning.of(Severity.INFO, Code.HOST_COUNT, ctx.name(), what + ": the plan only relies on what is certain"
          + " (hard anti-affinity only within that count); verify placement after boot by comparing the servers' hostIds"));
    }
  }

  // ------------------------------------------------------------------ flavor

  private FlavorChoice flavorChoice(RoleContext ctx, RoleOutcome outcome) {
    Evaluation best = outcome.best();
    FlavorFacts f = best.flavor();
    List<String> reasons = new ArrayList<>();
    RoleRequirements req = ctx.requirements();
    boolean pinned = ctx.pinnedFlavor() != null;
    if (pinned) {
      reasons.add("pinned by the request (" + ctx.pinnedFlavor() + ")");
      List<String> misses = Scoring.flavorViolations(ctx, f);
      for (String m : misses) {
        warnings.add(PlanWarning.of(Severity.WARNING, Code.PINNED_CHOICE, ctx.name(), "pinned flavor " + f.flavor.name()
            + " has " + m));
      }
      if (ctx.controlPlane() && f.cpuType != null && f.cpuType == io.clusterstacks.core.flavor.CpuType.CROWDED_CORE) {
        reasons.add("crowded cores (L) risk etcd heartbeats missing their deadlines");
      }
    } else {
      reasons.add("fits the requirements on its real values: " + f.flavor.vcpus() + " vCPU >= " + req.minVcpus() + ", "
          + f.flavor.ramMiB() + " MiB >= " + req.minRamMiB() + ", "
          + (f.flavor.diskGB() == 0 ? "diskless (gets a root volume)" : f.flavor.diskGB() + " GB >= " + req.minDiskGB()));
    }
    if (ctx.controlPlane()) {
      if (f.storage.isEtcdGrade()) {
        reasons.add(f.storage.description() + " for etcd (scs-0110): local disks give the low write latency etcd needs;"
            + " network storage's long latency tail makes etcd miss heartbeats and elect new leaders");
      } else {
        String why = etcdFallbackReason(ctx, outcome);
        warnings.add(PlanWarning.of(Severity.WARNING, Code.ETCD_ON_NETWORK_STORAGE, ctx.name(), "etcd runs on "
            + f.storage.description() + ": remote storage has a long tail of write latency, etcd misses heartbeats and"
            + " elects new leaders (the reason for scs-0110's local-SSD flavors such as SCS-2V-4-20s). " + why));
        reasons.add(f.storage.description() + " (fallback: " + why + ")");
      }
      if (f.cpuType != null) {
        reasons.add(Scoring.cpuWords(f.cpuType) + (f.cpuType == io.clusterstacks.core.flavor.CpuType.SHARED_CORE
            ? " are fine for etcd" : "") + "; RAM " + (f.ramOversubscribed ? "oversubscribed (o)" : "not oversubscribed"));
      }
    } else if (!pinned) {
      reasons.add("the smallest fitting flavor (fewest vCPUs, then least RAM, then smallest disk)");
    }
    List<String> nameCheck = new ArrayList<>(f.nameProblems);
    try {
      for (FlavorDiscrepancy d : FlavorConsistency.check(f.flavor.name(), f.flavor.vcpus(), f.flavor.ramMiB(),
          f.flavor.diskGB(), f.flavor.extraSpecs())) {
        String line = "scs-0103 property " + d.field() + ": found " + d.found() + ", the name implies " + d.expected();
        if (!nameCheck.contains(line)) {
          nameCheck.add(line);
        }
      }
    } catch (InvalidFlavorNameException e) {
      // already reported by the semantics check
    }
    if (!f.nameProblems.isEmpty()) {
      warnings.add(PlanWarning.of(Severity.WARNING, Code.FLAVOR_NAME_MISMATCH, ctx.name(), f.flavor.name()
          + " does not deliver what its SCS name promises (scs-0100 semantics): " + String.join("; ", f.nameProblems)
          + ". The plan judges it by its real values."));
    } else if (f.scsName != null) {
      reasons.add("its real vCPU, RAM and disk deliver what its SCS name promises (scs-0100 semantics)");
    }
    List<RunnerUp> runnersUp = new ArrayList<>();
    for (Evaluation e : outcome.runnersUp()) {
      runnersUp.add(RunnerUp.of(e.flavor().flavor().name(), whyLost(ctx, e, best)));
    }
    for (RoleOutcome.Rejected r : outcome.rejected()) {
      if (runnersUp.size() >= 6) {
        break;
      }
      if (Search.COST.compare(r.flavor(), f) < 0) {
        runnersUp.add(RunnerUp.of(r.flavor().flavor().name(), "does not fit: " + String.join("; ", r.violations())));
      }
    }
    return FlavorChoice.builder().flavor(f.flavor).storage(f.storage).hosts(f.hosts).pinned(pinned).reasons(reasons)
        .nameCheck(nameCheck).runnersUp(runnersUp).build();
  }

  private String etcdFallbackReason(RoleContext ctx, RoleOutcome outcome) {
    for (RoleOutcome.Rejected r : outcome.rejected()) {
      if (r.flavor().storage.isEtcdGrade()) {
        return "the local-SSD/NVMe flavor " + r.flavor().flavor().name() + " does not fit (" + String.join("; ", r.violations())
            + ")";
      }
    }
    for (Evaluation e : outcome.runnersUp()) {
      if (e.flavor().storage.isEtcdGrade()) {
        return "the local-SSD/NVMe flavor " + e.flavor().flavor().name() + " lost on " + whyLost(ctx, e, outcome.best());
      }
    }
    boolean anyLocal = facts.stream().anyMatch(x -> x.storage.isEtcdGrade());
    if (ctx.pinnedFlavor() != null) {
      return "the flavor was pinned";
    }
    return anyLocal ? "no local-SSD/NVMe flavor fits the requirements"
        : "the cloud offers no local-SSD/NVMe flavor; ask the provider for SCS-2V-4-20s (mandatory per scs-0110/scs-0103)";
  }

  /** Why a candidate lost to the winner: the first ranking term in which it is worse, with the values. */
  static String whyLost(RoleContext ctx, Evaluation loser, Evaluation winner) {
    int t = loser.firstWorseTerm(winner);
    if (t == -1) {
      return "ranks the same; loses on name order";
    }
    if (t == -2) {
      return "the same candidate";
    }
    String term = Scoring.termNames(ctx.controlPlane())[t];
    CloudFlavor lf = loser.flavor().flavor();
    CloudFlavor wf = winner.flavor().flavor();
    return switch (term) {
      case "quorum after losing one hypervisor" -> loser.survivesExpected()
          ? "quorum survives losing a hypervisor only in the expected case, not the worst case (up to " + loser.worstPerHost()
              + " of " + ctx.replicas() + " members on one host)"
          : "etcd quorum is lost when the busiest hypervisor fails (up to " + loser.worstPerHost() + " of " + ctx.replicas()
              + " members on one host, " + Scoring.describeHosts(loser.flavor().hosts()) + ")";
      case "spread over hypervisors (scs-0214)" -> "spread over several hypervisors is "
          + (loser.expectedPerHost() < ctx.replicas() ? "expected but not guaranteed" : "not even expected");
      case "etcd storage (scs-0110)" -> loser.flavor().storage().description() + " for etcd, where "
          + wf.name() + " has " + winner.flavor().storage().description();
      case "worst-case members per hypervisor" -> "up to " + loser.worstPerHost() + " members on one hypervisor in the worst case, "
          + winner.worstPerHost() + " with the chosen plan";
      case "expected members per hypervisor" -> "expected " + loser.expectedPerHost() + " members on the busiest hypervisor after"
          + " rollouts, " + winner.expectedPerHost() + " with the chosen plan";
      case "rollout surge" -> "maxSurge 0 only pays off when it buys a stronger placement";
      case "a server group that cannot spread anything" -> "a server group with one member or on one hypervisor spreads nothing";
      case "policy strength" -> loser.policy() + " is weaker than " + winner.policy() + " with the same members per host";
      case "max_server_per_host" -> "a higher per-host limit";
      case "number of server groups" -> "needs more server groups";
      case "consistency with its SCS name" -> "its real values fall short of its SCS name: "
          + String.join("; ", loser.flavor().nameProblems());
      case "vCPUs" -> "larger: " + lf.vcpus() + " vCPU vs " + wf.vcpus();
      case "RAM" -> "more RAM: " + lf.ramMiB() + " MiB vs " + wf.ramMiB();
      case "disk" -> "larger disk: " + lf.diskGB() + " GB vs " + wf.diskGB();
      case "CPU type" -> "a costlier CPU type: " + loser.flavor().cpuType().map(Scoring::cpuWords).orElse("unknown CPU type");
      case "insecure CPU" -> "marked insecure (i)";
      default -> term;
    };
  }

  // ------------------------------------------------------------------ policy

  private PolicyDecision policyDecision(RoleContext ctx, Evaluation best) {
    FlavorFacts f = best.flavor();
    int r = ctx.replicas();
    int members = best.groupSizes().length == 0 ? 0 : best.groupSizes()[0] + best.surge();
    List<String> reasons = new ArrayList<>();
    String hosts = Scoring.describeHosts(f.hosts);
    PlacementPolicy p = best.policy();
    if (ctx.pinnedPolicy() != null) {
      reasons.add("pinned by the request");
    }
    if (ctx.controlPlane()) {
      reasons.add(ctx.mode() == OutputMode.TOPOLOGY
          ? "topology mode: the SCS ClusterClass rolls the control plane out with maxSurge 1, so every upgrade briefly runs "
              + (r + 1) + " members"
          : best.surge() == 0
              ? "raw CAPI mode with maxSurge 0: a rollout deletes a member before creating its replacement, so never more than "
                  + r + " members exist"
              : "raw CAPI mode with maxSurge 1: every upgrade briefly runs " + (r + 1) + " members");
    } else {
      reasons.add("machine deployment with maxSurge " + best.surge() + ": up to " + members + " members per group during a rollout");
    }
    switch (p.kind()) {
      case ANTI_AFFINITY -> reasons.add(members + " members fit one per hypervisor on " + hosts
          + ": Nova enforces it (a filter), and rollouts always find a free host");
      case ANTI_AFFINITY_MAX_PER_HOST -> reasons.add("hard anti-affinity would need " + members + " hypervisors, " + hosts
          + " serve the flavor; max_server_per_host=" + p.maxServerPerHost().getAsInt()
          + " (compute 2.64) lets every member and rollout find a host while capping each hypervisor at "
          + p.maxServerPerHost().getAsInt());
      case SOFT_ANTI_AFFINITY -> reasons.add("soft-anti-affinity (compute 2.15) never blocks a boot, but only prefers spreading"
          + (ctx.controlPlane() ? " (control-plane machines are created one at a time, so each boot sees the others; rollouts"
              + " are where members double up)" : "")
          + (ctx.microversions().supports(io.clusterstacks.core.cloud.ComputeMicroversion.MAX_SERVER_PER_HOST) ? ""
              : "; max_server_per_host needs compute 2.64 and the cloud offers " + ctx.microversions()));
      case NONE -> reasons.add(r <= 1 ? "one member: a server group would spread nothing"
          : f.hosts.isAssumedExact() && f.hosts.count() == 1 ? "one hypervisor: a server group would spread nothing"
          : "no server group: " + noGroupReason(ctx, f, best));
    }
    if (ctx.controlPlane() && ctx.zones() > 1 && r > 1) {
      reasons.add("KubeadmControlPlane balances the members over the " + ctx.zones() + " availability zones (failure"
          + " domains): at most " + ((r + ctx.zones() - 1) / ctx.zones()) + " per zone, and a hypervisor belongs to one zone");
    }
    reasons.add("worst case " + best.worstPerHost() + (best.worstPerHost() == 1 ? " member" : " members")
        + " per hypervisor, expected " + best.expectedPerHost() + " on the busiest one after rollouts");

    List<RunnerUp> rejected = new ArrayList<>();
    for (Evaluation e : Search.candidatesFor(ctx.withoutPinnedPolicy(), f, List.of())) {
      if (Search.same(e, best)) {
        continue;
      }
      String name = e.policy() + (ctx.controlPlane() && ctx.surgeOptions().length > 1 ? " (maxSurge " + e.surge() + ")" : "");
      rejected.add(RunnerUp.of(name, e.feasible() ? whyLost(ctx, e, best) : String.join("; ", e.violations())));
    }

    Optional<String> tradeOff = Optional.empty();
    List<Alternative> alternatives = new ArrayList<>();
    if (ctx.controlPlane() && r >= 3 && !(p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY)) {
      String storageNote = f.storage.isLocal() && cloud.quirks().localDiskServersStoppedInMaintenance()
          ? " fails or goes into maintenance (local-disk servers are powered off, not migrated)"
          : " fails";
      String lose = best.survivesWorst() ? "" : " When that hypervisor" + storageNote + ", etcd loses quorum ("
          + best.worstPerHost() + " of " + r + " members down, quorum needs " + (r / 2 + 1) + ") until it is back.";
      boolean surgeConflict = ctx.mode() == OutputMode.TOPOLOGY && members > hostsGuaranteed(f.hosts)
          && members - 1 <= hostsGuaranteed(f.hosts);
      if (surgeConflict && best.expectedPerHost() > 1) {
        tradeOff = Optional.of("Surge-safe upgrades and one member per hypervisor cannot both be had on " + hosts
            + " in topology mode: every upgrade briefly runs " + members + " members and hard anti-affinity would put the extra"
            + " one in ERROR (No valid host was found), stalling the rollout. The plan keeps upgrades working with " + p
            + ", at the price that after an upgrade " + best.expectedPerHost()
            + " members can share a hypervisor (the lab saw 2/1/0 after every surge-first rollout on 3 hosts)." + lose);
      } else if (!best.survivesWorst()) {
        tradeOff = Optional.of("No plan on " + hosts + " keeps etcd quorum through the loss of any one hypervisor: with " + p
            + " up to " + best.worstPerHost() + " of " + r + " members can share one." + lose);
      }
      if (tradeOff.isPresent()) {
        warnings.add(PlanWarning.of(best.survivesWorst() ? Severity.INFO : Severity.WARNING,
            surgeConflict ? Code.SURGE_TRADE_OFF : Code.QUORUM_AT_RISK,
            ctx.name(), tradeOff.get()));
        alternatives.addAll(alternatives(ctx, best));
      }
    }
    if (!ctx.controlPlane() && p.kind() == PlacementPolicy.Kind.SOFT_ANTI_AFFINITY && r >= 2) {
      String msg = "soft-anti-affinity is a weigher, not a filter: a machine deployment creates its machines in parallel, and"
          + " concurrent boots can land on the same hypervisor (the lab saw stacking in 7 of 20 parallel tries on 3 hosts)."
          + " Raise replicas in steps (one machine at a time), or use hard anti-affinity with max_server_per_host (compute"
          + " 2.64; Nova re-checks hard policies on the host and reschedules), and compare the servers' hostIds after scaling.";
      warnings.add(PlanWarning.of(Severity.WARNING, Code.PARALLEL_BOOT_RACE, ctx.name(), msg));
      reasons.add("parallel boots race under soft-anti-affinity: see the warning");
      if (!ctx.microversions().supports(io.clusterstacks.core.cloud.ComputeMicroversion.MAX_SERVER_PER_HOST)) {
        alternatives.add(Alternative.of("a cloud with compute 2.64",
            "hard anti-affinity with max_server_per_host: no parallel-boot race"));
      }
      alternatives.add(Alternative.of("raise replicas in steps", "each boot sees the previous members, so soft spreading works"));
    }
    if (ctx.controlPlane() && r >= 3 && p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY && best.surge() == 0) {
      tradeOff = Optional.of("maxSurge 0 keeps hard anti-affinity on " + hosts + ": each rollout step removes a member before"
          + " creating its replacement, so " + (r - 1) + " of " + r + " members carry etcd during the step and one more"
          + " failure then stops it; raw mode also means no stack-managed addons.");
      alternatives.addAll(alternatives(ctx, best));
    }
    return PolicyDecision.builder().policy(p).maxSurge(best.surge()).groupSizes(toList(best.groupSizes()))
        .worstCasePerHost(best.worstPerHost()).expectedPerHost(best.expectedPerHost()).reasons(reasons).tradeOff(tradeOff)
        .alternatives(alternatives).rejected(rejected).build();
  }

  private static String noGroupReason(RoleContext ctx, FlavorFacts f, Evaluation best) {
    List<String> why = new ArrayList<>();
    for (Evaluation e : Search.candidatesFor(ctx, f, List.of())) {
      if (e.policy().needsGroup() && !e.feasible()) {
        why.add(e.policy() + ": " + String.join("; ", e.violations()));
      }
    }
    return why.isEmpty() ? "no group policy does better here" : String.join(" | ", why);
  }

  private static int hostsGuaranteed(HostCount h) {
    return h.knowledge() == HostKnowledge.UNKNOWN ? 1 : h.count();
  }

  private static List<Integer> toList(int[] a) {
    List<Integer> out = new ArrayList<>(a.length);
    for (int x : a) {
      out.add(x);
    }
    return out;
  }

  /** The alternatives to a control-plane decision, each checked by planning again. */
  private List<Alternative> alternatives(RoleContext ctx, Evaluation best) {
    List<Alternative> out = new ArrayList<>();
    FlavorFacts f = best.flavor();
    for (int extra = 1; extra <= MAX_EXTRA_HOSTS; extra++) {
      FlavorFacts more = f.withHosts(plus(f.hosts, extra));
      Evaluation e = bestOf(Search.candidatesFor(ctx, more, List.of()));
      if (e != null && e.survivesWorst() && e.policy().kind() == PlacementPolicy.Kind.ANTI_AFFINITY) {
        out.add(Alternative.of("add " + extra + (extra == 1 ? " hypervisor" : " hypervisors") + " serving " + f.flavor.name()
            + " (" + more.hosts.count() + " in total)", e.policy() + ", one member per host through every rollout; quorum survives"
            + " the loss of any hypervisor"));
        break;
      }
    }
    if (ctx.mode() == OutputMode.TOPOLOGY && ctx.replicas() >= 3) {
      Evaluation e = bestOf(Search.candidatesFor(ctx.withMode(OutputMode.RAW_CAPI), f, List.of()));
      if (e != null && (e.worstPerHost() < best.worstPerHost() || e.survivesWorst())) {
        out.add(Alternative.of("raw CAPI mode with control-plane maxSurge " + e.surge(), e.policy() + " on "
            + Scoring.describeHosts(f.hosts) + ": a rollout removes a member before creating its replacement; the stack"
            + " operator then installs no addons"));
      }
    }
    // one line per softer policy: candidates differing only in surge would repeat the same advice
    Set<String> softerPolicies = new HashSet<>();
    for (Evaluation e : Search.candidatesFor(ctx, f, List.of())) {
      if (e.feasible() && !Search.same(e, best) && e.policy().kind() != best.policy().kind()
          && e.policy().kind() != PlacementPolicy.Kind.NONE && e.policy().kind() != PlacementPolicy.Kind.ANTI_AFFINITY
          && softerPolicies.add(e.policy().toString())) {
        out.add(Alternative.of(e.policy().toString(), "a softer policy: up to " + e.worstPerHost() + " of " + ctx.replicas()
            + " members on one hypervisor in the worst case" + (e.survivesWorst() ? "" : ", so quorum can be lost with one host")));
      }
    }
    if (best.policy().kind() != PlacementPolicy.Kind.ANTI_AFFINITY) {
      out.add(Alternative.of("keep this plan and check after each rollout", "compare the members' hostIds and re-create a member"
          + " that shares a hypervisor with another"));
    }
    return out;
  }

  private static @Nullable Evaluation bestOf(List<Evaluation> es) {
    Evaluation best = null;
    for (Evaluation e : es) {
      if (e.feasible() && (best == null || e.compareTo(best) < 0)) {
        best = e;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ root disk, maintenance

  private RootDiskDecision rootDisk(RoleContext ctx, FlavorFacts f, int imageMinDiskGiB) {
    Role role = ctx.controlPlane() ? Role.CONTROL_PLANE : Role.WORKER;
    Optional<String> variable = dialect == null ? Optional.empty()
        : dialect.variableFor(CommonVariable.rootDisk(role)).map(VariableSpec::name);
    if (f.flavor.diskGB() > 0) {
      if (mode == OutputMode.RAW_CAPI) {
        return rootDiskDecision(true, 0, "no rootVolume in the OpenStackMachineTemplate: the server boots from the flavor's "
            + f.flavor.diskGB() + " GB " + f.storage.description(), true);
      }
      if (dialect == null) {
        return rootDiskDecision(true, 0, "leave the stack's root-disk variable unset or 0 (no dialect given)", true);
      }
      FlavorDiskBoot boot = dialect.flavorDiskBoot(role);
      switch (boot) {
        case OMIT_VARIABLE:
          return rootDiskDecision(true, 0, variable.map(v -> "leave " + v + " unset (no default: no root volume)")
              .orElse("no root-disk variable: the server boots from the flavor's disk"), true);
        case SET_ZERO:
          return rootDiskDecision(true, 0, variable.orElse("root disk") + ": 0 (the default is a "
              + variable.flatMap(v -> dialect.variable(v)).flatMap(VariableSpec::defaultValue).map(String::valueOf).orElse("")
              + " GiB network volume, which would put " + (ctx.controlPlane() ? "etcd" : "the node") + " back on network storage)",
              true);
        default:
          String msg = dialect.releases() + " cannot boot " + ctx.name() + " from the flavor's disk: " + variable.orElse("its root-disk variable")
              + " has a minimum above 0 and a default, so every server gets a root volume"
              + (ctx.controlPlane() && f.storage.isEtcdGrade() ? " and etcd runs on network storage although " + f.flavor.name()
                  + " has a " + f.storage.description() : "")
              + "; use a release that accepts 0 or raw CAPI mode";
          warnings.add(PlanWarning.of(ctx.controlPlane() ? Severity.WARNING : Severity.INFO, Code.ROOT_DISK, ctx.name(), msg));
          return rootDiskDecision(false, Math.max(ctx.requirements().minDiskGB(), imageMinDiskGiB), msg, false);
      }
    }
    int size = Math.max(ctx.requirements().minDiskGB(), imageMinDiskGiB);
    String expr = mode == OutputMode.RAW_CAPI ? "rootVolume.sizeGiB: " + size
        : variable.map(v -> v + ": " + size).orElse("root volume of " + size + " GiB");
    return rootDiskDecision(false, size, expr + " (the flavor has no disk; the volume is network storage)", true);
  }

  private MaintenanceOptIn maintenance(RoleContext ctx, FlavorFacts f) {
    ProviderQuirks q = cloud.quirks();
    if (!f.storage.isLocal() || !q.localDiskServersStoppedInMaintenance()) {
      return maintenanceOptIn(MaintenanceOptIn.Method.NOT_NEEDED, Optional.empty(), q.restartAfterMaintenanceValue(),
          q.maintenanceAnnouncementKeys(), f.storage.isLocal() ? "the provider does not stop local-disk servers in maintenance"
              : "no local disk: servers are live-migrated when their hypervisor is maintained");
    }
    String watch = q.maintenanceAnnouncementKeys().isEmpty() ? ""
        : " Watch the server metadata " + String.join(", ", q.maintenanceAnnouncementKeys())
            + " to drain a node before its hypervisor goes down.";
    if (q.restartAfterMaintenanceKey().isEmpty()) {
      warnings.add(PlanWarning.of(Severity.WARNING, Code.MAINTENANCE, ctx.name(), f.flavor.name() + " has a local disk: in"
          + " hypervisor maintenance its servers are powered off, not migrated, and the provider has no known restart opt-in;"
          + " check with the provider that they are started again." + watch));
      return maintenanceOptIn(MaintenanceOptIn.Method.NO_KNOWN_OPT_IN, Optional.empty(), q.restartAfterMaintenanceValue(),
          q.maintenanceAnnouncementKeys(), "powered off in maintenance; no known opt-in to restart them." + watch);
    }
    String key = q.restartAfterMaintenanceKey().get();
    String kv = key + "=" + q.restartAfterMaintenanceValue();
    if (mode == OutputMode.RAW_CAPI) {
      return maintenanceOptIn(MaintenanceOptIn.Method.SERVER_METADATA, Optional.of(key), q.restartAfterMaintenanceValue(),
          q.maintenanceAnnouncementKeys(), "local disk: powered off in hypervisor maintenance and left off unless the server"
              + " carries " + kv + "; the OpenStackMachineTemplate sets it as serverMetadata, so every new machine has it." + watch);
    }
    String msg = "local disk: powered off in hypervisor maintenance and left off unless the server carries " + kv
        + ". The ClusterClass has no variable for server metadata, so set it after each server boots through the cloud API"
        + " (a merging POST /servers/{id}/metadata, never the replacing PUT), also on machines created by rollouts and"
        + " remediation." + watch;
    warnings.add(PlanWarning.of(Severity.INFO, Code.MAINTENANCE, ctx.name(), msg));
    return maintenanceOptIn(MaintenanceOptIn.Method.CLOUD_API_AFTER_BOOT, Optional.of(key), q.restartAfterMaintenanceValue(),
        q.maintenanceAnnouncementKeys(), msg);
  }

  // ------------------------------------------------------------------ quorum, quotas

  private QuorumAnalysis quorum(RolePlan cp, Evaluation e) {
    int r = cp.replicas();
    int q = r / 2 + 1;
    int w = e.worstPerHost();
    int x = e.expectedPerHost();
    FlavorFacts f = e.flavor();
    String hostLoss;
    if (r == 1) {
      hostLoss = "One member: losing its hypervisor stops etcd and the API server until the host is back.";
    } else if (e.survivesWorst()) {
      hostLoss = "Losing any one hypervisor leaves at least " + (r - w) + " of " + r + " members: quorum (" + q + ") holds.";
    } else {
      hostLoss = "Worst case " + w + " of " + r + " members on one hypervisor: losing it leaves " + (r - w) + ", below quorum ("
          + q + "), and the API server stops until the host is back"
          + (e.survivesExpected() ? "; in the expected case (" + x + " on the busiest host) quorum holds."
              : "; expected " + x + " on the busiest host after rollouts" + (x > (r - 1) / 2 ? ", which also loses quorum." : "."));
    }
    String maintenance;
    if (f.storage.isLocal() && cloud.quirks().localDiskServersStoppedInMaintenance()) {
      maintenance = "Maintenance: local-disk servers are powered off, not migrated, while their hypervisor reboots (~15 min"
          + " monthly on pluscloud open), which for etcd is the same as losing the host"
          + (e.survivesWorst() ? " (quorum holds)" : " (quorum can be lost, see above)")
          + (cp.maintenance().method() == MaintenanceOptIn.Method.NO_KNOWN_OPT_IN ? "; with no known restart opt-in they may stay off."
              : cp.maintenance().key().map(k -> "; " + k + " brings them back.").orElse("."));
    } else {
      maintenance = "Maintenance: servers without a local disk are live-migrated, so maintenance does not take members down.";
    }
    int zones = cloud.availabilityZones().size();
    String zoneText;
    if (zones <= 1) {
      zoneText = "One availability zone: no spread over failure zones (scs-0214 SHOULD); the hypervisor spread comes from the"
          + " server group alone.";
    } else {
      int perZone = (r + zones - 1) / zones;
      zoneText = "CAPO spreads control-plane machines over the " + zones + " availability zones (failure domains): at most "
          + perZone + " per zone, so losing a zone " + (perZone <= (r - 1) / 2 ? "keeps" : "loses") + " quorum.";
    }
    Scs0214Verdict verdict;
    String why;
    if (r == 1) {
      verdict = Scs0214Verdict.NOT_MET;
      why = "a single control-plane node cannot be spread over physical machines";
    } else if (f.hosts.isAssumedExact() && f.hosts.count() == 1) {
      verdict = Scs0214Verdict.NOT_MET;
      why = "the flavor is served by one hypervisor";
    } else if (w < r) {
      verdict = Scs0214Verdict.GUARANTEED;
      why = e.policy() + " keeps at least two hypervisors in use (at most " + w + " of " + r + " per host)";
    } else if (x < r) {
      verdict = Scs0214Verdict.LIKELY_NOT_GUARANTEED;
      why = e.policy() + " spreads when it can but does not guarantee it";
    } else {
      verdict = Scs0214Verdict.NOT_MET;
      why = "nothing spreads the members over hypervisors";
    }
    if (verdict == Scs0214Verdict.NOT_MET) {
      warnings.add(PlanWarning.of(Severity.WARNING, Code.SCS_0214, "control-plane", "scs-0214 requires control-plane nodes on"
          + " several physical machines: " + why + "."));
    }
    return QuorumAnalysis.builder().members(r).quorum(q).worstCasePerHost(w).expectedPerHost(x)
        .survivesHostLossWorstCase(e.survivesWorst()).survivesHostLossExpected(e.survivesExpected()).hostLoss(hostLoss)
        .maintenance(maintenance).zones(zoneText).scs0214(verdict).scs0214Explanation(why).build();
  }

  private List<QuotaCheck> quotas(@Nullable RolePlan cp, List<RolePlan> workers) {
    Quotas q = cloud.quotas();
    long inst = 0;
    long instPeak = 0;
    long cores = 0;
    long coresPeak = 0;
    long ram = 0;
    long ramPeak = 0;
    long groups = 0;
    List<RolePlan> all = new ArrayList<>();
    if (cp != null) {
      all.add(cp);
    }
    all.addAll(workers);
    for (RolePlan p : all) {
      long surge = (long) p.placement().maxSurge() * p.deployments().size();
      if (p.replicas() == 0) {
        surge = 0;
      }
      CloudFlavor f = p.flavor().flavor();
      inst += p.replicas();
      instPeak += surge;
      cores += (long) p.replicas() * f.vcpus();
      coresPeak += surge * f.vcpus();
      ram += (long) p.replicas() * f.ramMiB();
      ramPeak += surge * f.ramMiB();
      groups += p.placement().serverGroupCount();
    }
    String err = q.instancesInError() > 0 ? q.instancesInError() + " of the used servers are in ERROR and still count;"
        + " deleting them frees their quota" : "servers in ERROR would count too";
    List<QuotaCheck> checks = List.of(
        quotaCheck("instances", q.instances().limit(), q.instances().used(), inst, inst + instPeak, err),
        quotaCheck("cores", q.cores().limit(), q.cores().used(), cores, cores + coresPeak, "vCPUs of all servers"),
        quotaCheck("ramMiB", q.ramMiB().limit(), q.ramMiB().used(), ram, ram + ramPeak, "RAM of all servers"),
        quotaCheck("serverGroups", q.serverGroups().limit(), q.serverGroups().used(), groups, groups,
            "one per role with a policy (per deployment after a split)"));
    List<String> violations = new ArrayList<>();
    List<Alternative> options = new ArrayList<>();
    for (QuotaCheck c : checks) {
      if (!c.steadyFits()) {
        violations.add(c.resource() + ": the cluster needs " + c.steady() + ", " + (c.limit() - c.used()) + " of " + c.limit()
            + " are left (" + c.used() + " used)");
        options.add(Alternative.of("raise the " + c.resource() + " quota to at least " + (c.used() + c.peak()),
            "the cluster fits including rollouts"));
        if (c.resource().equals("instances") && q.instancesInError() > 0) {
          options.add(Alternative.of("delete the " + q.instancesInError() + " servers in ERROR", "they hold instance quota"));
        }
      } else if (!c.peakFits()) {
        warnings.add(PlanWarning.of(Severity.CRITICAL, Code.QUOTA, "cluster", c.resource() + ": the cluster fits ("
            + c.steady() + " needed, " + (c.limit() - c.used()) + " left) but rollouts need " + c.peak()
            + ": surge machines will be refused (403) and upgrades stall; " + c.note() + ". Raise the quota to "
            + (c.used() + c.peak()) + " or lower the surge."));
      }
    }
    if (!violations.isEmpty()) {
      options.add(Alternative.of("fewer replicas or smaller flavors", "less quota needed"));
      throw new InfeasiblePlanException("cluster", violations, options);
    }
    return checks;
  }

  private static RootDiskDecision rootDiskDecision(boolean fromFlavorDisk, int volumeGiB, String expression,
      boolean expressible) {
    return RootDiskDecision.builder().fromFlavorDisk(fromFlavorDisk).volumeGiB(volumeGiB).expression(expression)
        .expressible(expressible).build();
  }

  private static MaintenanceOptIn maintenanceOptIn(MaintenanceOptIn.Method method, Optional<String> key, String value,
      List<String> announcementKeys, String explanation) {
    return MaintenanceOptIn.builder().method(method).key(key).value(value).announcementKeys(announcementKeys)
        .explanation(explanation).build();
  }

  private static QuotaCheck quotaCheck(String resource, long limit, long used, long steady, long peak, String note) {
    return QuotaCheck.builder().resource(resource).limit(limit).used(used).steady(steady).peak(peak).note(note).build();
  }

  private static String describe(CloudFlavor f) {
    return f.vcpus() + " vCPU, " + f.ramMiB() + " MiB, " + (f.diskGB() == 0 ? "diskless" : f.diskGB() + " GB");
  }
}
