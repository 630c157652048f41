package io.clusterstacks.benchmarks.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet benchmark of issue 14 (a program, not a timed test): on the same seeded instances in one
 * run, our fleet planner (when it is on the class path), the Kubernetes v1.20 scheduler simulation and
 * Timefold. Per instance and solver: feasible (the benchmark's own {@link PlacementChecker}), workers
 * used, maximum replicas on a hypervisor, moves to drain that solver's busiest hypervisor, wall time,
 * allocation and heap peak, against the {@link LowerBounds}. Timefold gets {@code max(factor x our
 * planner's time, min seconds)} per instance after a warm-up solve.
 *
 * <p>Run (the documented figures use the defaults; {@code --timefold-min-seconds 2 --sizes 0-2} is the
 * quick run):
 *
 * <pre>{@code
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
 *     io.clusterstacks.benchmarks.fleet.FleetBenchmark [--sizes 0-4] [--seed 14] [--soft-share 0.2] \
 *     [--timefold-min-seconds 30] [--timefold-factor 10] [--warmup-seconds 10] [--out target/fleet-benchmark]
 * }</pre>
 *
 * Writes {@code results.csv}, {@code results.md} and {@code fleet-benchmark.svg} into the output folder.
 */
public final class FleetBenchmark {

  /** One row of the results. */
  record Row(FleetInstance instance, LowerBounds bounds, String solver, boolean feasible, boolean complete,
      int violations, int workersUsed, int maxHypervisorLoad, String drainedHypervisor, int drainMoves,
      boolean drainFeasible, long nanos, long allocatedBytes, long peakHeapBytes, String note) {}

  private FleetBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws IOException when the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> opt = options(args);
    int[] sizes = range(opt.getOrDefault("sizes", "0-" + (InstanceGenerator.SIZES.length - 1)));
    long seed = Long.parseLong(opt.getOrDefault("seed", "14"));
    double softShare = Double.parseDouble(opt.getOrDefault("soft-share", "0.2"));
    double minSeconds = Double.parseDouble(opt.getOrDefault("timefold-min-seconds", "30"));
    double factor = Double.parseDouble(opt.getOrDefault("timefold-factor", "10"));
    double warmup = Double.parseDouble(opt.getOrDefault("warmup-seconds", "10"));
    Path out = Path.of(opt.getOrDefault("out", "target/fleet-benchmark"));
    Files.createDirectories(out);

    List<FleetSolver> ours = OurPlanner.ifPresent();
    SchedulerSimulation scheduler = new SchedulerSimulation(seed);
    TimefoldPeer timefold = new TimefoldPeer(Duration.ofMillis((long) (warmup * 1000)), seed);
    System.out.printf(Locale.ROOT, "fleet benchmark %s: sizes %s, seed %d, soft share %.2f, Timefold max(%.0fx ours,"
        + " %.1f s), our planner %s%n", Instant.now(), Arrays.toString(sizes), seed, softShare, factor, minSeconds,
        ours.isEmpty() ? "absent" : "present");

    // warm-up: every solver once on a mid-sized instance, results discarded
    FleetInstance warm = InstanceGenerator.generate(spec(1, InstanceGenerator.Capacity.LOOSE,
        InstanceGenerator.Mapping.EVEN, softShare), seed + 1);
    for (FleetSolver s : ours) {
      for (int i = 0; i < 20; i++) {
        s.place(warm);
      }
    }
    for (int i = 0; i < 5; i++) {
      scheduler.place(warm);
    }
    timefold.place(warm);

    List<Row> rows = new ArrayList<>();
    for (int size : sizes) {
      for (InstanceGenerator.Capacity cap : InstanceGenerator.Capacity.values()) {
        for (InstanceGenerator.Mapping map : InstanceGenerator.Mapping.values()) {
          FleetInstance inst = InstanceGenerator.generate(spec(size, cap, map, softShare), seed);
          LowerBounds lb = LowerBounds.of(inst);
          long ourNanos = 0;
          for (FleetSolver s : ours) {
            Row r = run(s, inst, lb);
            ourNanos = r.nanos();
            rows.add(print(r));
          }
          rows.add(print(run(scheduler, inst, lb)));
          long budgetMillis = Math.max((long) (factor * ourNanos / 1_000_000), (long) (minSeconds * 1000));
          timefold.budget(Duration.ofMillis(budgetMillis));
          rows.add(print(run(timefold, inst, lb)));
        }
      }
    }
    Files.writeString(out.resolve("results.csv"), csv(rows));
    Files.writeString(out.resolve("results.md"), markdown(rows));
    Files.writeString(out.resolve("fleet-benchmark.svg"), FleetPlot.svg(rows));
    System.out.println();
    System.out.print(markdown(rows));
    System.out.println("wrote " + out.toAbsolutePath());
  }

  static InstanceGenerator.Spec spec(int size, InstanceGenerator.Capacity cap, InstanceGenerator.Mapping map,
      double softShare) {
    int[] s = InstanceGenerator.SIZES[size];
    return new InstanceGenerator.Spec(s[0], s[1], s[2], cap, map, softShare);
  }

  /** Places, checks and drains with one solver. */
  static Row run(FleetSolver s, FleetInstance inst, LowerBounds lb) {
    Measured<FleetSolver.Outcome> m = Measured.of(() -> s.place(inst));
    FleetSolver.Outcome o = m.value();
    List<String> v = PlacementChecker.check(inst, o.placement());
    boolean feasible = v.isEmpty();
    String hv = "";
    int moves = -1;
    boolean drainOk = false;
    String note = o.note();
    if (feasible) {
      hv = PlacementChecker.busiestHypervisor(inst, o.placement());
      FleetSolver.Outcome d = s.drain(inst, o.placement(), hv);
      List<String> dv = PlacementChecker.check(inst, d.placement());
      String drained = hv;
      Map<String, String> hvOf = inst.hypervisorOf();
      boolean off = d.placement().values().stream().flatMap(List::stream).noneMatch(w -> drained.equals(hvOf.get(w)));
      drainOk = d.complete() && dv.isEmpty() && off;
      moves = d.moves() >= 0 ? d.moves() : FleetSolver.moves(o.placement(), d.placement());
      if (!drainOk) {
        note += "; drain: " + d.note() + (dv.isEmpty() ? "" : ", " + dv.get(0)) + (off ? "" : ", replicas left");
      }
    } else {
      note += "; " + v.size() + " violations, first: " + v.get(0);
    }
    return new Row(inst, lb, s.name(), feasible, o.complete(), v.size(), PlacementChecker.workersUsed(o.placement()),
        PlacementChecker.maxHypervisorLoad(inst, o.placement()), hv, moves, drainOk, m.nanos(), m.allocatedBytes(),
        m.peakHeapBytes(), note);
  }

  private static Row print(Row r) {
    System.out.printf(Locale.ROOT, "%-32s %-16s feasible=%-5s workers=%d (lb %d) maxHv=%d (lb %d) drain=%s "
        + "time=%.1f ms alloc=%.1f MiB peak=%.1f MiB  %s%n", r.instance().name(), r.solver(), r.feasible(),
        r.workersUsed(), r.bounds().workers(), r.maxHypervisorLoad(), r.bounds().hypervisorLoad(),
        r.drainMoves() < 0 ? "-" : r.drainMoves() + (r.drainFeasible() ? "" : "!"), r.nanos() / 1e6,
        r.allocatedBytes() / 1048576.0, r.peakHeapBytes() / 1048576.0, r.note());
    return r;
  }

  static String csv(List<Row> rows) {
    StringBuilder b = new StringBuilder("instance,seed,tenants,replicas,workers,hypervisors,capacity,mapping,solver,"
        + "feasible,complete,violations,workers_used,lb_workers,lb_cpu,lb_memory,lb_spread,max_hypervisor_load,"
        + "lb_hypervisor_load,drained_hypervisor,drain_moves,drain_feasible,time_ms,allocated_mib,peak_heap_mib,note\n");
    for (Row r : rows) {
      FleetInstance i = r.instance();
      LowerBounds lb = r.bounds();
      b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%s,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%s,%d,%s,%.3f,%.2f,"
          + "%.2f,\"%s\"%n", i.name(), i.seed(), i.tenants().size(), i.replicaCount(), i.workers().size(),
          i.hypervisors().size(), i.spec().capacity(), i.spec().mapping(), r.solver(), r.feasible(), r.complete(),
          r.violations(), r.workersUsed(), lb.workers(), lb.cpu(), lb.memory(), lb.spread(), r.maxHypervisorLoad(),
          lb.hypervisorLoad(), r.drainedHypervisor(), r.drainMoves(), r.drainFeasible(), r.nanos() / 1e6,
          r.allocatedBytes() / 1048576.0, r.peakHeapBytes() / 1048576.0, r.note().replace("\"", "'")));
    }
    return b.toString();
  }

  static String markdown(List<Row> rows) {
    StringBuilder b = new StringBuilder();
    b.append("| instance | solver | feasible | workers used (lb) | max hv load (lb) | drain moves | time ms |"
        + " alloc MiB | peak MiB |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %.1f | %.1f |%n", r.instance().name(),
          r.solver(), r.feasible() ? "yes" : r.complete() ? "no" : "no (incomplete)",
          r.feasible() ? r.workersUsed() + " (" + r.bounds().workers() + ")" : "- (" + r.bounds().workers() + ")",
          r.feasible() ? r.maxHypervisorLoad() + " (" + r.bounds().hypervisorLoad() + ")" : "-",
          r.drainMoves() < 0 ? "-" : r.drainMoves() + (r.drainFeasible() ? "" : " (failed)"), r.nanos() / 1e6,
          r.allocatedBytes() / 1048576.0, r.peakHeapBytes() / 1048576.0));
    }
    return b.toString();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }

  private static int[] range(String s) {
    String[] p = s.split("-");
    int from = Integer.parseInt(p[0]);
    int to = p.length > 1 ? Integer.parseInt(p[1]) : from;
    int[] r = new int[to - from + 1];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
