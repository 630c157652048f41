package io.clusterstacks.kamaji.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Prints the time and peak heap of planning 10,000 tenants (up to 3 replicas, mostly 3) on 1,000 workers over
 * 100 hypervisors. Not a test (no timed assertions); run it as {@code docs/kamaji.md} says.
 */
public final class FleetScaleMain {
  private FleetScaleMain() {}

  public static void main(String[] args) {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int hvs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    for (boolean tight : new boolean[] {false, true}) {
      for (int run = 0; run < 3; run++) {
        FleetInstances in = FleetInstances.generate(42 + run, tenants, workers, hvs, 3, tight, false, 0.2);
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
          p.resetPeakUsage();
        }
        long used0 = heapUsed();
        long t0 = System.nanoTime();
        FleetPlan plan = FleetPlanner.plan(in.tenants(), in.workers());
        long t1 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
          if (p.getType() == MemoryType.HEAP) {
            peak += p.getPeakUsage().getUsed();
          }
        }
        int violations = FleetVerifier.verify(in.tenants(), in.workers(), plan.placement()).size();
        long t2 = System.nanoTime();
        DrainPlan d = FleetPlanner.drain(plan, "hv0");
        long t3 = System.nanoTime();
        int replicas = in.tenants().stream().mapToInt(t -> t.replicas()).sum();
        System.out.printf("%s run %d: %d tenants, %d replicas, %d workers, %d hypervisors: plan %d ms, peak heap %d MiB "
                + "(before %d MiB); feasible %s, workers used %d, lower bound %d, max hypervisor load %s; violations %d; "
                + "drain hv0 %d ms, %d moves (lower bound %d)%n",
            tight ? "tight" : "loose", run, tenants, replicas, workers, hvs, (t1 - t0) / 1_000_000, peak >> 20, used0 >> 20,
            plan.feasible(), plan.workersUsed(), plan.workersLowerBound(), FleetPlan.percent(plan.maxHypervisorLoad()),
            violations, (t3 - t2) / 1_000_000, d.moves().size(), d.movesLowerBound());
      }
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
