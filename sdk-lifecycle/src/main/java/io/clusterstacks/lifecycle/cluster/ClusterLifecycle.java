package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.ApplyFailedException;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.DeleteResult;
import io.clusterstacks.kubernetes.DeleteVerdict;
import io.clusterstacks.kubernetes.LeaseLock;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.WorkloadAccess;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.lifecycle.diagnose.DiagnosisCollector;
import io.clusterstacks.lifecycle.maintenance.MaintenanceOptIn;
import io.clusterstacks.lifecycle.maintenance.OptInReconciliation;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.PlacementReport;
import io.clusterstacks.openstack.ServerGroup;
import io.clusterstacks.openstack.ServerGroupSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call from plan to running cluster, and one back: the steps a portal or a daily E2E run would otherwise
 * script from sdk-openstack and sdk-kubernetes, in order, each reported with its duration.
 *
 * <pre>{@code
 * try (OpenStackClient os = OpenStackClient.fromCloudsYaml("prod");
 *     ManagementCluster mgmt = ManagementCluster.connect()) {
 *   ClusterLifecycle life = ClusterLifecycle.of(os, mgmt);
 *   ClusterCreated c = life.create(plan, "tenant-a", step -> System.out.println(step.line()));
 *   ... c.access().client() ...
 *   life.delete(plan, "tenant-a", LifecycleListener.NONE);
 * }
 * }</pre>
 *
 * <p><b>Resumable.</b> Every step is idempotent: server groups are adopted by their convention names, the
 * apply is server-side (unchanged objects are reported {@link Outcome#UNCHANGED}), the wait returns as soon as
 * the cluster is usable, the opt-in pass sets only what is missing. So after a failure, running {@code create}
 * again continues where it stopped and changes nothing that is already right.
 *
 * <p><b>One run per cluster.</b> Both calls first take the cluster's Lease ({@link #lockName}) in the namespace
 * on the management cluster, and check between steps that they still hold it: a second run of the same cluster
 * stops at {@link Step#LOCK} with a {@link LifecycleException} whose cause is sdk-kubernetes'
 * {@code LockHeldException}, before it creates a server group or an object. The namespace must exist (the
 * SDK's least-privilege Role is namespaced and does not create namespaces).
 *
 * <p><b>Ownership.</b> In topology mode the SDK creates, adopts and deletes the plan's Nova server groups by
 * their convention names ({@code clusterstacks-<cluster>-<role>}); in raw mode ORC's ServerGroup objects own them
 * and the SDK never creates or deletes those Nova groups itself (they go with the ORC objects).
 *
 * <p>A failure stops the run with a {@link LifecycleException} naming the step, carrying the steps so far and
 * the step's typed cause (a partial apply's {@link ApplyFailedException} says exactly what was applied).
 */
public final class ClusterLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterLifecycle.class);

  private final OpenStackClient openStack;
  private final ManagementCluster management;
  private final LifecycleOptions options;

  private ClusterLifecycle(OpenStackClient openStack, ManagementCluster management, LifecycleOptions options) {
    this.openStack = openStack;
    this.management = management;
    this.options = options;
  }

  /**
   * A lifecycle with the default options.
   *
   * @param openStack the cloud the cluster runs on (the caller keeps and closes it)
   * @param management the management cluster (the caller keeps and closes it)
   * @return the lifecycle
   */
  public static ClusterLifecycle of(OpenStackClient openStack, ManagementCluster management) {
    return of(openStack, management, LifecycleOptions.defaults());
  }

  /**
   * A lifecycle with options.
   *
   * @param openStack the cloud
   * @param management the management cluster
   * @param options how to wait and lock
   * @return the lifecycle
   */
  public static ClusterLifecycle of(OpenStackClient openStack, ManagementCluster management, LifecycleOptions options) {
    InvalidInputException.requireArgument(openStack, "openStack");
    InvalidInputException.requireArgument(management, "management");
    InvalidInputException.requireArgument(options, "options");
    return new ClusterLifecycle(openStack, management, options);
  }

  /**
   * The name of the Lease both calls hold while they run.
   *
   * @param cluster the cluster's name
   * @return {@code clusterstacks-lifecycle-<cluster>}
   */
  public static String lockName(String cluster) {
    InvalidInputException.requireArgument(cluster, "cluster");
    return "clusterstacks-lifecycle-" + cluster;
  }

  /**
   * Creates the cluster a plan describes, or continues a create that stopped: lock, server groups, render,
   * apply, wait until usable, verify placement, restart opt-in, workload access.
   *
   * @param plan the plan (as {@code Planner.plan} returned it: server groups by name)
   * @param namespace the management cluster's namespace for the Cluster (it must exist)
   * @param listener hears each step and the wait's progress
   * @return the running cluster's access and the report
   * @throws LifecycleException naming the failed step, with the steps so far and the typed cause
   */
  public ClusterCreated create(ClusterPlan plan, String namespace, LifecycleListener listener) {
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(listener, "listener");
    Run run = new Run("create", namespace, plan.request().clusterName(), listener);
    try (LeaseLock lock = run.lock()) {
      boolean topology = sdkOwnsServerGroups(plan);
      ServerGroupSet groups = serverGroups(run, lock, plan, topology);
      Rendered rendered = render(run, lock, plan, groups, topology);
      Manifests manifests = rendered.manifests();
      ApplyResult applied = apply(run, lock, manifests);
      ClusterStatus status = run.step(Step.WAIT, lock, () -> {
        ClusterStatus s = management.awaitUsable(namespace, run.cluster, options.waitOptions(), run::progress);
        return result(s, Outcome.DONE, "usable: phase " + s.phase() + ", " + s.controlPlane() + ", " + s.workers());
      });
      PlacementReport placement = verifyPlacement(run, lock, plan, groups, topology);
      OptInReconciliation optIn = optIn(run, lock, plan);
      WorkloadAccess access = run.step(Step.ACCESS, lock, () -> {
        WorkloadAccess a = management.workload(namespace, run.cluster);
        a.kubeconfig(); // fails typed (404) when CAPI has not written the Secret
        return result(a, Outcome.DONE, "kubeconfig in Secret " + run.cluster + "-kubeconfig");
      });
      LifecycleReport report = run.report();
      LOG.info("created {}/{} in {}", namespace, run.cluster, report.total());
      return new ClusterCreated(report, rendered.plan(), groups, manifests, applied, status,
          placement, optIn, access);
    }
  }

  /**
   * Checks, without changing anything, whether the running cluster may move to a target plan's class and
   * Kubernetes version, with the target plan's surge and placement warnings: what {@link #upgrade} checks at
   * {@link Step#CHECK_UPGRADE}, for a caller that shows it and asks before upgrading.
   *
   * @param target the plan to move to (same cluster name; topology mode)
   * @param namespace the Cluster's namespace
   * @return the check; {@link UpgradeCheck#allowed()} false names each refusal with its fix
   * @throws InvalidInputException when no such Cluster exists or it is not in topology mode
   */
  public UpgradeCheck checkUpgrade(ClusterPlan target, String namespace) {
    InvalidInputException.requireArgument(target, "target");
    InvalidInputException.requireArgument(namespace, "namespace");
    return check(target, namespace);
  }

  /**
   * Moves a running topology-mode cluster to a target plan's class and Kubernetes version, or continues such a
   * move that stopped: lock, check the move ({@link UpgradeCheck}: refused moves stop here with nothing applied;
   * the target plan's surge and placement warnings are reported before the apply), adopt the server groups,
   * render, apply, wait until Cluster API has rolled the version out, verify the placement the rollout left
   * (on few hypervisors, members may share one afterwards, as the planner warns), set the restart opt-in on the
   * servers the rollout created.
   *
   * <p>The same call continues a rollout that timed out: the Cluster then already has the target version, the
   * check finds nothing to change, the apply is unchanged and the wait resumes.
   *
   * @param target the plan to move to (same cluster name and stack; topology mode)
   * @param namespace the Cluster's namespace
   * @param listener hears each step and the rollout's progress
   * @return the report, the check, the placement after the rollout
   * @throws LifecycleException naming the failed step, with the steps so far and the typed cause
   *     ({@link UpgradeRefusedException} at {@link Step#CHECK_UPGRADE})
   */
  public ClusterUpgraded upgrade(ClusterPlan target, String namespace, LifecycleListener listener) {
    InvalidInputException.requireArgument(target, "target");
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(listener, "listener");
    Run run = new Run("upgrade", namespace, target.request().clusterName(), listener);
    try (LeaseLock lock = run.lock()) {
      UpgradeCheck check = run.step(Step.CHECK_UPGRADE, lock, () -> {
        UpgradeCheck c = check(target, namespace);
        if (!c.allowed()) {
          throw new UpgradeRefusedException(c);
        }
        String move = c.fromClass() + " " + c.fromVersion() + " -> " + c.toClass() + " " + c.toVersion()
            + (c.changes() ? "" : " (already set: continuing the rollout)");
        return c.warnings().isEmpty() ? result(c, Outcome.DONE, move)
            : result(c, Outcome.WARNING, move + "; " + (c.warnings().size() == 1 ? "1 warning: "
                : c.warnings().size() + " warnings: ") + String.join(" | ", c.warnings()));
      });
      boolean topology = sdkOwnsServerGroups(target);
      ServerGroupSet groups = serverGroups(run, lock, target, topology);
      Rendered rendered = render(run, lock, target, groups, topology);
      ApplyResult applied = apply(run, lock, rendered.manifests());
      ClusterStatus status = run.step(Step.ROLLOUT, lock, () -> {
        Rollout.Done d = new Rollout(management, options.waitOptions(), run::progress).await(namespace, run.cluster,
            check.toVersion());
        return result(d.status(), d.warning() ? Outcome.WARNING : Outcome.DONE, d.summary());
      });
      PlacementReport placement = verifyPlacement(run, lock, target, groups, topology);
      OptInReconciliation optIn = optIn(run, lock, target);
      LifecycleReport report = run.report();
      LOG.info("upgraded {}/{} to {} in {}", namespace, run.cluster, check.toVersion(), report.total());
      return new ClusterUpgraded(report, check, rendered.plan(), applied, status, placement, optIn);
    }
  }

  /** Reads the running Cluster's class and version and checks the move. */
  private UpgradeCheck check(ClusterPlan target, String namespace) {
    String cluster = target.request().clusterName();
    Map<String, Object> running = management.read(new io.clusterstacks.kubernetes.ObjectRef("cluster.x-k8s.io/v1beta1",
        "Cluster", namespace, cluster));
    if (running.isEmpty()) {
      throw new InvalidInputException(List.of(io.clusterstacks.core.Problem.of("cluster", namespace + "/" + cluster,
          "no such Cluster on the management cluster: create it with ClusterLifecycle.create before upgrading it")));
    }
    Map<?, ?> topologySpec = Rollout.map(Rollout.map(running.get("spec")).get("topology"));
    if (topologySpec.isEmpty()) {
      throw new InvalidInputException(List.of(io.clusterstacks.core.Problem.of("spec.topology", "<missing>",
          "the running Cluster " + namespace + "/" + cluster + " is a raw Cluster API cluster: upgrades run in topology"
              + " mode only (change its KubeadmControlPlane and MachineDeployments with new machine templates)")));
    }
    return UpgradeCheck.evaluate(String.valueOf(topologySpec.get("class")), String.valueOf(topologySpec.get("version")),
        target);
  }

  private ServerGroupSet serverGroups(Run run, LeaseLock lock, ClusterPlan plan, boolean topology) {
    return run.step(Step.SERVER_GROUPS, lock, () -> {
      if (!topology) {
        return skipped(new ServerGroupSet(Map.of(), List.of(), List.of()), notOwned(plan, "ORC's ServerGroup objects"
            + " create the Nova groups"));
      }
      ServerGroupSet g = openStack.serverGroups().ensure(plan);
      return result(g, g.created().isEmpty() ? Outcome.UNCHANGED : Outcome.DONE, "created "
          + names(g.created()) + ", adopted " + names(g.reused()));
    });
  }

  private Rendered render(Run run, LeaseLock lock, ClusterPlan plan, ServerGroupSet groups, boolean topology) {
    return run.step(Step.RENDER, lock, () -> {
      ClusterPlan withIds = topology ? groups.applyTo(plan) : plan;
      Manifests m = withIds.manifests(b -> b.namespace(run.namespace));
      return result(new Rendered(withIds, m), Outcome.DONE, m.documents().size() + " objects: " + kinds(m));
    });
  }

  private ApplyResult apply(Run run, LeaseLock lock, Manifests manifests) {
    return run.step(Step.APPLY, lock, () -> {
      ApplyResult r = management.apply(manifests).orThrow();
      return result(r, r.unchanged() ? Outcome.UNCHANGED : Outcome.DONE, r.applied().size() + " objects: "
          + verdicts(r));
    });
  }

  private PlacementReport verifyPlacement(Run run, LeaseLock lock, ClusterPlan plan, ServerGroupSet groups,
      boolean topology) {
    return run.step(Step.VERIFY_PLACEMENT, lock, () -> {
      if (!topology) {
        return skipped(new PlacementReport(List.of(), List.of()), notOwned(plan, "ORC names the Nova groups; verify"
            + " the plan with their IDs"));
      }
      PlacementReport p = openStack.placement().verify(plan, groups);
      Optional<String> risk = QuorumSpread.atRisk(plan, p);
      if (!p.ok()) {
        return result(p, Outcome.WARNING, p.summary() + risk.map(r -> "; " + r).orElse(""));
      }
      return risk.isPresent() ? result(p, Outcome.WARNING, p.groups().size() + " groups as planned, but " + risk.get())
          : result(p, Outcome.DONE, p.groups().size() + " groups as planned");
    });
  }

  private OptInReconciliation optIn(Run run, LeaseLock lock, ClusterPlan plan) {
    return run.step(Step.OPT_IN, lock, () -> {
      ClusterObservations seen = DiagnosisCollector.of(openStack, management).collect(plan, run.namespace);
      OptInReconciliation r = MaintenanceOptIn.reconcile(openStack, seen);
      long changed = r.set().stream().filter(s -> s.changed()).count();
      if (!r.complete()) {
        return result(r, Outcome.WARNING, "set on " + changed + ", failed on " + r.failed().size() + ": " + r);
      }
      return result(r, changed == 0 ? Outcome.UNCHANGED : Outcome.DONE, changed == 0
          ? "every server that needs it has it (" + seen.servers().size() + " servers)" : "set on " + changed + " servers");
    });
  }

  /**
   * Deletes the cluster a plan describes: lock, the plan's objects along sdk-core's delete plan, then (topology
   * mode) the convention server groups the SDK created for it, and only those; reports what remained.
   *
   * @param plan the plan the cluster was created from
   * @param namespace the Cluster's namespace (it must exist)
   * @param listener hears each step
   * @return what was deleted and what remained
   * @throws LifecycleException naming the failed step, with the steps so far and the typed cause
   */
  public ClusterDeleted delete(ClusterPlan plan, String namespace, LifecycleListener listener) {
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(listener, "listener");
    Run run = new Run("delete", namespace, plan.request().clusterName(), listener);
    try (LeaseLock lock = run.lock()) {
      boolean topology = sdkOwnsServerGroups(plan);
      List<String> remaining = new ArrayList<>();
      DeleteResult objects = run.step(Step.DELETE_OBJECTS, lock, () -> {
        DeleteResult d = management.delete(identities(plan, namespace, topology), options.deleteOptions());
        boolean nothing = d.outcomes().stream().allMatch(o -> o.verdict() == DeleteVerdict.ABSENT);
        d.outcomes().stream().filter(o -> o.verdict() == DeleteVerdict.KEPT_IN_USE)
            .forEach(o -> remaining.add(o.object() + " kept: " + o.detail()));
        return result(d, nothing ? Outcome.UNCHANGED : remaining.isEmpty() ? Outcome.DONE : Outcome.WARNING,
            d.outcomes().size() + " objects: " + d.outcomes().stream().collect(Collectors.groupingBy(
                o -> o.verdict().toString().toLowerCase(java.util.Locale.ROOT), TreeMap::new, Collectors.counting())));
      });
      List<ServerGroup> deleted = run.step(Step.DELETE_SERVER_GROUPS, lock, () -> {
        if (!topology) {
          return skipped(List.<ServerGroup>of(), notOwned(plan, "ORC's ServerGroup objects own the Nova groups; the SDK"
              + " never deletes them itself"));
        }
        // A group whose servers still exist keeps them placed by its policy while CAPO deletes them: keep it.
        List<String> free = new ArrayList<>();
        for (ServerGroupRef.ToCreate t : plan.serverGroupsToCreate()) {
          Optional<ServerGroup> g = openStack.serverGroups().find(t.name());
          if (g.isPresent() && !g.get().members().isEmpty()) {
            remaining.add("server group " + g.get().name() + " (" + g.get().id() + ") kept: it still has "
                + g.get().members().size() + " servers " + g.get().members() + "; delete again once they are gone");
          } else if (g.isPresent()) {
            free.add(t.name());
          }
        }
        List<ServerGroup> gone = openStack.serverGroups().deleteNamed(free);
        return result(gone, gone.isEmpty() && remaining.isEmpty() ? Outcome.UNCHANGED
            : remaining.isEmpty() ? Outcome.DONE : Outcome.WARNING, "deleted " + names(gone)
            + (remaining.isEmpty() ? "" : "; kept " + remaining.size() + " that still have servers (see remaining())"));
      });
      LifecycleReport report = run.report();
      LOG.info("deleted {}/{} in {}; {} remain", namespace, run.cluster, report.total(), remaining.size());
      return new ClusterDeleted(report, objects, deleted, remaining);
    }
  }

  /** Topology mode with server groups: the SDK creates, adopts and deletes them (raw mode: ORC does). */
  private static boolean sdkOwnsServerGroups(ClusterPlan plan) {
    return !plan.serverGroupIdsNeeded().isEmpty();
  }

  /** Why a server-group step is skipped. */
  private static String notOwned(ClusterPlan plan, String rawMode) {
    return plan.serverGroupsToCreate().isEmpty() ? "the plan has no server groups" : "raw mode: " + rawMode;
  }

  /**
   * The plan's objects for delete. Only their identities matter; in topology mode the server-group IDs are
   * rendered into the Cluster's variables, so groups already gone get a placeholder ID that no request carries.
   */
  private static Manifests identities(ClusterPlan plan, String namespace, boolean topology) {
    if (!topology) {
      return plan.manifests(b -> b.namespace(namespace));
    }
    Map<String, String> ids = new LinkedHashMap<>();
    plan.serverGroupsToCreate().forEach(t -> ids.put(t.name(), "00000000-0000-0000-0000-000000000000"));
    return plan.withServerGroupIds(ids).manifests(b -> b.namespace(namespace));
  }

  private static String names(List<ServerGroup> groups) {
    return groups.isEmpty() ? "none" : groups.stream().map(ServerGroup::name).collect(Collectors.joining(", "));
  }

  private static String kinds(Manifests m) {
    return m.documents().stream().collect(Collectors.groupingBy(ManifestDocument::kind, TreeMap::new,
        Collectors.counting())).toString();
  }

  private static String verdicts(ApplyResult r) {
    return r.outcomes().stream().collect(Collectors.groupingBy(o -> o.verdict().toString().toLowerCase(java.util.Locale.ROOT),
        TreeMap::new, Collectors.counting())).toString();
  }

  private static <T> Result<T> result(T value, Outcome outcome, String summary) {
    return new Result<>(value, outcome, summary);
  }

  private static <T> Result<T> skipped(T value, String why) {
    return new Result<>(value, Outcome.SKIPPED, why);
  }

  private record Result<T>(T value, Outcome outcome, String summary) {}

  private record Rendered(ClusterPlan plan, Manifests manifests) {}

  /** One run's steps so far. */
  private final class Run {
    final String operation;
    final String namespace;
    final String cluster;
    final LifecycleListener listener;
    final List<StepReport> steps = new ArrayList<>();

    Run(String operation, String namespace, String cluster, LifecycleListener listener) {
      this.operation = operation;
      this.namespace = namespace;
      this.cluster = cluster;
      this.listener = listener;
    }

    LeaseLock lock() {
      return step(Step.LOCK, null, () -> {
        LeaseLock l = management.lock(namespace, lockName(cluster), options.leaseDuration());
        return result(l, Outcome.DONE, "Lease " + namespace + "/" + lockName(cluster) + " held by " + l.holder());
      });
    }

    <T> T step(Step step, @org.jspecify.annotations.Nullable LeaseLock lock, Supplier<Result<T>> body) {
      long start = System.nanoTime();
      try {
        if (lock != null && !lock.held()) {
          throw new LockLostException(lock.lostReason().orElse("lost"));
        }
        Result<T> r = body.get();
        record(new StepReport(step, r.outcome(), Duration.ofNanos(System.nanoTime() - start), r.summary()));
        return r.value();
      } catch (RuntimeException e) {
        // typed failures are ClusterStacksExceptions; anything else is still reported with the steps so far
        String what = e.getClass().getSimpleName() + ": " + e.getMessage();
        record(new StepReport(step, Outcome.FAILED, Duration.ofNanos(System.nanoTime() - start), shorten(what)));
        throw new LifecycleException(report(), step, operation + " of " + namespace + "/" + cluster + " stopped at "
            + step + " (" + what + ")" + (step == Step.LOCK ? "" : ". The steps before it are done; run " + operation
            + " again to continue from here"), e);
      }
    }

    void progress(io.clusterstacks.kubernetes.ProgressEvent e) {
      try {
        listener.onProgress(e);
      } catch (RuntimeException x) {
        LOG.warn("the lifecycle listener failed on progress: {}", x.toString());
      }
    }

    private void record(StepReport s) {
      steps.add(s);
      LOG.debug("{} {}/{}: {}", operation, namespace, cluster, s.line());
      try {
        listener.onStep(s);
      } catch (RuntimeException x) {
        LOG.warn("the lifecycle listener failed on {}: {}", s.step(), x.toString());
      }
    }

    LifecycleReport report() {
      return new LifecycleReport(operation, namespace, cluster, steps);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "…(" + (s.length() - 500) + " characters cut)";
  }

  /** This run no longer holds the cluster's Lease (another run took it over after it expired). */
  static final class LockLostException extends ClusterStacksException {
    private static final long serialVersionUID = 1L;

    LockLostException(String why) {
      super("this run lost the cluster's Lease (" + why + "): another run may be working on the cluster now, so this one"
          + " stops before its next step. Raise LifecycleOptions.leaseDuration if the management cluster was slow to answer");
    }
  }
}
