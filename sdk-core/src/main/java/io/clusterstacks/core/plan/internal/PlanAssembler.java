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
import io.clusterstacks.core.Severity;
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


  private final ClusterRequest request;
  private final CloudProfile cloud;
  private final RoleSearch search;
  private final List<FlavorFacts> facts;
  private final List<PlanWarning> warnings = new ArrayList<>();
  private final @Nullable StackDialect dialect;
  /** The mode the plan is made in: the request's, or raw CAPI after an allowed switch. */
  private final OutputMode mode;
  /** The availability zones the control plane is balanced over, with their hypervisors. */
  private final Zones zones;
  /** The image strategy's announcement of the switch to raw CAPI mode, if it switched. */
  private final Optional<String> modeSwitch;

  private final FlavorLookup lookup;
  private final WhatIf whatIf;
  private final FlavorExplainer flavorExplainer;
  private final PlacementExplainer placementExplainer;
  private final Provisioning provisioning;
  private final QuorumExplainer quorumExplainer;
  private final QuotaChecker quotaChecker;

  private PlanAssembler(ClusterRequest request, CloudProfile cloud, RoleSearch search) {
    this.request = request;
    this.cloud = cloud;
    this.search = search;
    this.facts = FlavorFacts.of(cloud);
    this.dialect = request.dialect().orElse(null);
    this.zones = Zones.of(cloud, warnings);
    this.modeSwitch = modeSwitch(request, cloud);
    this.mode = modeSwitch.isPresent() ? OutputMode.RAW_CAPI : request.mode();
    Planning p = new Planning(request, cloud, facts, warnings, dialect, mode);
    this.lookup = new FlavorLookup(p);
    this.whatIf = new WhatIf(p);
    this.flavorExplainer = new FlavorExplainer(p);
    this.placementExplainer = new PlacementExplainer(p, whatIf);
    this.provisioning = new Provisioning(p);
    this.quorumExplainer = new QuorumExplainer(p);
    this.quotaChecker = new QuotaChecker(p);
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
    return cpContext(request, modeOf(request, cloud), cloud, cloud.quotas().serverGroups().headroom(),
        Zones.of(cloud, new ArrayList<>()));
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

  private static RoleContext cpContext(ClusterRequest request, OutputMode mode, CloudProfile cloud, long headroom,
      Zones zones) {
    ControlPlaneRequest cp = request.controlPlane();
    return new RoleContext(true, "control-plane", cp.replicas(), mode, cp.maxSurge(),
        cloud.quotas().serverGroupMembers(), headroom, cloud.computeMicroversions(), request.hostFailureTolerance(),
        cp.requirements(), cp.allowNetworkStorage(), cp.policy().orElse(null), cp.flavor().orElse(null), zones);
  }

  private static RoleContext workerCtx(ClusterRequest request, OutputMode mode, CloudProfile cloud, WorkerRequest w,
      long headroom) {
    return new RoleContext(false, w.name(), w.replicas(), mode, OptionalInt.of(w.maxSurge()),
        cloud.quotas().serverGroupMembers(), headroom, cloud.computeMicroversions(), HostFailureTolerance.NOT_NEEDED,
        w.requirements(), true, w.policy().orElse(null), w.flavor().orElse(null), Zones.ONE);
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
      RoleContext ctx = cpContext(request, mode, cloud, headroom, zones);
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
    List<RolePlan> planned = new ArrayList<>();
    if (cpPlan != null) {
      planned.add(cpPlan);
    }
    planned.addAll(workerPlans);
    plan.levels(Levels.plan(request.placementLevels(), planned, warnings));
    if (cpPlan != null && cpEval != null) {
      plan.quorum(quorumExplainer.quorum(cpPlan, cpEval));
    }
    plan.quotas(quotaChecker.quotas(cpPlan, workerPlans));
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
      throw lookup.flavorNotFound(ctx);
    }
    RoleOutcome outcome = search.run(ctx, facts);
    if (outcome.best() == null) {
      List<String> violations = new ArrayList<>(outcome.infeasibleReasons());
      if (violations.isEmpty()) {
        violations.add(Search.run(ctx, facts).infeasibleReasons().stream().findFirst().orElse("no candidate is feasible"));
      }
      if (!outcome.rejected().isEmpty() && violations.contains("no flavor meets the requirements")) {
        // name the largest flavors (the nearest to requirements above every flavor), not the cheapest rejected ones
        List<FlavorFacts> largest = new ArrayList<>(facts);
        largest.sort(Comparator.comparingInt((FlavorFacts f) -> f.flavor.vcpus()).thenComparingInt(f -> f.flavor.ramMiB())
            .reversed());
        for (FlavorFacts f : largest.subList(0, Math.min(3, largest.size()))) {
          violations.add(f.flavor.name() + " has " + String.join("; ", Scoring.flavorViolations(ctx, f)));
        }
      }
      throw new InfeasiblePlanException(ctx.name(), violations, whatIf.options(ctx, outcome));
    }
    return outcome;
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
    RootDiskDecision rootDisk = provisioning.rootDisk(ctx, f, imageMinDisk);
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
    FlavorChoice flavor = flavorExplainer.flavorChoice(ctx, outcome);
    PolicyDecision placement = placementExplainer.policyDecision(ctx, best);
    MaintenanceOptIn maintenance = provisioning.maintenance(ctx, f);
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
      int required = ctx.requiredGroups(best.surge());
      warnings.add(PlanWarning.of(Severity.INFO, Code.DEPLOYMENT_SPLIT, ctx.name(), ctx.replicas() + " workers + surge "
          + best.surge() + " exceed the member quota of " + ctx.memberQuota() + " per server group (a server create over it gets"
          + " 403): the deployment becomes " + sizes.length + " deployments of " + joinSizes(sizes)
          + (sizes.length > required ? " (the quota needs " + required + "; " + sizes.length + " are small enough for hard"
              + " anti-affinity on " + Wording.describeHosts(f.hosts) + ", one member per host in each group)" : "")
          + ", each with its own group; anti-affinity then holds within each group, not across them"));
    }
    hostWarnings(ctx, f);
    return RolePlan.builder().role(role).name(ctx.name()).replicas(ctx.replicas()).flavor(flavor).placement(placement)
        .rootDisk(rootDisk).maintenance(maintenance).deployments(deployments).image(image).build();
  }

  private static String joinSizes(int[] sizes) {
    if (sizes.length > 4) {
      int larger = 0;
      while (larger < sizes.length && sizes[larger] == sizes[0]) {
        larger++;
      }
      return larger == sizes.length ? String.valueOf(sizes[0])
          : sizes[0] + " (" + larger + " of them) and " + sizes[sizes.length - 1] + " (" + (sizes.length - larger) + ")";
    }
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




  // ------------------------------------------------------------------ policy







  // ------------------------------------------------------------------ root disk, maintenance



  // ------------------------------------------------------------------ quorum, quotas






}
