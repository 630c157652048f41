package io.clusterstacks.benchmarks.fleet;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Timefold Solver community edition 1.20.0 as the fleet benchmark's metaheuristic peer: the domain of
 * {@link TfSolution}, the constraints of {@link TfConstraints}, Timefold's default phases (a construction
 * heuristic, then late-acceptance local search) on one thread with a fixed random seed, stopped by a
 * spent-time limit. When the limit strikes before construction has finished, the best solution leaves
 * replicas unassigned: {@link Outcome#complete()} is then false and the note shows the score's
 * {@code init} part.
 */
public final class TimefoldPeer implements FleetSolver {

  private volatile Duration budget;
  private final long seed;

  /**
   * A peer with a time budget per solve.
   *
   * @param budget the spent-time limit of each solve
   * @param seed Timefold's random seed
   */
  public TimefoldPeer(Duration budget, long seed) {
    this.budget = budget;
    this.seed = seed;
  }

  /**
   * Changes the budget of the next solves (the benchmark gives Timefold a multiple of our planner's time).
   *
   * @param budget the spent-time limit
   */
  public void budget(Duration budget) {
    this.budget = budget;
  }

  /** @return the current budget */
  public Duration budget() {
    return budget;
  }

  @Override
  public String name() {
    return "timefold-1.20";
  }

  @Override
  public Outcome place(FleetInstance instance) {
    Model m = new Model(instance, null);
    return m.solve(TfConstraints.class);
  }

  @Override
  public Outcome drain(FleetInstance instance, Map<String, List<String>> placement, String hypervisor) {
    Model m = new Model(instance, hypervisor);
    m.start(placement);
    Outcome o = m.solve(TfConstraints.Drain.class);
    return new Outcome(o.placement(), o.complete(), o.note(), FleetSolver.moves(placement, o.placement()));
  }

  private final class Model {
    final FleetInstance instance;
    final List<TfWorker> all = new ArrayList<>();
    final List<TfWorker> allowed = new ArrayList<>();
    final List<TfReplica> replicas = new ArrayList<>();
    final Map<String, List<TfReplica>> byTenant = new HashMap<>();

    Model(FleetInstance instance, String drained) {
      this.instance = instance;
      Map<String, Integer> hv = new HashMap<>();
      List<ManagementWorker> ws = instance.workers();
      for (int i = 0; i < ws.size(); i++) {
        ManagementWorker w = ws.get(i);
        TfWorker tw = new TfWorker(i, w.name(), hv.computeIfAbsent(w.hypervisor(), k -> hv.size()),
            capacity(w, ManagementWorker::allocatableMillicores), capacity(w, ManagementWorker::allocatableMemoryMiB));
        all.add(tw);
        if (w.schedulable() && !w.hypervisor().equals(drained)) {
          allowed.add(tw);
        }
      }
      long id = 0;
      List<TenantRequest> ts = instance.tenants();
      for (int t = 0; t < ts.size(); t++) {
        TenantRequest tr = ts.get(t);
        List<TfReplica> mine = new ArrayList<>();
        for (int r = 0; r < tr.replicas(); r++) {
          TfReplica rep = new TfReplica(id++, t, tr.spread() == Spread.HARD, (int) tr.cpuMillicores().orElse(0),
              (int) tr.memoryMiB().orElse(0));
          replicas.add(rep);
          mine.add(rep);
        }
        byTenant.put(tr.name(), mine);
      }
    }

    private static int capacity(ManagementWorker w, java.util.function.Function<ManagementWorker,
        java.util.OptionalLong> f) {
      return (int) Math.min(Integer.MAX_VALUE / 4, f.apply(w).orElse(Integer.MAX_VALUE / 4));
    }

    /** Starts from a placement: replicas keep their worker unless it is drained (then unassigned). */
    void start(Map<String, List<String>> placement) {
      Map<String, TfWorker> byName = new HashMap<>();
      all.forEach(w -> byName.put(w.getName(), w));
      java.util.Set<TfWorker> ok = new java.util.HashSet<>(allowed);
      for (TenantRequest t : instance.tenants()) {
        List<String> ws = placement.getOrDefault(t.name(), List.of());
        List<TfReplica> mine = byTenant.get(t.name());
        for (int i = 0; i < mine.size() && i < ws.size(); i++) {
          TfWorker w = byName.get(ws.get(i));
          mine.get(i).setOriginal(w);
          mine.get(i).setWorker(ok.contains(w) ? w : null);
        }
      }
    }

    Outcome solve(Class<? extends TfConstraints> constraints) {
      SolverConfig cfg = new SolverConfig()
          .withSolutionClass(TfSolution.class)
          .withEntityClasses(TfReplica.class)
          .withConstraintProviderClass(constraints)
          .withRandomSeed(seed)
          .withTerminationSpentLimit(budget);
      Solver<TfSolution> solver = SolverFactory.<TfSolution>create(cfg).buildSolver();
      TfSolution best = solver.solve(new TfSolution(allowed, replicas));
      Map<Long, TfWorker> assigned = new HashMap<>();
      best.getReplicas().forEach(r -> assigned.put(r.getId(), r.getWorker()));
      Map<String, List<String>> placement = new LinkedHashMap<>();
      int unassigned = 0;
      for (TenantRequest t : instance.tenants()) {
        List<String> ws = new ArrayList<>();
        for (TfReplica r : byTenant.get(t.name())) {
          TfWorker w = assigned.get(r.getId());
          if (w == null) {
            unassigned++;
          } else {
            ws.add(w.getName());
          }
        }
        placement.put(t.name(), ws);
      }
      BendableLongScore s = best.getScore();
      boolean initialised = s != null && s.initScore() == 0 && unassigned == 0;
      return new Outcome(placement, initialised, "score " + s + (initialised ? "" : ", construction unfinished"), -1);
    }
  }

}
