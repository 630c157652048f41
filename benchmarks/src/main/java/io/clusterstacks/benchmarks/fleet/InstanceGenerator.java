package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded fleets from 10 tenants on 6 workers on 3 hypervisors up to 10,000 tenants on 1,000 workers on
 * 100 hypervisors. The same spec and seed give the same instance (equal lists of equal values) on every
 * machine: one {@link SplittableRandom} drawn in a fixed order.
 *
 * <p>Tenants: 80 % with 3 replicas, 10 % with 2, 10 % with 5 (never more than the hypervisors when hard);
 * a size class 0 to 3 with weights 40/30/20/10 % gives 250, 500, 1,000 or 2,000 millicores per replica,
 * and memory 512 MiB shifted by the size class plus or minus one (so CPU and memory are not
 * proportional); {@link Spec#softShare()} of the tenants ask for soft spread, the rest for hard.
 *
 * <p>Workers: all alike, sized so that the replicas fill {@link Capacity#utilisation()} of the fleet's
 * CPU and of its memory (rounded up to whole cores and GiB, never less than the largest replica).
 * Hypervisors: {@link Mapping#EVEN} deals workers round-robin; {@link Mapping#SKEWED} gives every
 * hypervisor one worker and draws the rest with weights 1/(h+1) (Zipf), so the first hypervisors carry
 * many workers, which hard spread cannot fill (one replica per tenant and hypervisor). Each hypervisor is
 * in zone {@code zone-(h mod 3)}, so the scheduler's default zone spread has a label to read.
 */
public final class InstanceGenerator {

  /** How full the fleet is. */
  public enum Capacity {
    /** Replicas take 90 % of the CPU and memory. */
    TIGHT(0.90),
    /** Replicas take 45 %. */
    LOOSE(0.45);

    private final double utilisation;

    Capacity(double utilisation) {
      this.utilisation = utilisation;
    }

    /** The share of the fleet's capacity the replicas request. */
    public double utilisation() {
      return utilisation;
    }
  }

  /** How workers are spread over hypervisors. */
  public enum Mapping {
    /** Round-robin: every hypervisor carries the same number of workers, give or take one. */
    EVEN,
    /** One worker each, the rest Zipf-distributed over the hypervisors. */
    SKEWED
  }

  /**
   * What to generate.
   *
   * @param tenants tenant control planes
   * @param workers management workers
   * @param hypervisors hypervisors (at most the workers)
   * @param capacity tight or loose
   * @param mapping even or skewed
   * @param softShare the share of tenants with soft spread, 0 to 1
   */
  public record Spec(int tenants, int workers, int hypervisors, Capacity capacity, Mapping mapping, double softShare) {
    /** Checks the sizes. */
    public Spec {
      if (tenants < 1 || workers < 1 || hypervisors < 1 || hypervisors > workers) {
        throw new IllegalArgumentException("spec needs tenants, workers >= hypervisors >= 1: " + tenants + "/"
            + workers + "/" + hypervisors);
      }
      if (softShare < 0 || softShare > 1) {
        throw new IllegalArgumentException("softShare must be 0 to 1, got " + softShare);
      }
    }

    /** A label such as {@code 1000t-200w-30h-tight-skewed}. */
    public String label() {
      return tenants + "t-" + workers + "w-" + hypervisors + "h-" + capacity.name().toLowerCase(Locale.ROOT) + "-"
          + mapping.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The ladder of sizes the benchmark runs, smallest first: tenants, workers, hypervisors. */
  public static final int[][] SIZES = {
    {10, 6, 3}, {100, 30, 10}, {1_000, 200, 30}, {3_000, 400, 50}, {10_000, 1_000, 100}
  };

  private InstanceGenerator() {}

  /**
   * Generates one fleet.
   *
   * @param spec the sizes and kinds
   * @param seed the seed; the same seed gives the same fleet
   * @return the instance
   */
  public static FleetInstance generate(Spec spec, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<TenantRequest> tenants = new ArrayList<>(spec.tenants());
    long cpuSum = 0;
    long memSum = 0;
    long cpuMax = 0;
    long memMax = 0;
    for (int i = 0; i < spec.tenants(); i++) {
      double r = rnd.nextDouble();
      boolean soft = rnd.nextDouble() < spec.softShare();
      int replicas = r < 0.8 ? 3 : r < 0.9 ? 2 : 5;
      if (!soft) {
        replicas = Math.min(replicas, spec.hypervisors());
      }
      double s = rnd.nextDouble();
      int size = s < 0.4 ? 0 : s < 0.7 ? 1 : s < 0.9 ? 2 : 3;
      int memShift = Math.max(0, Math.min(3, size + rnd.nextInt(3) - 1));
      long cpu = 250L << size;
      long mem = 512L << memShift;
      cpuSum += cpu * replicas;
      memSum += mem * replicas;
      cpuMax = Math.max(cpuMax, cpu);
      memMax = Math.max(memMax, mem);
      int n = replicas;
      String name = String.format(Locale.ROOT, "t-%05d", i);
      tenants.add(TenantRequest.of(t -> t.name(name).replicas(n).spread(soft ? Spread.SOFT : Spread.HARD)
          .cpuMillicores(cpu).memoryMiB(mem)));
    }
    double u = spec.capacity().utilisation();
    long cpuCap = Math.max(cpuMax, roundUp((long) Math.ceil(cpuSum / (spec.workers() * u)), 1_000));
    long memCap = Math.max(memMax, roundUp((long) Math.ceil(memSum / (spec.workers() * u)), 1_024));
    int[] hvOf = hypervisorOfWorker(spec, rnd);
    List<ManagementWorker> workers = new ArrayList<>(spec.workers());
    for (int w = 0; w < spec.workers(); w++) {
      String name = String.format(Locale.ROOT, "w-%04d", w);
      String hv = String.format(Locale.ROOT, "hv-%03d", hvOf[w]);
      String zone = "zone-" + (hvOf[w] % 3);
      workers.add(ManagementWorker.of(b -> b.name(name).hypervisor(hv).zone(zone).allocatableMillicores(cpuCap)
          .allocatableMemoryMiB(memCap)));
    }
    return new FleetInstance(spec.label(), spec, seed, List.copyOf(tenants), List.copyOf(workers));
  }

  private static int[] hypervisorOfWorker(Spec spec, SplittableRandom rnd) {
    int w = spec.workers();
    int h = spec.hypervisors();
    int[] of = new int[w];
    if (spec.mapping() == Mapping.EVEN) {
      for (int i = 0; i < w; i++) {
        of[i] = i % h;
      }
      return of;
    }
    double[] cumulative = new double[h];
    double total = 0;
    for (int i = 0; i < h; i++) {
      total += 1.0 / (i + 1);
      cumulative[i] = total;
    }
    for (int i = 0; i < w; i++) {
      if (i < h) {
        of[i] = i;
        continue;
      }
      double x = rnd.nextDouble() * total;
      int k = 0;
      while (k < h - 1 && cumulative[k] < x) {
        k++;
      }
      of[i] = k;
    }
    return of;
  }

  private static long roundUp(long v, long unit) {
    return (v + unit - 1) / unit * unit;
  }
}
