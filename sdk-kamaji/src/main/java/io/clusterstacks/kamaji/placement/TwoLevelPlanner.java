package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.kamaji.Kamaji;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a Kamaji tenant control plane over two levels: its API-server pods over the management workers,
 * and the workers over the hypervisors they run on.
 *
 * <p>Tenant API-server pods are stateless: the tenant keeps its API while any replica runs, so the goal
 * is that no single hypervisor or worker holds all of them, without rules so strict that pods stay
 * Pending. A required rule is chosen only where the numbers let every replica, and every rollout step,
 * find a node. The etcd behind a DataStore needs a majority instead; its advice is a {@link DataStorePlan}.
 *
 * <pre>{@code
 * List<ManagementWorker> workers = List.of(
 *     ManagementWorker.of(w -> w.name("w1").hypervisor("hv-a")),
 *     ManagementWorker.of(w -> w.name("w2").hypervisor("hv-a")),
 *     ManagementWorker.of(w -> w.name("w3").hypervisor("hv-b")));
 * TenantPlacementPlan plan = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a").replicas(3)), workers);
 * System.out.print(plan.report());
 * }</pre>
 */
public final class TwoLevelPlanner {
  /** The most workers one call takes. */
  public static final int MAX_WORKERS = 10_000;

  private TwoLevelPlanner() {}

  /**
   * Plans the tenant on the workers.
   *
   * @param tenant the tenant control plane
   * @param workers the management workers, each with its hypervisor
   * @return the plan
   * @throws InvalidInputException for a null argument or element, duplicate worker names, or more than
   *     {@link #MAX_WORKERS} workers
   */
  public static TenantPlacementPlan plan(TenantRequest tenant, List<ManagementWorker> workers) {
    InvalidInputException.requireArgument(tenant, "tenant");
    checkWorkers(workers);
    List<String> reasons = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int r = tenant.replicas();
    PodRules rules = chooseRules("API-server replica", r, tenant.spread(), workers, tenant.cpuMillicores(),
        tenant.memoryMiB(), reasons, warnings);
    PlacementAnalysis analysis = SchedulerModel.analyse(r, rules, workers, tenant.cpuMillicores(), tenant.memoryMiB());

    long free = (long) analysis.slots() - r;
    RolloutStrategy strategy;
    if (free >= r) {
      strategy = RolloutStrategy.rollingUpdate(IntOrPercent.percent(100), IntOrPercent.of(0));
      reasons.add("Rollout: Kamaji's default (maxSurge 100%, maxUnavailable 0) kept: the rules leave room for "
          + plural(r, "surge pod") + ", so every replica is replaced before an old one goes.");
    } else if (free >= 1) {
      int surge = (int) free;
      strategy = RolloutStrategy.rollingUpdate(IntOrPercent.of(surge), IntOrPercent.of(0));
      reasons.add("Rollout: maxSurge " + surge + ", maxUnavailable 0: the rules leave room for only "
          + plural(surge, "extra pod") + " besides the " + r + " replicas; Kamaji's default would start " + r
          + " surge pods, " + (r - surge) + " of them Pending until old ones go.");
    } else {
      strategy = RolloutStrategy.rollingUpdate(IntOrPercent.of(0), IntOrPercent.of(1));
      reasons.add("Rollout: maxSurge 0, maxUnavailable 1: the rules admit no surge pod (all " + analysis.slots()
          + " slots they leave are taken), so Kamaji's "
          + "default (maxSurge 100%, maxUnavailable 0) would stall with every surge pod Pending; instead one "
          + "replica at a time is replaced (its successor waits for the old pod to terminate, as required "
          + "anti-affinity counts terminating pods).");
      if (r == 1) {
        warnings.add("One replica and no room for a second: every rollout and every drain takes the tenant's "
            + "API down; give the tenant 2 replicas and room for them.");
      }
    }
    drainReason(analysis.workers(), "worker", reasons);
    drainReason(analysis.hypervisors(), "hypervisor", reasons);

    OptionalInt budget = r >= 2 ? OptionalInt.of(1) : OptionalInt.empty();
    if (r >= 2) {
      reasons.add("PodDisruptionBudget maxUnavailable 1: drains evict one replica at a time.");
    } else {
      reasons.add("No PodDisruptionBudget: with one replica it would block every drain.");
    }

    DataStorePlan dataStore = tenant.dataStore().map(ds -> planDataStore(ds, workers)).orElse(null);
    List<DomainImpact> impacts = impacts(analysis, dataStore, rules);
    for (DomainImpact i : impacts) {
      if (i.kind() == DomainKind.HYPERVISOR && !i.apiSurvivesWorstCase() && analysis.scheduled() > 0) {
        warnings.add("Losing hypervisor " + i.name() + " can take the tenant's API down: the rules allow all "
            + plural(analysis.scheduled(), "replica") + " on it. " + i.remedy().orElse(""));
        break;
      }
    }
    if (analysis.pending() > 0) {
      warnings.add(plural(analysis.pending(), "replica") + " find no node under these rules (" + analysis.slots()
          + " " + (analysis.slots() == 1 ? "slot" : "slots") + " on " + countSchedulable(workers)
          + " schedulable workers): add workers or lower the replicas.");
    }
    reasons.add("The tenant's API is reached through its Service (type LoadBalancer by default): that load "
        + "balancer is outside these rules and a single point of failure unless the cloud runs it redundant.");
    return TenantPlacementPlan.builder().tenant(tenant).rules(rules).strategy(strategy)
        .disruptionBudgetMaxUnavailable(budget).analysis(analysis).kamajiDefaultRolloutStalls(free <= 0)
        .dataStore(java.util.Optional.ofNullable(dataStore)).impacts(impacts).reasons(reasons).warnings(warnings)
        .build();
  }

  /**
   * What the scheduler can do with a tenant's replicas under rules given by hand.
   *
   * @param tenant the tenant (replicas and requests are used)
   * @param rules the rules to analyse
   * @param workers the management workers
   * @return the analysis
   * @throws InvalidInputException as {@link #plan} does
   */
  public static PlacementAnalysis analyse(TenantRequest tenant, PodRules rules, List<ManagementWorker> workers) {
    InvalidInputException.requireArgument(tenant, "tenant");
    InvalidInputException.requireArgument(rules, "rules");
    checkWorkers(workers);
    return SchedulerModel.analyse(tenant.replicas(), rules, workers, tenant.cpuMillicores(), tenant.memoryMiB());
  }

  private static void checkWorkers(List<ManagementWorker> workers) {
    InvalidInputException.requireArgument(workers, "workers");
    List<Problem> p = new ArrayList<>();
    if (workers.size() > MAX_WORKERS) {
      p.add(Problem.of("workers", workers.size() + " workers",
          "plan at most " + MAX_WORKERS + " workers per call (one management cluster's workers)"));
      InvalidInputException.throwIfAny(p);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < workers.size(); i++) {
      ManagementWorker w = workers.get(i);
      if (w == null) {
        p.add(Problem.of("workers[" + i + "]", "null", "remove the null element"));
      } else if (!names.add(w.name())) {
        p.add(Problem.of("workers[" + i + "].name", w.name(), "give each worker once (node names are unique)"));
      }
    }
    InvalidInputException.throwIfAny(p);
  }

  private static void drainReason(List<DomainLoad> loads, String noun, List<String> reasons) {
    List<String> stuck = loads.stream().filter(l -> l.pendingWhileDrained() > 0)
        .map(l -> l.name() + " (" + l.pendingWhileDrained() + ")").toList();
    if (!stuck.isEmpty()) {
      reasons.add("Draining " + (stuck.size() == loads.size() ? "any " + noun : noun + " " + String.join(", ", stuck))
          + " leaves " + (stuck.size() == loads.size() ? "replicas" : "the replicas in brackets")
          + " Pending until it is back: no other " + noun + " may take them under these rules; the tenant runs on "
          + "the others meanwhile.");
    }
  }

  private static long countSchedulable(List<ManagementWorker> workers) {
    return workers.stream().filter(ManagementWorker::schedulable).count();
  }

  /**
   * The strictest rules under which all {@code n} members find a node, weakened one step at a time.
   * {@code what} is the member's noun in the singular.
   */
  private static PodRules chooseRules(String what, int n, Spread spread, List<ManagementWorker> workers,
      OptionalLong cpu, OptionalLong mem, List<String> reasons, List<String> warnings) {
    if (spread == Spread.SOFT) {
      reasons.add("Soft spread: anti-affinity on the node and on the hypervisor label (" + Kamaji.HYPERVISOR_LABEL
          + ") and a skew bound of 1 over hypervisors, all as preferences: the scheduler spreads the " + what
          + "s when it can, and places them together rather than leave one Pending.");
      return PodRules.of(r -> r.hostnameAntiAffinity(RuleStrength.PREFERRED)
          .hypervisorAntiAffinity(RuleStrength.PREFERRED)
          .hypervisorSpread(HypervisorSpread.of(s -> s.maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.SCHEDULE_ANYWAY))));
    }
    PodRules perNode = PodRules.of(r -> r.hostnameAntiAffinity(RuleStrength.REQUIRED)
        .hypervisorAntiAffinity(RuleStrength.NONE));
    int nodeSlots = SchedulerModel.analyse(n, perNode, workers, cpu, mem).slots();
    RuleStrength hostname;
    if (n <= nodeSlots) {
      hostname = RuleStrength.REQUIRED;
      reasons.add("Required anti-affinity on kubernetes.io/hostname: " + plural(n, what)
          + " on " + plural(nodeSlots, "worker") + " that can take one, so no worker holds two.");
    } else {
      hostname = RuleStrength.PREFERRED;
      warnings.add(plural(n, what) + " but only " + plural(nodeSlots, "worker")
          + " that can take one: one per worker is impossible, so that rule is only preferred and a worker "
          + "failure may take more than one; add workers or lower the count.");
    }
    PodRules onePerHost = PodRules.of(r -> r.hostnameAntiAffinity(hostname)
        .hypervisorAntiAffinity(RuleStrength.REQUIRED));
    PlacementAnalysis a = SchedulerModel.analyse(n, onePerHost, workers, cpu, mem);
    if (a.pending() == 0) {
      reasons.add("Required anti-affinity on " + Kamaji.HYPERVISOR_LABEL + ": " + a.slots()
          + " hypervisors can take one each, enough for all " + n + ", so no hypervisor holds two.");
      return onePerHost;
    }
    PodRules enforced = PodRules.of(r -> r.hostnameAntiAffinity(hostname).hypervisorAntiAffinity(RuleStrength.NONE)
        .hypervisorSpread(HypervisorSpread.of(s -> s.maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE))));
    PlacementAnalysis e = SchedulerModel.analyse(n, enforced, workers, cpu, mem);
    if (e.pending() == 0) {
      reasons.add("One per hypervisor would leave " + a.pending() + " of " + n + " Pending (" + a.slots()
          + " hypervisors), so instead a topology spread over " + Kamaji.HYPERVISOR_LABEL
          + " with maxSkew 1 and DoNotSchedule: no hypervisor holds more than one above the least loaded; the "
          + "numbers admit up to " + e.slots() + " this way.");
      return enforced;
    }
    reasons.add("A DoNotSchedule spread over hypervisors would leave " + e.pending() + " of " + n
        + " Pending (the least loaded hypervisor caps the others; it admits " + e.slots()
        + "), so the spread is ScheduleAnyway: a preference.");
    warnings.add("The hypervisor spread of the " + what + "s is only preferred: the numbers admit no enforced "
        + "spread, so a busy cluster may put more of them on one hypervisor than the even split.");
    return PodRules.of(r -> r.hostnameAntiAffinity(hostname).hypervisorAntiAffinity(RuleStrength.NONE)
        .hypervisorSpread(HypervisorSpread.of(s -> s.maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.SCHEDULE_ANYWAY))));
  }

  private static DataStorePlan planDataStore(EtcdDataStore ds, List<ManagementWorker> workers) {
    int m = ds.members();
    int quorum = m / 2 + 1;
    int tolerated = m - quorum;
    List<String> reasons = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    PodRules rules = chooseRules("etcd member", m, Spread.HARD, workers, OptionalLong.empty(), OptionalLong.empty(),
        reasons, ignored);
    reasons.addAll(ignored);
    PlacementAnalysis a = SchedulerModel.analyse(m, rules, workers, OptionalLong.empty(), OptionalLong.empty());
    boolean survives = !a.hypervisors().isEmpty()
        && a.hypervisors().stream().allMatch(h -> a.scheduled() - h.worstCase() >= quorum);
    OptionalInt needed = tolerated == 0 ? OptionalInt.empty() : OptionalInt.of((m + tolerated - 1) / tolerated);
    // any placement: at most `tolerated` members per hypervisor, within each hypervisor's workers (one per worker)
    PodRules perNode = PodRules.of(r -> r.hostnameAntiAffinity(RuleStrength.REQUIRED).hypervisorAntiAffinity(RuleStrength.NONE));
    long fitWithin = SchedulerModel.hosts(workers, perNode, OptionalLong.empty(), OptionalLong.empty()).stream()
        .mapToLong(h -> Math.min(h.cap(), tolerated)).sum();
    long hosts = a.hypervisors().stream().filter(h -> !h.workers().isEmpty()).count();
    if (tolerated == 0) {
      reasons.add(plural(m, "etcd member") + " tolerate no loss at all: the quorum of " + quorum
          + " needs every member; use 3 or 5.");
    } else if (survives) {
      reasons.add("The quorum of " + quorum + " of " + m + " survives the loss of any one hypervisor in every "
          + "placement these rules allow (at most " + tolerated + " per hypervisor).");
    } else if (fitWithin < m) {
      reasons.add("No placement of " + m + " etcd members on these " + plural(hosts, "hypervisor")
          + " keeps the quorum of " + quorum + " through the loss of every hypervisor: that needs at most "
          + tolerated + " per hypervisor, and only " + fitWithin + " fit that way. It needs "
          + needed.getAsInt() + " hypervisors with a worker each" + (m >= 5 ? "" : " (or 5 members over 3)") + ".");
    } else {
      reasons.add("Some placements keep the quorum of " + quorum + " through any one hypervisor loss, but these "
          + "rules also allow one that does not; pin the members one per hypervisor where the numbers allow.");
    }
    return DataStorePlan.builder().dataStore(ds).quorum(quorum).rules(rules).analysis(a)
        .survivesAnyHypervisorLoss(survives).hypervisorsNeeded(needed).reasons(reasons).build();
  }

  private static List<DomainImpact> impacts(PlacementAnalysis api, DataStorePlan ds, PodRules rules) {
    List<DomainImpact> out = new ArrayList<>();
    impactsOf(api.hypervisors(), api, ds == null ? null : byName(ds.analysis().hypervisors()), ds, rules, out);
    impactsOf(api.workers(), api, ds == null ? null : byName(ds.analysis().workers()), ds, rules, out);
    return out;
  }

  private static Map<String, DomainLoad> byName(List<DomainLoad> loads) {
    return loads.stream().collect(Collectors.toMap(DomainLoad::name, Function.identity()));
  }

  private static void impactsOf(List<DomainLoad> loads, PlacementAnalysis api, Map<String, DomainLoad> dsLoads,
      DataStorePlan ds, PodRules rules, List<DomainImpact> out) {
    int n = api.scheduled();
    for (DomainLoad l : loads) {
      DomainImpact.Builder b = DomainImpact.builder().kind(l.kind()).name(l.name()).workers(l.workers())
          .worstCaseReplicas(l.worstCase()).expectedReplicas(l.expected()).pendingWhileDrained(l.pendingWhileDrained())
          .apiSurvivesWorstCase(n > 0 && l.worstCase() < n).apiSurvivesExpected(n > 0 && l.expected() < n);
      boolean quorumOk = true;
      if (ds != null) {
        DomainLoad d = dsLoads.get(l.name());
        int lost = d == null ? 0 : d.worstCase();
        b.dataStoreWorstCaseMembers(lost);
        quorumOk = ds.analysis().scheduled() - lost >= ds.quorum();
        b.quorumSurvivesWorstCase(quorumOk);
      }
      if (n > 0 && l.worstCase() >= n) {
        b.remedy(l.kind() == DomainKind.HYPERVISOR
            ? "Required anti-affinity on " + Kamaji.HYPERVISOR_LABEL + " (or an enforced spread over it) with "
                + "workers on at least 2 hypervisors keeps a replica elsewhere."
            : "Required anti-affinity on kubernetes.io/hostname with at least 2 workers keeps a replica elsewhere.");
      } else if (!quorumOk) {
        b.remedy("etcd keeps its quorum only with at most "
            + plural(ds.dataStore().members() - ds.quorum(), "member") + " per " + (l.kind() == DomainKind.HYPERVISOR ? "hypervisor" : "worker") + ": "
            + ds.reasons().get(ds.reasons().size() - 1));
      }
      out.add(b.build());
    }
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
