package io.clusterstacks.kamaji.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The scheduler model behind {@link PlacementAnalysis} (its class comment states it). Arithmetic on
 * per-hypervisor capacities, so the cost grows with workers and pods, never beyond
 * {@code pods × (hypervisors + workers)}.
 */
final class SchedulerModel {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private SchedulerModel() {}

  /**
   * The schedulable workers of one hypervisor, with how many of the pods each may take; {@code cap} is
   * their sum, or at most 1 under a required hypervisor anti-affinity.
   */
  record Host(String name, List<String> workers, int[] workerCaps, int cap, boolean onePerHost) {
    static Host of(String name, List<String> workers, int[] workerCaps, boolean onePerHost) {
      long sum = 0;
      for (int c : workerCaps) {
        sum = Math.min(UNBOUNDED, sum + c);
      }
      return new Host(name, workers, workerCaps, onePerHost ? (int) Math.min(1, sum) : (int) sum, onePerHost);
    }

    /** This hypervisor with worker {@code w} cordoned (all of its workers when {@code w} is -1): they take nothing. */
    Host without(int w) {
      int[] caps = workerCaps.clone();
      for (int j = 0; j < caps.length; j++) {
        if (w < 0 || j == w) {
          caps[j] = 0;
        }
      }
      return of(name, workers, caps, onePerHost);
    }
  }

  /** Every hypervisor that has a worker (cordoned ones too: they still count for a spread's skew). */
  static List<Host> hosts(List<ManagementWorker> workers, PodRules rules, OptionalLong cpu, OptionalLong mem) {
    Map<String, List<ManagementWorker>> byHost = new TreeMap<>();
    for (ManagementWorker w : workers) {
      byHost.computeIfAbsent(w.hypervisor(), k -> new ArrayList<>()).add(w);
    }
    List<Host> hosts = new ArrayList<>();
    for (Map.Entry<String, List<ManagementWorker>> e : byHost.entrySet()) {
      List<ManagementWorker> ws = e.getValue().stream().filter(ManagementWorker::schedulable)
          .sorted((a, b) -> a.name().compareTo(b.name())).toList();
      int[] caps = new int[ws.size()];
      for (int i = 0; i < caps.length; i++) {
        int c = capacity(ws.get(i), cpu, mem);
        caps[i] = rules.hostnameAntiAffinity() == RuleStrength.REQUIRED ? Math.min(1, c) : c;
      }
      hosts.add(Host.of(e.getKey(), ws.stream().map(ManagementWorker::name).toList(), caps,
          rules.hypervisorAntiAffinity() == RuleStrength.REQUIRED));
    }
    return hosts;
  }

  /** How many of the tenant's pods fit on the worker by its allocatable CPU and memory. */
  static int capacity(ManagementWorker w, OptionalLong cpu, OptionalLong mem) {
    long c = UNBOUNDED;
    if (cpu.isPresent() && w.allocatableMillicores().isPresent()) {
      c = Math.min(c, w.allocatableMillicores().getAsLong() / cpu.getAsLong());
    }
    if (mem.isPresent() && w.allocatableMemoryMiB().isPresent()) {
      c = Math.min(c, w.allocatableMemoryMiB().getAsLong() / mem.getAsLong());
    }
    return (int) c;
  }

  static int enforcedSkew(PodRules rules) {
    return rules.hypervisorSpread()
        .filter(s -> s.whenUnsatisfiable() == WhenUnsatisfiable.DO_NOT_SCHEDULE)
        .map(HypervisorSpread::maxSkew).orElse(0);
  }

  /**
   * The most pods the required rules admit. Under an enforced skew {@code s} the scheduler only adds to
   * a hypervisor holding less than the minimum plus {@code s}; it gets stuck exactly when every
   * hypervisor holds {@code min(cap, m + s)}, {@code m} being the smallest capacity (the least loaded
   * hypervisor cannot exceed it), so that sum is the bound whatever order the pods come in.
   */
  static int slots(List<Host> hosts, int skew) {
    if (hosts.isEmpty()) {
      return 0;
    }
    long sum = 0;
    if (skew > 0) {
      long m = hosts.stream().mapToLong(Host::cap).min().orElse(0);
      for (Host h : hosts) {
        sum = Math.min(UNBOUNDED, sum + Math.min(h.cap(), m + skew));
      }
    } else {
      for (Host h : hosts) {
        sum = Math.min(UNBOUNDED, sum + h.cap());
      }
    }
    return (int) sum;
  }

  /**
   * The most of {@code n} placed pods that hypervisor {@code index} can hold. Without an enforced skew:
   * its capacity. With one: the largest count {@code t} such that every hypervisor's count lies in some
   * window {@code [lo, lo + skew]} within its capacity and the counts add up to {@code n}; those are
   * exactly the states the scheduler reaches one pod at a time.
   */
  static int worstCase(List<Host> hosts, int index, int n, int skew) {
    Host h = hosts.get(index);
    if (skew == 0) {
      return Math.min(n, h.cap());
    }
    int best = 0;
    // lo cannot exceed n / (hypervisors - 1): the others alone would hold more than n pods
    for (int lo = 0; lo <= n && (long) (hosts.size() - 1) * lo <= n; lo++) {
      long othersMin = 0;
      long othersMax = 0;
      boolean feasible = true;
      for (int g = 0; g < hosts.size(); g++) {
        if (hosts.get(g).cap() < lo) {
          feasible = false;
          break;
        }
        if (g != index) {
          othersMin += lo;
          othersMax += Math.min(hosts.get(g).cap(), (long) lo + skew);
        }
      }
      if (!feasible) {
        break;
      }
      for (int t = (int) Math.min(h.cap(), Math.min(n, (long) lo + skew)); t >= lo && t > best; t--) {
        if (n - t >= othersMin && n - t <= othersMax) {
          best = t;
          break;
        }
      }
    }
    return best;
  }

  /**
   * The expected placement: pods one at a time onto the least loaded hypervisor (when a hypervisor rule
   * of any strength exists), then its least loaded worker; without a hypervisor rule the scheduler does
   * not see hypervisors, and pods go to the least loaded worker overall. Ties go to the first by name.
   */
  static int[][] expected(List<Host> hosts, int n, int skew, boolean hypervisorAware) {
    int[][] perWorker = new int[hosts.size()][];
    for (int i = 0; i < hosts.size(); i++) {
      perWorker[i] = new int[hosts.get(i).workers().size()];
    }
    fill(hosts, perWorker, n, skew, hypervisorAware);
    return perWorker;
  }

  /** Adds up to {@code k} pods to {@code perWorker} as {@link #expected} does; returns how many found a node. */
  static int fill(List<Host> hosts, int[][] perWorker, int k, int skew, boolean hypervisorAware) {
    int[] perHost = new int[hosts.size()];
    for (int i = 0; i < hosts.size(); i++) {
      perHost[i] = java.util.Arrays.stream(perWorker[i]).sum();
    }
    for (int placed = 0; placed < k; placed++) {
      int min = Integer.MAX_VALUE;
      for (int c : perHost) {
        min = Math.min(min, c);
      }
      int bestHost = -1;
      int bestWorker = -1;
      for (int i = 0; i < hosts.size(); i++) {
        Host h = hosts.get(i);
        if (perHost[i] >= h.cap() || (skew > 0 && perHost[i] >= (long) min + skew)) {
          continue;
        }
        int w = leastLoaded(perWorker[i], h.workerCaps());
        if (w < 0) {
          continue;
        }
        boolean better;
        if (bestHost < 0) {
          better = true;
        } else if (hypervisorAware) {
          better = perHost[i] < perHost[bestHost];
        } else {
          better = perWorker[i][w] < perWorker[bestHost][bestWorker];
        }
        if (better) {
          bestHost = i;
          bestWorker = w;
        }
      }
      if (bestHost < 0) {
        return placed;
      }
      perHost[bestHost]++;
      perWorker[bestHost][bestWorker]++;
    }
    return k;
  }

  private static int leastLoaded(int[] counts, int[] caps) {
    int best = -1;
    for (int w = 0; w < counts.length; w++) {
      if (counts[w] < caps[w] && (best < 0 || counts[w] < counts[best])) {
        best = w;
      }
    }
    return best;
  }

  /**
   * The pods that find no node while worker {@code w} of hypervisor {@code index} (or, for -1, the whole
   * hypervisor) is drained, starting from the expected placement: it is cordoned (it still counts for a
   * spread's skew, holding nothing), its pods are evicted, and each is placed again under the same rules
   * while the others stay where they are.
   */
  static int pendingWhileDrained(List<Host> hosts, int[][] expected, int index, int w, int skew,
      boolean hypervisorAware) {
    List<Host> drained = new ArrayList<>(hosts);
    drained.set(index, hosts.get(index).without(w));
    int[][] now = new int[expected.length][];
    for (int i = 0; i < expected.length; i++) {
      now[i] = expected[i].clone();
    }
    int evicted = 0;
    for (int j = 0; j < now[index].length; j++) {
      if (w < 0 || j == w) {
        evicted += now[index][j];
        now[index][j] = 0;
      }
    }
    return evicted - fill(drained, now, evicted, skew, hypervisorAware);
  }

  static PlacementAnalysis analyse(int members, PodRules rules, List<ManagementWorker> workers,
      OptionalLong cpu, OptionalLong mem) {
    List<Host> hosts = hosts(workers, rules, cpu, mem);
    int skew = enforcedSkew(rules);
    int slots = slots(hosts, skew);
    int scheduled = Math.min(members, slots);
    boolean hypervisorAware = rules.hypervisorAntiAffinity() != RuleStrength.NONE || rules.hypervisorSpread().isPresent();
    int[][] expected = expected(hosts, scheduled, skew, hypervisorAware);
    PlacementAnalysis.Builder b = PlacementAnalysis.builder().rules(rules).members(members).slots(slots)
        .scheduled(scheduled).pending(members - scheduled);
    int[] hostWorst = new int[hosts.size()];
    for (int i = 0; i < hosts.size(); i++) {
      Host h = hosts.get(i);
      int worst = worstCase(hosts, i, scheduled, skew);
      hostWorst[i] = worst;
      int exp = java.util.Arrays.stream(expected[i]).sum();
      int drained = pendingWhileDrained(hosts, expected, i, -1, skew, hypervisorAware);
      b.addHypervisors(DomainLoad.of(d -> d.kind(DomainKind.HYPERVISOR).name(h.name()).workers(h.workers())
          .worstCase(worst).expected(exp).pendingWhileDrained(drained)));
    }
    for (int i = 0; i < hosts.size(); i++) {
      Host h = hosts.get(i);
      for (int w = 0; w < h.workers().size(); w++) {
        String name = h.workers().get(w);
        int worst = Math.min(hostWorst[i], h.workerCaps()[w]);
        int exp = expected[i][w];
        int drained = pendingWhileDrained(hosts, expected, i, w, skew, hypervisorAware);
        b.addWorkers(DomainLoad.of(d -> d.kind(DomainKind.WORKER).name(name).workers(List.of(name))
            .worstCase(worst).expected(exp).pendingWhileDrained(drained)));
      }
    }
    return b.build();
  }
}
