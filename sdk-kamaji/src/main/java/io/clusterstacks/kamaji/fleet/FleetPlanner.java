package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.TenantPlacementPlan;
import io.clusterstacks.kamaji.placement.TenantRequest;
import io.clusterstacks.kamaji.placement.TwoLevelPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places many Kamaji tenant control planes on the workers of one management cluster, whose workers run
 * on a few hypervisors: where each API-server replica goes, so that no hypervisor failure or maintenance
 * takes a hard-spread tenant's API down, few workers are used, the busiest hypervisor is as little loaded
 * as that allows, and maintenance moves few pods.
 *
 * <pre>{@code
 * FleetPlan plan = FleetPlanner.plan(tenants, workers);
 * FleetVerifier.verify(tenants, workers, plan.placement());     // empty
 * FleetPlan more = FleetPlanner.add(plan, newTenants);           // moves no existing replica
 * DrainPlan drain = FleetPlanner.drain(more, "hv-3");            // ordered moves, each step available
 * RebalancePlan r = FleetPlanner.rebalance(drain.afterPlan(), 20);
 * }</pre>
 *
 * <p><b>Rules.</b> Hard spread: at most one replica of a tenant per worker and per hypervisor. Soft
 * spread: as even as the capacity allows (counts per hypervisor within one of each other over the
 * hypervisors that can take a replica, one per worker), relaxed only when no such placement fits. Capacity:
 * each worker's allocatable CPU and memory bound the requests of its replicas; a schedulable worker must
 * give both, and a tenant without a request is counted as requesting none (as the scheduler does).
 * Cordoned workers take nothing.
 *
 * <p><b>Objectives, in order:</b> every tenant placed; fewest workers used; the fewest replicas on the busiest
 * hypervisor ({@link FleetPlan#maxHypervisorReplicas()}: the pods one hypervisor failure or maintenance takes
 * down), then the lowest share of its allocatable they request ({@link FleetPlan#maxHypervisorLoad()}); fewest
 * moves from the current placement.
 *
 * <p><b>Method.</b> First-fit decreasing with a hypervisor-aware choice: the fewest largest workers the lower
 * bound says are needed are opened together, spread over the hypervisors (among equally large workers, those on
 * the hypervisors with the fewest open ones), tenants are placed largest first, each replica on the open
 * worker whose room best matches its shape (CPU-heavy replicas where CPU is left, memory-heavy ones where
 * memory is; ties to the less loaded hypervisor), and a further worker is opened only when none takes it,
 * the largest first, on the least loaded hypervisor. When that leaves tenants out, opening workers one at a
 * time (each replica to the fullest open worker), and the first largest workers opened together, are tried too
 * and the best kept. Then workers are emptied where their replicas fit on the others, and the busiest hypervisor
 * is relieved without opening a worker: a replica, the smallest first, moves to a used worker of a hypervisor with
 * at least two fewer replicas, or, where none has room, two small replicas go there and a larger one comes back,
 * until the busiest hypervisor has nothing that helps (or the bounded work is spent). On small fleets (at most
 * {@value FleetEngine#EXACT_MAX_REPLICAS} replicas, {@value FleetEngine#EXACT_MAX_WORKERS} workers) an
 * exhaustive search proves the fewest workers. The cost is at most about replicas × workers rule checks for
 * the construction, and bounded work for the improvement; it never depends on the size of the numbers.
 *
 * <p><b>How the cluster enforces a plan</b> ({@link FleetPlan#podFields}): a Deployment cannot pin a
 * replica to a node, so a plan is realised by rules: a required node affinity to the tenant's planned
 * node set plus pod anti-affinity on {@code kubernetes.io/hostname} and the hypervisor label. A topology
 * spread constraint bounds a skew, not a count, so "at most one per hypervisor" needs the required
 * anti-affinity on the hypervisor label. A move ({@link Move}) is an update of the node set, a cordon and an
 * eviction, after which the scheduler chooses; under hard spread the node set leaves it exactly one node,
 * so the planner's prediction is the scheduler's only choice.
 */
public final class FleetPlanner {
  /** The most tenants one call takes. */
  public static final int MAX_TENANTS = 100_000;

  /** The most workers one call takes (as {@link TwoLevelPlanner#MAX_WORKERS}). */
  public static final int MAX_WORKERS = TwoLevelPlanner.MAX_WORKERS;

  /** The most replicas, summed over the tenants, one call takes. */
  public static final long MAX_TOTAL_REPLICAS = 1_000_000;

  private FleetPlanner() {}

  /**
   * Plans the tenants on the workers from scratch.
   *
   * @param tenants the tenants, with unique names
   * @param workers the management workers, with unique names; each schedulable one with allocatable CPU
   *     and memory
   * @return the plan; when not every tenant fits, {@link FleetPlan#infeasibilities()} says why and what
   *     change makes it fit
   * @throws InvalidInputException for a null, a duplicate name, a schedulable worker without allocatable
   *     CPU or memory, or inputs beyond {@link #MAX_TENANTS}, {@link #MAX_WORKERS} or {@link #MAX_TOTAL_REPLICAS}
   */
  public static FleetPlan plan(List<TenantRequest> tenants, List<ManagementWorker> workers) {
    return plan(tenants, workers, FleetPlacement.of(Map.of()));
  }

  /**
   * Plans the tenants on the workers starting from the current placement: a plan keeping every replica
   * of it that still fits (on a known schedulable worker, within capacity and the hard spread) and placing
   * the rest is compared with a fresh plan, by the objectives in order (so moves decide only between plans
   * equal in the rest). Replicas of tenants not among {@code tenants}, and on workers not among
   * {@code workers}, are ignored.
   *
   * @param tenants the tenants, with unique names
   * @param workers the management workers
   * @param current where the replicas run now
   * @return the plan, {@link FleetPlan#movesFromCurrent()} counting the replicas it moves
   * @throws InvalidInputException as {@link #plan(List, List)}
   */
  public static FleetPlan plan(List<TenantRequest> tenants, List<ManagementWorker> workers, FleetPlacement current) {
    validate(tenants, workers);
    InvalidInputException.requireArgument(current, "current");
    Solved fresh = solve(tenants, workers, null);
    Solved chosen = fresh;
    List<String> reasons = new ArrayList<>();
    if (!current.replicas().isEmpty()) {
      Solved keep = solve(tenants, workers, current);
      int mf = moves(fresh.engine, current);
      int mk = moves(keep.engine, current);
      if (better(keep, mk, fresh, mf)) {
        chosen = keep;
        reasons.add("Kept the current placement where it fits (" + mk + " replicas placed anew) rather than planning "
            + "afresh (" + fresh.engine.workersUsed() + " workers, " + mf + " moves).");
      } else {
        reasons.add("Planned afresh: it beats keeping the current placement (" + keep.engine.workersUsed()
            + " workers, " + mk + " moves) on workers used or hypervisor load, which come before moves.");
      }
    }
    FleetEngine e = chosen.engine;
    List<FleetInfeasibility> inf = explain(e, chosen.failed, (changed, extra) -> {
      List<TenantRequest> ts = applyChanges(tenants, changed);
      List<ManagementWorker> ws = new ArrayList<>(workers);
      ws.addAll(extra);
      Solved s = solve(ts, ws, null);
      return names(s.engine, s.failed);
    });
    return build(e, chosen, inf, reasons, moves(e, current), workers);
  }

  /**
   * Adds tenants to a plan without moving any replica it placed: the new tenants' replicas go where the
   * placed ones leave room (and the plan's tenants it could not place are tried again).
   *
   * @param current the plan so far
   * @param added the new tenants, with names not in the plan
   * @return the plan of all tenants; existing replicas where they were
   * @throws InvalidInputException for a null, a name already planned, bounds as {@link #plan(List, List)}, or a
   *     plan whose placement breaks capacity or hard spread
   */
  public static FleetPlan add(FleetPlan current, List<TenantRequest> added) {
    InvalidInputException.requireArgument(current, "current");
    InvalidInputException.requireArgument(added, "added");
    requireSound(current);
    List<Problem> p = new ArrayList<>();
    Set<String> names = new HashSet<>();
    current.tenants().forEach(t -> names.add(t.name()));
    for (int i = 0; i < added.size(); i++) {
      TenantRequest t = added.get(i);
      if (t != null && names.contains(t.name())) {
        p.add(Problem.of("added[" + i + "].name", t.name(),
            "give a tenant not yet in the plan (to change a planned tenant, plan again with the current placement)"));
      }
    }
    InvalidInputException.throwIfAny(p);
    List<TenantRequest> all = new ArrayList<>(current.tenants());
    all.addAll(added);
    validate(all, current.workers());
    Solved s = addTo(current.placement(), current.tenants().size(), all, current.workers());
    List<FleetInfeasibility> inf = explain(s.engine, s.failed, (changed, extra) -> {
      List<TenantRequest> ts = applyChanges(all, changed);
      List<ManagementWorker> ws = new ArrayList<>(current.workers());
      ws.addAll(extra);
      Solved again = addTo(current.placement(), current.tenants().size(), ts, ws);
      return names(again.engine, again.failed);
    });
    List<String> reasons = new ArrayList<>();
    reasons.add("Added " + added.size() + " tenants around the " + current.tenants().size()
        + " planned ones; no existing replica moved.");
    return build(s.engine, s, inf, reasons, 0, current.workers());
  }

  /** The most violations a refusal of a plan lists. */
  private static final int MAX_LISTED_VIOLATIONS = 20;

  /**
   * Refuses a plan whose placement breaks capacity, hard spread or names unknown tenants or workers:
   * add, drain and rebalance promise that every step keeps every rule, which needs a start that keeps
   * them (a plan built by hand, or edited, may not). Tenants not fully placed (an infeasible plan) and
   * replicas on a worker cordoned since are states these operations start from, and pass.
   */
  private static void requireSound(FleetPlan current) {
    List<Problem> p = new ArrayList<>();
    List<FleetViolation> all = FleetVerifier.verify(current.tenants(), current.workers(), current.placement());
    int refused = 0;
    for (FleetViolation v : all) {
      if (v.kind() == FleetViolation.Kind.REPLICAS_MISSING || v.kind() == FleetViolation.Kind.UNSCHEDULABLE_WORKER) {
        continue;
      }
      if (refused++ < MAX_LISTED_VIOLATIONS) {
        p.add(Problem.of("current.placement", v.message(),
            "start from a plan FleetPlanner made, or plan again with this placement as the current one "
            + "(FleetPlanner.plan(tenants, workers, current)), which repairs it"));
      }
    }
    if (refused > MAX_LISTED_VIOLATIONS) {
      p.add(Problem.of("current.placement", (refused - MAX_LISTED_VIOLATIONS) + " more violations",
          "FleetVerifier.verify lists them all"));
    }
    InvalidInputException.throwIfAny(p);
  }

  private static Solved addTo(FleetPlacement placement, int existing, List<TenantRequest> all,
      List<ManagementWorker> workers) {
    FleetEngine e = new FleetEngine(all, workers);
    e.load(placement);
    List<Integer> which = new ArrayList<>();
    for (int t = 0; t < all.size(); t++) {
      if (t >= existing || !e.placed(t)) {
        which.add(t); // the new tenants, and planned ones that found no room before (placing them moves nothing)
      }
    }
    List<Integer> failed = e.greedy(which);
    settleLevels(e);
    return new Solved(e, failed, false);
  }

  /**
   * The moves that empty a hypervisor for maintenance: each replica on it moves once, to the worker (off
   * the hypervisor) that takes it best, the fullest used one first; where none has room, another replica
   * moves first to make room. After every prefix of the moves each tenant has all its replicas placed
   * within capacity and its hard spread, so the tenant stays at its availability; each move runs as
   * {@link Move} describes, one per tenant at a time, with the pod-level surge {@link TwoLevelPlanner}
   * chooses for the tenant on the workers left.
   *
   * @param current the plan
   * @param hypervisor the hypervisor to drain
   * @return the drain; {@link DrainPlan#unmovable()} names replicas no move could take off
   * @throws InvalidInputException when no worker runs on {@code hypervisor} (the fix lists the hypervisors), or
   *     the plan's placement breaks capacity or hard spread
   */
  public static DrainPlan drain(FleetPlan current, String hypervisor) {
    InvalidInputException.requireArgument(current, "current");
    InvalidInputException.requireArgument(hypervisor, "hypervisor");
    requireSound(current);
    FleetEngine e = new FleetEngine(current.tenants(), current.workers());
    int h = Arrays.asList(e.hvName).indexOf(hypervisor);
    if (h < 0) {
      throw new InvalidInputException(List.of(Problem.of("hypervisor", hypervisor,
          "name a hypervisor a worker of the plan runs on: " + String.join(", ", new TreeSet<>(Arrays.asList(e.hvName))))));
    }
    e.load(current.placement());
    e.ban(h);
    List<Integer> codes = new ArrayList<>();
    for (int w = 0; w < e.nw; w++) {
      if (e.wHv[w] == h) {
        for (int c : e.onWorker[w].toArray()) {
          codes.add(c);
        }
      }
    }
    double[] size = new double[e.nt];
    for (int c : codes) {
      int t = c / 1024;
      size[t] = Math.max(e.tCpu[t] / e.maxCpu, e.tMem[t] / e.maxMem);
    }
    codes.sort((a, b) -> {
      int c = Double.compare(size[b / 1024], size[a / 1024]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    List<FleetEngine.Step> steps = new ArrayList<>();
    List<String> unmovable = new ArrayList<>();
    long roomStop = e.work + FleetEngine.IMPROVE_WORK; // making room is bounded for the whole drain
    for (int c : codes) {
      int t = c / 1024;
      int j = c % 1024;
      int to = -1;
      for (int lvl = FleetEngine.LEVEL_STRICT; lvl <= (e.tHard[t] ? 0 : FleetEngine.LEVEL_ANY) && to < 0; lvl++) {
        to = e.bestTarget(t, j, lvl, -1, false);
      }
      if (to >= 0) {
        steps.add(new FleetEngine.Step(t, j, e.at[t][j], to, "leaves hypervisor " + hypervisor
            + (e.wCount[to] == 0 ? "; opens worker " + e.workers.get(to).name() : "")));
        e.move(t, j, to);
        continue;
      }
      if (!makeRoom(e, t, j, hypervisor, steps, roomStop)) {
        unmovable.add(e.tenants.get(t).name() + ": " + (e.tHard[t] && e.hfit(t) < e.tRep[t]
            ? "hard spread with " + e.tRep[t] + " replicas and only " + e.hfit(t) + " other hypervisors can take one; "
                + "add a worker on another hypervisor, or accept one replica Pending during the maintenance"
            : "no worker off " + hypervisor + " has room for it under its spread, even after moving one other "
                + "replica; add a worker"));
      }
    }
    List<ManagementWorker> after = new ArrayList<>();
    for (ManagementWorker w : current.workers()) {
      after.add(w.hypervisor().equals(hypervisor) && w.schedulable() ? w.toBuilder().schedulable(false).build() : w);
    }
    List<Move> moves = toMoves(e, steps, after);
    FleetEngine a = new FleetEngine(current.tenants(), after);
    a.load(e.placement());
    List<String> reasons = new ArrayList<>();
    reasons.add("Drained hypervisor " + hypervisor + ": " + moves.size() + " moves for " + codes.size()
        + " replicas on it" + (unmovable.isEmpty() ? "" : "; " + unmovable.size() + " could not move") + ".");
    FleetPlan afterPlan = build(a, new Solved(a, List.of(), false), List.of(), reasons, 0, after);
    return DrainPlan.builder().hypervisor(hypervisor).moves(moves).movesLowerBound(codes.size())
        .unmovable(unmovable).afterPlan(afterPlan).build();
  }

  /** Moves one other replica off a worker so that replica {@code j} of {@code t} fits there; both moves recorded. */
  private static boolean makeRoom(FleetEngine e, int t, int j, String hypervisor, List<FleetEngine.Step> steps,
      long stop) {
    int lvlT = e.tHard[t] ? 0 : FleetEngine.LEVEL_ANY;
    for (int w = 0; w < e.nw && e.work < stop; w++) {
      if (!e.wSched[w] || e.hvBanned[e.wHv[w]] || e.wCount[w] == 0) {
        continue;
      }
      for (int c2 : e.onWorker[w].toArray()) {
        int t2 = c2 / 1024;
        int j2 = c2 % 1024;
        if (t2 == t) {
          continue;
        }
        e.unassign(t2, j2);
        if (e.canPlace(t, w, lvlT, j)) {
          int lvl2 = e.tHard[t2] ? 0 : FleetEngine.LEVEL_ANY;
          int to2 = e.bestTarget(t2, j2, lvl2, w, false);
          if (to2 >= 0) {
            e.assign(t2, j2, to2);
            steps.add(new FleetEngine.Step(t2, j2, w, to2, "makes room on " + e.workers.get(w).name() + " for "
                + e.tenants.get(t).name()));
            int from = e.at[t][j];
            e.move(t, j, w);
            steps.add(new FleetEngine.Step(t, j, from, w, "leaves hypervisor " + hypervisor));
            return true;
          }
        }
        e.assign(t2, j2, w);
      }
    }
    return false;
  }

  /**
   * Moves that use fewer workers (emptying a used worker whose replicas all fit on the other used ones),
   * then take replicas off the hypervisor with the most (to used workers of hypervisors with at least two
   * fewer), never more than {@code moveBudget}; every prefix keeps each tenant
   * fully placed within capacity and its spread. Moves go only to workers already in use.
   *
   * @param current the plan
   * @param moveBudget the most moves, 0 or more
   * @return the rebalance
   * @throws InvalidInputException for a negative budget, or a plan whose placement breaks capacity or hard
   *     spread
   */
  public static RebalancePlan rebalance(FleetPlan current, int moveBudget) {
    InvalidInputException.requireArgument(current, "current");
    requireSound(current);
    if (moveBudget < 0) {
      throw new InvalidInputException(List.of(Problem.of("moveBudget", String.valueOf(moveBudget), "use 0 or more")));
    }
    FleetEngine e = new FleetEngine(current.tenants(), current.workers());
    e.load(current.placement());
    List<FleetEngine.Step> steps = new ArrayList<>();
    for (int round = 0; round < 4 && steps.size() < moveBudget; round++) {
      List<FleetEngine.Step> s = e.emptyWorkers(moveBudget - steps.size(), FleetEngine.IMPROVE_WORK / 4);
      steps.addAll(s);
      List<FleetEngine.Step> b = e.balance(moveBudget - steps.size(), FleetEngine.IMPROVE_WORK / 4);
      steps.addAll(b);
      if (s.isEmpty() && b.isEmpty()) {
        break;
      }
    }
    List<Move> moves = toMoves(e, steps, current.workers());
    List<String> reasons = new ArrayList<>();
    reasons.add("Rebalanced within " + moveBudget + " moves: " + moves.size() + " made.");
    FleetPlan after = build(e, new Solved(e, List.of(), current.workersUsedOptimal()), List.of(), reasons, 0,
        current.workers());
    return RebalancePlan.builder().moveBudget(moveBudget).moves(moves).before(current).afterPlan(after).build();
  }

  /** The placement after the moves, applied in order (a move's replica index selects the entry). */
  static FleetPlacement apply(FleetPlacement before, List<Move> moves) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    before.replicas().forEach((k, v) -> m.put(k, new ArrayList<>(v)));
    for (Move mv : moves) {
      m.get(mv.tenant()).set(mv.replica(), mv.toWorker());
    }
    return FleetPlacement.of(m);
  }

  // ---------------------------------------------------------------- internals

  private record Solved(FleetEngine engine, List<Integer> failed, boolean optimal) {}

  private interface Replanner {
    /** Plans with the tenants changed (null: removed) and workers added; the names left unplaced. */
    Set<String> unplaced(Map<String, TenantRequest> changed, List<ManagementWorker> extra);
  }

  private static Solved solve(List<TenantRequest> tenants, List<ManagementWorker> workers, FleetPlacement current) {
    FleetEngine e = new FleetEngine(tenants, workers);
    List<Integer> all = new ArrayList<>();
    for (int t = 0; t < e.nt; t++) {
      all.add(t);
    }
    if (current != null) {
      for (int t = 0; t < e.nt; t++) {
        int j = 0;
        for (String wn : current.workersOf(tenants.get(t).name())) {
          Integer w = e.workerIndex.get(wn);
          if (j < e.tRep[t] && w != null && e.canPlace(t, w, e.tHard[t] ? 0 : FleetEngine.LEVEL_ANY, -1)) {
            e.assign(t, j++, w);
          }
        }
      }
    }
    List<Integer> failed = e.greedy(all, current == null ? FleetEngine.PREOPEN_SPREAD : FleetEngine.PREOPEN_NONE);
    if (current == null && !failed.isEmpty()) {
      // the workers opened together left tenants out: try the first largest ones together, and opening them one
      // at a time, and keep the best
      for (int mode : new int[] {FleetEngine.PREOPEN_FIRST, FleetEngine.PREOPEN_NONE}) {
        FleetEngine other = new FleetEngine(tenants, workers);
        List<Integer> f = other.greedy(all, mode);
        if (better(new Solved(other, f, false), 0, new Solved(e, failed, false), 0)) {
          e = other;
          failed = f;
        }
      }
    }
    settleLevels(e);
    boolean optimal = false;
    boolean relaxed = relaxed(e);
    int lb = e.lowerBound(placedOf(e));
    if (current == null && e.small(all) && (!failed.isEmpty() || relaxed || e.workersUsed() > lb)) {
      boolean strictAll = failed.isEmpty() && !relaxed;
      int bound = strictAll ? e.workersUsed() : e.nw + 1;
      boolean complete = e.exact(all, bound);
      boolean placedAll = all.stream().allMatch(e::placed) && !relaxed(e);
      if (placedAll) {
        failed = List.of();
      }
      optimal = complete && (placedAll || strictAll);
    }
    if (!optimal && e.workersUsed() > e.lowerBound(placedOf(e)) && current == null) {
      e.emptyWorkers(Integer.MAX_VALUE, FleetEngine.IMPROVE_WORK / 8);
    }
    if (current == null) {
      e.balance(Integer.MAX_VALUE, FleetEngine.IMPROVE_WORK / 2, true);
    }
    optimal |= e.workersUsed() == e.lowerBound(placedOf(e));
    return new Solved(e, failed, optimal);
  }

  private static void settleLevels(FleetEngine e) {
    for (int t = 0; t < e.nt; t++) {
      if (e.placed(t)) {
        e.level[t] = e.levelOf(t);
      }
    }
  }

  private static boolean relaxed(FleetEngine e) {
    for (int t = 0; t < e.nt; t++) {
      if (e.placed(t) && e.level[t] > 0) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> placedOf(FleetEngine e) {
    List<Integer> p = new ArrayList<>();
    for (int t = 0; t < e.nt; t++) {
      if (e.placed(t)) {
        p.add(t);
      }
    }
    return p;
  }

  private static boolean better(Solved a, int movesA, Solved b, int movesB) {
    int c = Integer.compare(a.failed.size(), b.failed.size());
    if (c == 0) {
      c = Integer.compare(a.engine.workersUsed(), b.engine.workersUsed());
    }
    if (c == 0) {
      c = Integer.compare(a.engine.maxHvCount(), b.engine.maxHvCount());
    }
    if (c == 0) {
      c = Double.compare(a.engine.maxHvLoad(), b.engine.maxHvLoad());
    }
    if (c == 0) {
      c = Integer.compare(movesA, movesB);
    }
    return c < 0;
  }

  /** Replicas on a worker their tenant did not have in {@code current} (counting repeats). */
  private static int moves(FleetEngine e, FleetPlacement current) {
    int n = 0;
    for (int t = 0; t < e.nt; t++) {
      Map<String, Integer> had = new HashMap<>();
      for (String w : current.workersOf(e.tenants.get(t).name())) {
        had.merge(w, 1, Integer::sum);
      }
      for (int j = 0; j < e.tRep[t]; j++) {
        if (e.at[t][j] < 0) {
          continue;
        }
        String w = e.workers.get(e.at[t][j]).name();
        Integer k = had.get(w);
        if (k != null && k > 0) {
          had.put(w, k - 1);
        } else {
          n++;
        }
      }
    }
    return current.replicas().isEmpty() ? 0 : n;
  }

  private static Set<String> names(FleetEngine e, List<Integer> ts) {
    Set<String> s = new HashSet<>();
    for (int t : ts) {
      s.add(e.tenants.get(t).name());
    }
    return s;
  }

  private static List<TenantRequest> applyChanges(List<TenantRequest> tenants, Map<String, TenantRequest> changed) {
    List<TenantRequest> out = new ArrayList<>(tenants.size());
    for (TenantRequest t : tenants) {
      if (changed.containsKey(t.name())) {
        TenantRequest c = changed.get(t.name());
        if (c != null) {
          out.add(c);
        }
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Pod-level maxSurge as {@link TwoLevelPlanner#plan} chooses it for the tenant on the engine's workers left:
   * computed here where its rules are one per hypervisor (hard spread, enough hypervisors) or preferences only
   * (soft), asked of it where it falls back to a spread constraint.
   */
  static int surge(FleetEngine e, int t, List<ManagementWorker> workersLeft) {
    int r = e.tRep[t];
    long slots;
    if (e.tHard[t] && e.hfit(t) < r) {
      TenantPlacementPlan p = TwoLevelPlanner.plan(e.tenants.get(t), workersLeft);
      IntOrPercent s = p.strategy().maxSurge().orElseThrow();
      return s.percent() ? (int) ((r * (long) s.value() + 99) / 100) : s.value();
    }
    if (e.tHard[t]) {
      slots = e.hfit(t);
    } else {
      slots = 0;
      for (int w = 0; w < e.nw; w++) {
        if (!e.wSched[w] || e.hvBanned[e.wHv[w]]) {
          continue;
        }
        long c = Integer.MAX_VALUE;
        if (e.tCpu[t] > 0) {
          c = Math.min(c, e.wCpu[w] / e.tCpu[t]);
        }
        if (e.tMem[t] > 0) {
          c = Math.min(c, e.wMem[w] / e.tMem[t]);
        }
        slots = Math.min(Integer.MAX_VALUE, slots + c);
      }
    }
    long free = slots - r;
    return (int) Math.max(0, Math.min(r, free));
  }

  private static List<Move> toMoves(FleetEngine e, List<FleetEngine.Step> steps, List<ManagementWorker> workersLeft) {
    FleetEngine left = new FleetEngine(e.tenants, workersLeft);
    for (int b = 0; b < e.nh; b++) {
      if (e.hvBanned[b]) {
        left.ban(Arrays.asList(left.hvName).indexOf(e.hvName[b]));
      }
    }
    Map<Integer, Integer> surges = new HashMap<>();
    List<Move> out = new ArrayList<>(steps.size());
    for (FleetEngine.Step s : steps) {
      int surge = surges.computeIfAbsent(s.t(), t -> surge(left, t, workersLeft));
      out.add(Move.builder().tenant(e.tenants.get(s.t()).name()).replica(s.j()).fromWorker(e.workers.get(s.from()).name())
          .toWorker(e.workers.get(s.to()).name()).surge(surge).why(s.why()).build());
    }
    return out;
  }

  private static FleetPlan build(FleetEngine e, Solved s, List<FleetInfeasibility> inf, List<String> extraReasons,
      int moves, List<ManagementWorker> workers) {
    List<String> reasons = new ArrayList<>(extraReasons);
    List<Integer> placed = placedOf(e);
    int lb = e.lowerBound(placed);
    int used = e.workersUsed();
    long hard = placed.stream().filter(t -> e.tHard[t]).count();
    reasons.add(used + " workers used; no placement of the " + placed.size() + " placed tenants needs fewer than " + lb
        + " (the largest workers' allocatable must cover the requests, and a hard-spread tenant needs a worker per replica)"
        + (s.optimal || used == lb ? "; proved fewest." : "."));
    if (hard > 0) {
      reasons.add(hard + " hard-spread tenants: at most one replica per worker and per hypervisor (scs-0214's spread "
          + "over physical machines); enforce with required pod anti-affinity on kubernetes.io/hostname and the "
          + "hypervisor label plus a node affinity to the planned workers (FleetPlan.podFields).");
    }
    List<String> relaxedNames = new ArrayList<>();
    for (int t : placed) {
      if (!e.tHard[t] && e.level[t] > 0) {
        relaxedNames.add(e.tenants.get(t).name() + (e.level[t] == FleetEngine.LEVEL_EVEN ? " (two on a worker)"
            : " (uneven over hypervisors)"));
      }
    }
    if (!relaxedNames.isEmpty()) {
      reasons.add("Soft spread relaxed where the capacity left no even placement: "
          + String.join(", ", relaxedNames.subList(0, Math.min(20, relaxedNames.size())))
          + (relaxedNames.size() > 20 ? " and " + (relaxedNames.size() - 20) + " more" : "") + ".");
    }
    return FleetPlan.builder().tenants(e.tenants).workers(workers).placement(e.placement()).workersUsed(used)
        .workersLowerBound(lb).workersUsedOptimal(s.optimal || used == lb).maxHypervisorLoad(e.maxHvLoad())
        .maxHypervisorReplicas(e.maxHvCount()).movesFromCurrent(moves).infeasibilities(inf).reasons(reasons).build();
  }

  // ---------------------------------------------------------------- infeasibility

  private static List<FleetInfeasibility> explain(FleetEngine e, List<Integer> failed, Replanner replanner) {
    if (failed.isEmpty()) {
      return List.of();
    }
    Set<String> usedNames = new HashSet<>(e.workerIndex.keySet());
    Set<String> usedHv = new HashSet<>(Arrays.asList(e.hvName));
    int[] counter = {0};
    int largest = -1;
    for (int w = 0; w < e.nw; w++) {
      if (e.wSched[w] && (largest < 0 || e.capacityScore(w) > e.capacityScore(largest))) {
        largest = w;
      }
    }
    long tplCpu = largest < 0 ? 0 : e.wCpu[largest];
    long tplMem = largest < 0 ? 0 : e.wMem[largest];
    Map<Integer, FleetConstraint> constraint = new LinkedHashMap<>();
    Map<Integer, String> detail = new HashMap<>();
    Map<Integer, String> change = new HashMap<>();
    Map<String, TenantRequest> changed = new LinkedHashMap<>();
    Map<Integer, List<ManagementWorker>> ownWorkers = new HashMap<>();
    List<Integer> capacity = new ArrayList<>();
    for (int t : failed) {
      TenantRequest req = e.tenants.get(t);
      int r = e.tRep[t];
      boolean anyFit = false;
      for (int w = 0; w < e.nw && !anyFit; w++) {
        anyFit = e.fitsEmpty(t, w);
      }
      int hf = e.hfit(t);
      String size = e.tCpu[t] + "m CPU and " + e.tMem[t] + " MiB";
      if (!anyFit) {
        constraint.put(t, FleetConstraint.REPLICA_SIZE);
        detail.put(t, "one replica requests " + size + "; no schedulable worker has that much allocatable (the largest: "
            + tplCpu + "m, " + tplMem + " MiB)");
        List<ManagementWorker> add = newWorkers(r, Math.max(e.tCpu[t], 1), Math.max(e.tMem[t], 1), usedNames, usedHv, counter);
        ownWorkers.put(t, add);
        change.put(t, "add " + r + " workers with at least " + size + " allocatable, each on a hypervisor of its own");
      } else if (e.tHard[t] && r > hf) {
        constraint.put(t, FleetConstraint.HYPERVISORS);
        detail.put(t, r + " replicas with hard spread (one per hypervisor), but only " + hf
            + " hypervisors have a schedulable worker that can take one");
        if (hf >= 2) {
          changed.put(req.name(), req.toBuilder().replicas(hf).build());
          change.put(t, "set replicas to " + hf + " (one per hypervisor that can take one)");
        } else {
          List<ManagementWorker> add = newWorkers(r - hf, Math.max(tplCpu, e.tCpu[t]), Math.max(tplMem, e.tMem[t]),
              usedNames, usedHv, counter);
          ownWorkers.put(t, add);
          change.put(t, "add " + (r - hf) + " workers like the largest one, each on a hypervisor of its own");
        }
      } else {
        constraint.put(t, FleetConstraint.CAPACITY);
        detail.put(t, r + " replicas of " + size + " each, " + (e.tHard[t] ? "hard" : "soft")
            + " spread: the workers have no room left for them (larger tenants were placed first)");
        capacity.add(t);
      }
    }
    int k0 = 0;
    long cpu = 0;
    long mem = 0;
    for (int t : capacity) {
      k0 = Math.max(k0, e.tHard[t] ? e.tRep[t] : 1);
      cpu += e.tCpu[t] * e.tRep[t];
      mem += e.tMem[t] * e.tRep[t];
    }
    if (!capacity.isEmpty()) {
      k0 = (int) Math.max(k0, Math.max(ceil(cpu, Math.max(tplCpu, 1)), ceil(mem, Math.max(tplMem, 1))));
    }
    Set<String> removed = new HashSet<>();
    List<ManagementWorker> capWorkers = List.of();
    boolean ok = false;
    int k = k0;
    for (int round = 0; round < 5 && !ok; round++) {
      capWorkers = capacity.isEmpty() ? List.of() : newWorkers(k, tplCpu, tplMem, usedNames, usedHv, counter);
      List<ManagementWorker> extra = new ArrayList<>();
      Map<String, TenantRequest> ch = new HashMap<>(changed);
      for (int t : failed) {
        String n = e.tenants.get(t).name();
        if (removed.contains(n)) {
          ch.put(n, null);
        } else if (ownWorkers.containsKey(t)) {
          extra.addAll(ownWorkers.get(t));
        }
      }
      extra.addAll(capWorkers);
      Set<String> left = replanner.unplaced(ch, extra);
      ok = left.isEmpty();
      if (!ok) {
        k = Math.max(1, k) * 2;
        if (round >= 1) {
          for (int t : failed) {
            String n = e.tenants.get(t).name();
            if (left.contains(n) || round >= 3) {
              removed.add(n);
            }
          }
        }
      }
    }
    List<FleetInfeasibility> out = new ArrayList<>();
    for (int t : failed) {
      TenantRequest req = e.tenants.get(t);
      FleetInfeasibility.Builder b = FleetInfeasibility.builder().tenant(req.name()).constraint(constraint.get(t))
          .detail(detail.get(t)).checked(ok);
      if (removed.contains(req.name())) {
        b.change("plan this tenant on another management cluster: no smaller change was found to fit").removesTenant(true);
      } else if (constraint.get(t) == FleetConstraint.CAPACITY) {
        b.change("add " + capWorkers.size() + " workers with " + tplCpu + "m CPU and " + tplMem
            + " MiB allocatable (like the largest), each on a hypervisor of its own; these serve every tenant limited by "
            + "capacity").addedWorkers(capWorkers);
      } else {
        b.change(change.get(t));
        if (changed.containsKey(req.name())) {
          b.changedTenant(changed.get(req.name()));
        }
        if (ownWorkers.containsKey(t)) {
          b.addedWorkers(ownWorkers.get(t));
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  private static List<ManagementWorker> newWorkers(int n, long cpu, long mem, Set<String> names, Set<String> hvs,
      int[] counter) {
    List<ManagementWorker> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name;
      String hv;
      do {
        counter[0]++;
        name = "added-worker-" + counter[0];
        hv = "added-hypervisor-" + counter[0];
      } while (names.contains(name) || hvs.contains(hv));
      names.add(name);
      hvs.add(hv);
      String fn = name;
      String fh = hv;
      out.add(ManagementWorker.of(w -> w.name(fn).hypervisor(fh).allocatableMillicores(cpu).allocatableMemoryMiB(mem)));
    }
    return out;
  }

  // ---------------------------------------------------------------- validation

  private static void validate(List<TenantRequest> tenants, List<ManagementWorker> workers) {
    InvalidInputException.requireArgument(tenants, "tenants");
    InvalidInputException.requireArgument(workers, "workers");
    List<Problem> p = new ArrayList<>();
    if (tenants.size() > MAX_TENANTS) {
      p.add(Problem.of("tenants", tenants.size() + " tenants", "plan at most " + MAX_TENANTS + " tenants per call"));
    }
    if (workers.size() > MAX_WORKERS) {
      p.add(Problem.of("workers", workers.size() + " workers", "plan at most " + MAX_WORKERS + " workers per call"));
    }
    InvalidInputException.throwIfAny(p);
    Set<String> names = new HashSet<>();
    long replicas = 0;
    for (int i = 0; i < tenants.size(); i++) {
      TenantRequest t = tenants.get(i);
      if (t == null) {
        p.add(Problem.of("tenants[" + i + "]", "null", "remove the null element"));
      } else {
        replicas += t.replicas();
        if (!names.add(t.name())) {
          p.add(Problem.of("tenants[" + i + "].name", t.name(), "give each tenant once (names are unique)"));
        }
      }
    }
    if (replicas > MAX_TOTAL_REPLICAS) {
      p.add(Problem.of("tenants", replicas + " replicas in all", "plan at most " + MAX_TOTAL_REPLICAS + " replicas per call"));
    }
    Set<String> wn = new HashSet<>();
    for (int i = 0; i < workers.size(); i++) {
      ManagementWorker w = workers.get(i);
      if (w == null) {
        p.add(Problem.of("workers[" + i + "]", "null", "remove the null element"));
        continue;
      }
      if (!wn.add(w.name())) {
        p.add(Problem.of("workers[" + i + "].name", w.name(), "give each worker once (node names are unique)"));
      }
      if (w.schedulable() && w.allocatableMillicores().isEmpty()) {
        p.add(Problem.of("workers[" + i + "].allocatableMillicores", Problem.MISSING + " (worker " + w.name() + ")",
            "give the node's allocatable CPU in millicores (status.allocatable.cpu): the fleet planner packs replicas "
                + "by it; or mark the worker unschedulable"));
      }
      if (w.schedulable() && w.allocatableMemoryMiB().isEmpty()) {
        p.add(Problem.of("workers[" + i + "].allocatableMemoryMiB", Problem.MISSING + " (worker " + w.name() + ")",
            "give the node's allocatable memory in MiB (status.allocatable.memory): the fleet planner packs replicas "
                + "by it; or mark the worker unschedulable"));
      }
    }
    InvalidInputException.throwIfAny(p);
  }
}
