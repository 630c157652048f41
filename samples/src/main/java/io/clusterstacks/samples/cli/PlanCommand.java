package io.clusterstacks.samples.cli;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.Alternative;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.QuotaCheck;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import io.clusterstacks.kamaji.placement.KamajiDeployment;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantPlacementPlan;
import io.clusterstacks.kamaji.placement.TenantRequest;
import io.clusterstacks.kamaji.placement.TwoLevelPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clusterstacks plan}: plans a cluster on a cloud profile and prints the plan with its reasons,
 * the placement map and the manifests, which it validates strictly.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
        "Plan a cluster on a cloud profile: flavors, anti-affinity and image with their reasons, the placement"
            + " over the hypervisors, and the manifests (YAML), validated strictly against the upstream CRDs.",
        "Without options: 3 control-plane nodes and 3 workers of the newest scs2 release on the bundled"
            + " scs-reference profile."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the plan is feasible and its manifests are valid, or (topology mode) the plan is feasible and only waits"
            + " for server-group IDs (standard error says how to create the groups; no manifests yet)",
        "2:invalid input (an option value, an unreadable or invalid profile)",
        "3:no plan meets the constraints (the message names them and what would work)",
        "4:the rendered manifests fail strict validation",
        "5:--os-cloud: the cloud refused the login or a call, or did not answer"})
public final class PlanCommand implements Callable<Integer> {

  /** The server-group ID the plan is checked with while the real IDs are not given yet. */
  static final String STAND_IN_ID = "00000000-0000-4000-8000-000000000000";

  @Mixin PlanOptions options = new PlanOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (the report, placement map and YAML), yaml or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output = OutputFormat.TABLE;

  /**
   * A validator to use instead of {@link CrdValidator#strict()}; tests set one with other release
   * versions. Looked up only when needed, so that {@code --help} never loads the schemas' machinery.
   */
  static CrdValidator validatorForTests;

  @Option(names = "--svg", paramLabel = "FILE",
      description = "Also write the placement map as an SVG picture to FILE (replaced if it exists).")
  Optional<Path> svg = Optional.empty();

  @Option(names = "--management-workers", paramLabel = "HYPERVISOR=N", split = ",",
      description = "Stack kamaji: the management cluster's workers per hypervisor, e.g. hv-a=2,hv-b=1. The plan"
          + " then also places the tenant control plane's API-server pods (--control-planes replicas) over those"
          + " workers and hypervisors: pod rules, rollout strategy, disruption budget and what each failure costs.")
  Map<String, Integer> managementWorkers = new LinkedHashMap<>();

  @Option(names = "--tenant-spread", paramLabel = "hard|soft", defaultValue = "hard",
      description = "With --management-workers: hard keeps replicas apart with rules the scheduler enforces where"
          + " the numbers allow; soft only prefers it (default: ${DEFAULT-VALUE}).")
  String tenantSpread = "hard";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The tenant control plane's placement over the management workers, when asked for: planned under the
   * KamajiControlPlane's name, which raw CAPI mode renders as {@code <cluster>-control-plane} (in topology mode
   * CAPI names it, and the report says so).
   */
  private Optional<TenantPlacementPlan> tenantPlacement(ClusterPlan plan) {
    if (managementWorkers.isEmpty()) {
      return Optional.empty();
    }
    List<Problem> problems = new ArrayList<>();
    if (!"kamaji".equals(options.stack)) {
      problems.add(Problem.of("--management-workers", String.join(",", managementWorkers.keySet()),
          "use it with --stack kamaji (only Kamaji runs the control plane as pods on management workers)"));
    }
    Spread spread = switch (tenantSpread) {
      case "hard" -> Spread.HARD;
      case "soft" -> Spread.SOFT;
      default -> {
        problems.add(Problem.of("--tenant-spread", tenantSpread, "use hard or soft"));
        yield Spread.HARD;
      }
    };
    List<ManagementWorker> workers = new ArrayList<>();
    managementWorkers.forEach((hv, n) -> {
      if (n == null || n < 0 || n > TwoLevelPlanner.MAX_WORKERS) {
        problems.add(Problem.of("--management-workers " + hv, String.valueOf(n),
            "give 0 to " + TwoLevelPlanner.MAX_WORKERS + " workers per hypervisor"));
        return;
      }
      for (int i = 1; i <= n && workers.size() <= TwoLevelPlanner.MAX_WORKERS; i++) {
        String name = hv + "-w" + i;
        workers.add(ManagementWorker.of(w -> w.name(name).hypervisor(hv)));
      }
    });
    InvalidInputException.throwIfAny(problems);
    String name = plan.mode() == OutputMode.RAW_CAPI ? options.clusterName + "-control-plane" : options.clusterName;
    TenantRequest tenant = TenantRequest.of(t -> t.name(name).replicas(options.controlPlanes).spread(spread));
    return Optional.of(TwoLevelPlanner.plan(tenant, workers));
  }

  private void printTenantPlacement(PrintWriter out, Optional<TenantPlacementPlan> tenant, OutputMode mode) {
    if (tenant.isPresent() && mode == OutputMode.RAW_CAPI) {
      out.println("Tenant control plane over the management cluster (pods over workers, workers over hypervisors):");
      out.print(tenant.get().report());
      out.println("In raw CAPI mode these rules are part of the KamajiControlPlane below (spec.deployment).");
      out.println();
    } else if (tenant.isPresent()) {
      out.println("Tenant control plane over the management cluster (pods over workers, workers over hypervisors):");
      out.print(tenant.get().report());
      out.println("In topology mode these rules go on the KamajiControlPlane CAPI generates, as a server-side-apply"
          + " patch under the SDK's field manager (the ClusterClass has no variable for them). CAPI names that object"
          + " <cluster>-<suffix> (the Cluster's spec.controlPlaneRef.name), and Kamaji labels the pods with it: put that"
          + " name in metadata.name and in the selectors below before applying.");
      out.print(KamajiDeployment.controlPlanePatch(options.namespace.orElse("default"), tenant.get()).toYaml());
      out.println();
    } else if ("kamaji".equals(options.stack)) {
      out.println("Add --management-workers HYPERVISOR=N,... to place the tenant's API-server pods over the management"
          + " cluster's workers and their hypervisors.");
      out.println();
    }
  }

  @Override
  public Integer call() {
    ClusterPlan plan = options.plan();
    Optional<TenantPlacementPlan> tenant = tenantPlacement(plan);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    options.discovered().ifPresent(d -> OpenStackDiscovery.summarize(d, err));
    if (svg.isPresent()) {
      CliFiles.write(svg.get(), "--svg", plan.placementMap().toSvg());
    }
    List<ServerGroupRef.ToCreate> missing = PlanOptions.missingServerGroupIds(plan);
    if (!missing.isEmpty()) {
      // Topology mode without server-group IDs: the plan stands, the YAML needs the IDs first. Render and
      // validate with stand-in IDs first, so that exit 0 means only the IDs are missing (a release/version
      // mismatch is still invalid input, invalid manifests still exit 4).
      Map<String, String> standIn = new LinkedHashMap<>();
      missing.forEach(g -> standIn.put(g.name(), STAND_IN_ID));
      ValidationReport check = validator().validate(options.manifests(plan.withServerGroupIds(standIn)));
      if (!check.isValid()) {
        err.println("error: the rendered manifests fail strict validation: " + check.violations().size() + " violation(s)");
        check.violations().forEach(v -> err.println("  - " + v.describe()));
        err.flush();
        return ClusterStacksCli.EXIT_VALIDATION_FAILED;
      }
      if (output == OutputFormat.TABLE) {
        out.print(plan.report());
        out.println();
        printTenantPlacement(out, tenant, plan.mode());
      } else {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("plan", planTree(plan));
        tenant.ifPresent(t -> tree.put("tenantPlacementReport", t.report()));
        out.print(output.write(tree));
      }
      out.flush();
      err.print(PlanOptions.howToCreate(plan, missing));
      err.println("The plan is valid (exit 0): its manifests render and pass strict validation with stand-in IDs, and"
          + " are printed once the server-group IDs are given.");
      err.flush();
      return ClusterStacksCli.EXIT_OK;
    }
    Manifests manifests = options.manifests(plan);
    if (tenant.isPresent() && plan.mode() == OutputMode.RAW_CAPI) {
      manifests = KamajiDeployment.withRules(manifests, tenant.get());
    }
    ValidationReport validation = validator().validate(manifests);
    if (output == OutputFormat.TABLE) {
      out.print(plan.report()); // decisions, reasons, warnings and the placement map
      out.println();
      printTenantPlacement(out, tenant, plan.mode());
      if (!spec.commandLine().getParseResult().hasMatchedOption("--mode")) {
        out.println("Raw CAPI mode is the command line's default: its manifests are complete without a cloud."
            + " --mode topology uses the stack's ClusterClass and needs --server-group-id for each group.");
        out.println();
      }
      out.println("Manifests (" + manifests.documents().size() + " documents):");
      manifests.notices().forEach(n -> out.println("# NOTE " + n));
      out.print(manifests.toYaml());
      out.println();
      out.println("Strict validation against the upstream CRDs: " + validation.summary());
      out.println(validation.isValid() ? "valid" : "INVALID");
    } else {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("plan", planTree(plan));
      tenant.ifPresent(t -> tree.put("tenantPlacementReport", t.report()));
      tree.put("notices", manifests.notices().stream().map(Object::toString).toList());
      tree.put("manifests", manifests.documents().stream().map(io.clusterstacks.core.manifest.ManifestDocument::toMap).toList());
      tree.put("validation", validationTree(validation));
      out.print(output.write(tree));
    }
    out.flush();
    if (!validation.isValid()) {
      err.println("error: the rendered manifests fail strict validation: "
          + validation.violations().size() + " violation(s)");
      err.flush();
      return ClusterStacksCli.EXIT_VALIDATION_FAILED;
    }
    return ClusterStacksCli.EXIT_OK;
  }

  /**
   * The validator for rendered manifests.
   *
   * @return the strict validator, or the one a test set
   */
  static CrdValidator validator() {
    return validatorForTests != null ? validatorForTests : CrdValidator.strict();
  }

  /** The plan as plain maps and lists, in a stable order. */
  static Map<String, Object> planTree(ClusterPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cluster", plan.request().clusterName());
    m.put("kubernetesVersion", plan.request().kubernetesVersion());
    m.put("cloudProfile", plan.cloud().name());
    m.put("mode", plan.mode().name());
    m.put("requestedMode", plan.request().mode().name());
    m.put("modeReason", plan.modeReason());
    plan.request().className().ifPresent(c -> m.put("clusterClass", c.format()));
    List<Object> roles = new ArrayList<>();
    for (RolePlan r : plan.roles()) {
      Map<String, Object> role = new LinkedHashMap<>();
      role.put("role", r.name());
      role.put("replicas", r.replicas());
      Map<String, Object> flavor = new LinkedHashMap<>();
      flavor.put("name", r.flavor().flavor().name());
      flavor.put("reasons", r.flavor().reasons());
      flavor.put("runnersUp", r.flavor().runnersUp().stream().map(Object::toString).toList());
      role.put("flavor", flavor);
      Map<String, Object> placement = new LinkedHashMap<>();
      placement.put("policy", r.placement().policy().toString());
      placement.put("maxSurge", r.placement().maxSurge());
      placement.put("worstCasePerHost", r.placement().worstCasePerHost());
      placement.put("expectedPerHost", r.placement().expectedPerHost());
      placement.put("reasons", r.placement().reasons());
      r.placement().tradeOff().ifPresent(t -> placement.put("tradeOff", t));
      placement.put("alternatives", r.placement().alternatives().stream().map(Alternative::toString).toList());
      role.put("placement", placement);
      role.put("serverGroups", r.deployments().stream()
          .map(d -> d.name() + ": " + d.serverGroup().map(Object::toString).orElse("none")).toList());
      role.put("rootDisk", r.rootDisk().expression());
      role.put("maintenance", r.maintenance().method().name());
      role.put("image", imageTree(r.image()));
      roles.add(role);
    }
    m.put("roles", roles);
    plan.quorum().ifPresent(q -> m.put("quorum", q.lines()));
    List<Object> quotas = new ArrayList<>();
    for (QuotaCheck q : plan.quotas()) {
      Map<String, Object> quota = new LinkedHashMap<>();
      quota.put("resource", q.resource());
      quota.put("limit", q.limit());
      quota.put("used", q.used());
      quota.put("steady", q.steady());
      quota.put("peak", q.peak());
      quota.put("fits", q.peakFits());
      quotas.add(quota);
    }
    m.put("quotas", quotas);
    List<Object> warnings = new ArrayList<>();
    for (PlanWarning w : plan.warnings()) {
      Map<String, Object> warning = new LinkedHashMap<>();
      warning.put("severity", w.severity().name());
      warning.put("code", w.code().name());
      warning.put("role", w.role());
      warning.put("message", w.message());
      warnings.add(warning);
    }
    m.put("warnings", warnings);
    m.put("placementMap", plan.placementMap().toText());
    return m;
  }

  /** An image plan as plain maps and lists: what the report's image section shows. */
  static Map<String, Object> imageTree(ImagePlan image) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", image.strategy());
    m.put("description", image.description());
    m.put("image", image.image().value());
    image.cloudImage().ifPresent(i -> m.put("cloudImage", i.name()));
    m.put("mode", image.mode().name());
    image.modeSwitch().ifPresent(s -> m.put("modeSwitch", s));
    if (!image.topologyVariables().isEmpty()) {
      m.put("variables", new LinkedHashMap<>(image.topologyVariables()));
    }
    if (!image.bootstrap().isEmpty()) {
      m.put("bootstrapFormat", image.bootstrap().format().value());
    }
    m.put("requirements", image.requirements().stream().map(Object::toString).toList());
    m.put("tradeOffs", image.tradeOffs().stream().map(t -> t.text()).toList());
    m.put("reasons", image.reasons());
    m.put("warnings", image.warnings());
    return m;
  }

  /** A validation report as plain maps and lists. */
  static Map<String, Object> validationTree(ValidationReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", report.isValid());
    m.put("documents", report.documents().size());
    List<Object> violations = new ArrayList<>();
    for (Violation v : report.violations()) {
      violations.add(v.describe());
    }
    m.put("violations", violations);
    m.put("warnings", report.warnings());
    return m;
  }
}
