package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fewest workers of any placement, by trying every assignment of replicas to workers (the test's own
 * code, sharing nothing with the planner). Hard spread: distinct workers and hypervisors. Soft spread, in
 * its strict form: distinct workers, and the counts over the hypervisors that have a schedulable worker
 * able to take a replica (zeros included) differ by at most one.
 */
final class Exhaustive {
  private Exhaustive() {}

  /** The fewest workers, or -1 when no placement exists. */
  static int fewestWorkers(List<TenantRequest> tenants, List<ManagementWorker> workers) {
    List<int[]> replicas = new ArrayList<>(); // {tenant}
    for (int t = 0; t < tenants.size(); t++) {
      for (int j = 0; j < tenants.get(t).replicas(); j++) {
        replicas.add(new int[] {t});
      }
    }
    int[] assign = new int[replicas.size()];
    int[] best = {-1};
    search(tenants, workers, replicas, assign, 0, best);
    return best[0];
  }

  private static void search(List<TenantRequest> tenants, List<ManagementWorker> workers, List<int[]> replicas,
      int[] assign, int i, int[] best) {
    if (i == replicas.size()) {
      if (valid(tenants, workers, replicas, assign)) {
        Set<Integer> used = new HashSet<>();
        for (int w : assign) {
          used.add(w);
        }
        if (best[0] < 0 || used.size() < best[0]) {
          best[0] = used.size();
        }
      }
      return;
    }
    for (int w = 0; w < workers.size(); w++) {
      if (!workers.get(w).schedulable()) {
        continue;
      }
      assign[i] = w;
      search(tenants, workers, replicas, assign, i + 1, best);
    }
  }

  private static boolean valid(List<TenantRequest> tenants, List<ManagementWorker> workers, List<int[]> replicas,
      int[] assign) {
    long[] cpu = new long[workers.size()];
    long[] mem = new long[workers.size()];
    for (int i = 0; i < assign.length; i++) {
      TenantRequest t = tenants.get(replicas.get(i)[0]);
      cpu[assign[i]] += t.cpuMillicores().orElse(0);
      mem[assign[i]] += t.memoryMiB().orElse(0);
    }
    for (int w = 0; w < workers.size(); w++) {
      if (cpu[w] > workers.get(w).allocatableMillicores().orElse(Long.MAX_VALUE)
          || mem[w] > workers.get(w).allocatableMemoryMiB().orElse(Long.MAX_VALUE)) {
        return false;
      }
    }
    for (int t = 0; t < tenants.size(); t++) {
      TenantRequest tr = tenants.get(t);
      Set<Integer> ws = new HashSet<>();
      List<String> hvs = new ArrayList<>();
      for (int i = 0; i < assign.length; i++) {
        if (replicas.get(i)[0] == t) {
          if (!ws.add(assign[i])) {
            return false; // both modes: one per worker
          }
          hvs.add(workers.get(assign[i]).hypervisor());
        }
      }
      if (tr.spread() == Spread.HARD) {
        if (new HashSet<>(hvs).size() != hvs.size()) {
          return false;
        }
      } else {
        Set<String> fit = new HashSet<>();
        for (ManagementWorker w : workers) {
          if (w.schedulable() && w.allocatableMillicores().orElse(Long.MAX_VALUE) >= tr.cpuMillicores().orElse(0)
              && w.allocatableMemoryMiB().orElse(Long.MAX_VALUE) >= tr.memoryMiB().orElse(0)) {
            fit.add(w.hypervisor());
          }
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String h : fit) {
          int c = (int) hvs.stream().filter(h::equals).count();
          min = Math.min(min, c);
          max = Math.max(max, c);
        }
        if (max - min > 1) {
          return false;
        }
      }
    }
    return true;
  }
}
