package io.clusterstacks.kamaji.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scheduler model's arithmetic against brute force: on small generated layouts, every order in which
 * a scheduler obeying the required rules could place pods one at a time is explored, and the reachable
 * states must give the model's slots (every dead end holds the same number of pods), its worst case per
 * hypervisor and per worker, and its expected placement must be one of those states.
 */
class SchedulerModelPropertyTest {

  @Test
  void slotsAndWorstCasesEqualAnExhaustiveSearchOfSchedulingOrders() {
    Random rnd = new Random(20261202L);
    int cases = 3_000;
    for (int c = 0; c < cases; c++) {
      List<ManagementWorker> workers = new ArrayList<>();
      int hosts = 1 + rnd.nextInt(4);
      for (int h = 0; h < hosts; h++) {
        int n = rnd.nextInt(4);
        for (int w = 0; w < n; w++) {
          String name = "h" + h + "w" + w;
          String hv = "h" + h;
          boolean cordoned = rnd.nextInt(8) == 0;
          Integer mem = rnd.nextInt(3) == 0 ? 1024 * (1 + rnd.nextInt(3)) : null;
          workers.add(ManagementWorker.of(b -> {
            b.name(name).hypervisor(hv).schedulable(!cordoned);
            if (mem != null) {
              b.allocatableMemoryMiB(mem);
            }
          }));
        }
      }
      RuleStrength[] strengths = RuleStrength.values();
      RuleStrength host = strengths[rnd.nextInt(3)];
      RuleStrength hyper = strengths[rnd.nextInt(3)];
      int spreadKind = rnd.nextInt(4);
      PodRules rules = PodRules.of(r -> {
        r.hostnameAntiAffinity(host).hypervisorAntiAffinity(hyper);
        if (spreadKind > 0) {
          r.hypervisorSpread(HypervisorSpread.of(s -> s.maxSkew(spreadKind == 3 ? 1 : spreadKind)
              .whenUnsatisfiable(spreadKind == 3 ? WhenUnsatisfiable.SCHEDULE_ANYWAY : WhenUnsatisfiable.DO_NOT_SCHEDULE)));
        }
      });
      int members = 1 + rnd.nextInt(6);
      TenantRequest tenant = TenantRequest.of(t -> t.name("t").replicas(members).memoryMiB(1024));
      if (workers.isEmpty()) {
        continue;
      }
      PlacementAnalysis model = TwoLevelPlanner.analyse(tenant, rules, workers);
      Search truth = new Search(workers, rules, members);
      String what = "case " + c + ": " + members + " pods, " + rules + " on " + workers;
      assertEquals(truth.deadEndCounts, Set.of(model.scheduled()), what + ": pods placed at every dead end");
      for (DomainLoad h : model.hypervisors()) {
        assertEquals(truth.worstPerHost(h.name(), model.scheduled()), h.worstCase(), what + ": worst on " + h.name());
      }
      for (DomainLoad w : model.workers()) {
        assertEquals(truth.worstPerWorker(w.name(), model.scheduled()), w.worstCase(), what + ": worst on " + w.name());
      }
      int[] expected = model.workers().stream().mapToInt(DomainLoad::expected).toArray();
      assertEquals(true, truth.reachable(expected), what + ": the expected placement " + Arrays.toString(expected)
          + " is one the scheduler can reach");
    }
  }

  /** Every state reachable by placing pods one at a time under the required rules (memo by state). */
  static final class Search {
    final List<ManagementWorker> all;
    final List<ManagementWorker> targets = new ArrayList<>();
    final List<String> hostNames = new ArrayList<>();
    final int[] hostOf;
    final int[] cap;
    final PodRules rules;
    final Set<List<Integer>> seen = new HashSet<>();
    final Set<Integer> deadEndCounts = new HashSet<>();
    final int members;

    Search(List<ManagementWorker> workers, PodRules rules, int members) {
      this.all = workers;
      this.rules = rules;
      this.members = members;
      for (ManagementWorker w : workers) {
        if (!hostNames.contains(w.hypervisor())) {
          hostNames.add(w.hypervisor());
        }
        if (w.schedulable()) {
          targets.add(w);
        }
      }
      targets.sort((a, b) -> a.hypervisor().equals(b.hypervisor()) ? a.name().compareTo(b.name())
          : a.hypervisor().compareTo(b.hypervisor()));
      hostOf = new int[targets.size()];
      cap = new int[targets.size()];
      for (int i = 0; i < targets.size(); i++) {
        hostOf[i] = hostNames.indexOf(targets.get(i).hypervisor());
        cap[i] = targets.get(i).allocatableMemoryMiB().isPresent()
            ? (int) (targets.get(i).allocatableMemoryMiB().getAsLong() / 1024) : members + 1;
      }
      explore(new int[targets.size()], 0);
    }

    private void explore(int[] state, int placed) {
      List<Integer> key = Arrays.stream(state).boxed().toList();
      if (!seen.add(key)) {
        return;
      }
      if (placed == members) {
        deadEndCounts.add(placed);
        return;
      }
      boolean any = false;
      for (int w = 0; w < state.length; w++) {
        if (admits(state, w)) {
          any = true;
          state[w]++;
          explore(state, placed + 1);
          state[w]--;
        }
      }
      if (!any) {
        deadEndCounts.add(placed);
      }
    }

    private int[] perHost(int[] state) {
      int[] h = new int[hostNames.size()];
      for (int w = 0; w < state.length; w++) {
        h[hostOf[w]] += state[w];
      }
      return h;
    }

    boolean admits(int[] state, int w) {
      if (state[w] >= cap[w]) {
        return false;
      }
      if (rules.hostnameAntiAffinity() == RuleStrength.REQUIRED && state[w] > 0) {
        return false;
      }
      int[] h = perHost(state);
      if (rules.hypervisorAntiAffinity() == RuleStrength.REQUIRED && h[hostOf[w]] > 0) {
        return false;
      }
      int skew = SchedulerModel.enforcedSkew(rules);
      if (skew > 0) {
        int min = Arrays.stream(h).min().orElse(0);
        return h[hostOf[w]] + 1 - min <= skew;
      }
      return true;
    }

    int worstPerHost(String host, int total) {
      int idx = hostNames.indexOf(host);
      return seen.stream().filter(s -> s.stream().mapToInt(Integer::intValue).sum() == total)
          .mapToInt(s -> perHost(s.stream().mapToInt(Integer::intValue).toArray())[idx]).max().orElse(0);
    }

    int worstPerWorker(String worker, int total) {
      int idx = -1;
      for (int i = 0; i < targets.size(); i++) {
        if (targets.get(i).name().equals(worker)) {
          idx = i;
        }
      }
      int at = idx;
      return seen.stream().filter(s -> s.stream().mapToInt(Integer::intValue).sum() == total)
          .mapToInt(s -> s.get(at)).max().orElse(0);
    }

    boolean reachable(int[] state) {
      return seen.contains(Arrays.stream(state).boxed().toList());
    }
  }
}
