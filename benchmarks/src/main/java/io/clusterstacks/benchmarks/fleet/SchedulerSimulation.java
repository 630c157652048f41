package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kamaji.placement.KamajiDeployment;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The Kubernetes v1.20 scheduler's default profile, simulated one pod at a time on the fleet's workers,
 * for the pods the SDK's rules give each tenant: hard spread is required pod anti-affinity on
 * {@code kubernetes.io/hostname} and on {@link Kamaji#HYPERVISOR_LABEL}, soft spread the same terms as
 * preferences of weight {@link KamajiDeployment#PREFERRED_WEIGHT}; the selector of every term is the
 * tenant's own pods. Pods are queued tenant by tenant in list order (one priority, creation order).
 *
 * <p>What is modelled, from kubernetes/kubernetes v1.20 {@code pkg/scheduler} (read through the search
 * tool's code corpus; the lab's kube-scheduler is v1.20.2 built from the same tree):
 *
 * <ul>
 *   <li>Plugins and weights of the default profile, {@code algorithmprovider/registry.go}
 *       {@code getDefaultConfig}: filters NodeUnschedulable, NodeResourcesFit, PodTopologySpread,
 *       InterPodAffinity (the others pass every node here: no taints, ports, volumes or node affinity);
 *       scores NodeResourcesBalancedAllocation 1, NodeResourcesLeastAllocated 1, InterPodAffinity 1,
 *       PodTopologySpread 2. ImageLocality, NodeAffinity, NodePreferAvoidPods and TaintToleration give
 *       every node the same score here and are left out (they cannot change the choice).
 *   <li>{@code generic_scheduler.go} {@code numFeasibleNodesToFind}: under 100 nodes all; otherwise
 *       {@code 50 - nodes/125} percent, at least 5 %, at least 100 nodes. The search for feasible nodes
 *       starts at {@code nextStartNodeIndex} and moves it on by the nodes processed (feasible plus
 *       filtered out), over the node list in NodeTree order (zones round-robin). The real scheduler
 *       checks nodes with 16 goroutines, so which nodes it finds first is not deterministic there; this
 *       simulation checks them in order. One feasible node is taken without scoring. The highest total
 *       wins, ties broken by reservoir sampling with a seeded random (the real one is unseeded).
 *   <li>NodeResourcesFit: pod request plus requested within allocatable, CPU and memory (the 110-pod
 *       limit of a node is not modelled, as no other solver here models it).
 *   <li>LeastAllocated ({@code least_allocated.go}): per resource {@code (capacity - requested) * 100 /
 *       capacity} in integers, requested including the pod, averaged with weights 1 and 1.
 *       BalancedAllocation ({@code balanced_allocation.go}): 0 when a fraction reaches 1, otherwise
 *       {@code (1 - |cpuFraction - memoryFraction|) * 100}.
 *   <li>InterPodAffinity ({@code interpodaffinity/filtering.go, scoring.go}): a required anti-affinity
 *       term fails a node whose domain already holds a matching pod (and, by symmetry, the existing
 *       pods' terms; here the same tenant's identical terms); a preferred term subtracts its weight for
 *       each matching pod in the domain, for the incoming pod's terms and for the existing pods' terms
 *       that match it; normalised as {@code 100 * (s - min) / (max - min)} with max and min starting at 0.
 *   <li>PodTopologySpread ({@code podtopologyspread/filtering.go, scoring.go}): DoNotSchedule fails a node
 *       missing the key or where {@code matching + 1 - globalMin > maxSkew}; scoring uses the pod's
 *       ScheduleAnyway constraints or, when it has none, the system defaults of v1.20 (DefaultPodTopologySpread
 *       beta, on): hostname maxSkew 3 and zone maxSkew 5; a node missing a key is ignored (score 0);
 *       {@code score = sum(count * log(domains + 2) + maxSkew - 1)}, normalised as
 *       {@code 100 * (max + min - s) / max} (100 for all when max is 0).
 * </ul>
 */
public final class SchedulerSimulation implements FleetSolver {

  /** A topology key the rules use. */
  public enum Key {
    /** {@code kubernetes.io/hostname}: the worker. */
    HOSTNAME,
    /** {@link Kamaji#HYPERVISOR_LABEL}. */
    HYPERVISOR,
    /** {@code topology.kubernetes.io/zone}. */
    ZONE
  }

  /**
   * A topology spread constraint over the tenant's own pods.
   *
   * @param key the topology key
   * @param maxSkew the allowed skew
   * @param doNotSchedule true for DoNotSchedule (a filter), false for ScheduleAnyway (a score)
   */
  public record SpreadConstraint(Key key, int maxSkew, boolean doNotSchedule) {}

  /**
   * The scheduling rules of one tenant's pods, all selecting the tenant's own pods.
   *
   * @param required topology keys of required anti-affinity terms
   * @param preferred topology keys of preferred anti-affinity terms, each of {@code weight}
   * @param weight the weight of each preferred term
   * @param spread topology spread constraints
   */
  public record PodRules(List<Key> required, List<Key> preferred, int weight, List<SpreadConstraint> spread) {
    /** The rules the SDK gives a tenant of this spread. */
    public static PodRules of(Spread s) {
      return s == Spread.HARD
          ? new PodRules(List.of(Key.HOSTNAME, Key.HYPERVISOR), List.of(), 0, List.of())
          : new PodRules(List.of(), List.of(Key.HOSTNAME, Key.HYPERVISOR), KamajiDeployment.PREFERRED_WEIGHT, List.of());
    }
  }

  /** v1.20 {@code minFeasibleNodesToFind}. */
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  /** v1.20 {@code minFeasibleNodesPercentageToFind}. */
  static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
  /** v1.20 {@code framework.MaxNodeScore}. */
  static final long MAX_NODE_SCORE = 100;

  private static final List<SpreadConstraint> SYSTEM_DEFAULTS =
      List.of(new SpreadConstraint(Key.HOSTNAME, 3, false), new SpreadConstraint(Key.ZONE, 5, false));

  private final long seed;

  /**
   * A simulation whose ties are broken by a random of this seed.
   *
   * @param seed the seed
   */
  public SchedulerSimulation(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "scheduler-v1.20";
  }

  /**
   * v1.20 {@code numFeasibleNodesToFind} with {@code percentageOfNodesToScore} unset (adaptive).
   *
   * @param allNodes nodes in the cluster
   * @return how many feasible nodes the scheduler looks for before it stops searching
   */
  public static int numFeasibleNodesToFind(int allNodes) {
    if (allNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return allNodes;
    }
    int adaptive = 50 - allNodes / 125;
    if (adaptive < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) {
      adaptive = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
    }
    int n = allNodes * adaptive / 100;
    return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
  }

  @Override
  public Outcome place(FleetInstance instance) {
    Cluster c = new Cluster(instance, seed);
    int pending = 0;
    for (int t = 0; t < instance.tenants().size(); t++) {
      for (int r = 0; r < instance.tenants().get(t).replicas(); r++) {
        if (c.schedule(t) < 0) {
          pending++;
        }
      }
    }
    return new Outcome(c.placement(), pending == 0, pending == 0 ? "all bound" : pending + " pods pending", -1);
  }

  @Override
  public Outcome drain(FleetInstance instance, Map<String, List<String>> placement, String hypervisor) {
    Cluster c = new Cluster(instance, seed);
    c.bind(placement);
    List<Integer> evicted = c.cordonAndEvict(hypervisor);
    int pending = 0;
    for (int t : evicted) {
      if (c.schedule(t) < 0) {
        pending++;
      }
    }
    return new Outcome(c.placement(), pending == 0,
        evicted.size() + " evicted" + (pending == 0 ? "" : ", " + pending + " pending"), evicted.size());
  }

  /** The simulated cluster: nodes with their requested resources, and each tenant's bound pods. */
  static final class Cluster {
    final FleetInstance instance;
    final int n;
    final String[] names;
    final long[] cpuCap;
    final long[] memCap;
    final long[] cpuReq;
    final long[] memReq;
    final boolean[] schedulable;
    final int[][] domain;
    final int[] domainCount = new int[Key.values().length];
    final int[] order;
    final long[] podCpu;
    final long[] podMem;
    final PodRules[] rules;
    final int[][] bound;
    final int[] boundCount;
    final SplittableRandom rnd;
    int nextStart;
    /** The last scored nodes and their totals, for tests. */
    int[] lastScored = new int[0];
    long[][] lastScores = new long[0][];

    Cluster(FleetInstance instance, long seed) {
      this.instance = instance;
      List<ManagementWorker> ws = instance.workers();
      n = ws.size();
      names = new String[n];
      cpuCap = new long[n];
      memCap = new long[n];
      cpuReq = new long[n];
      memReq = new long[n];
      schedulable = new boolean[n];
      domain = new int[Key.values().length][n];
      Map<String, Integer> hv = new HashMap<>();
      Map<String, Integer> zone = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        ManagementWorker w = ws.get(i);
        names[i] = w.name();
        cpuCap[i] = w.allocatableMillicores().orElse(Long.MAX_VALUE / 4);
        memCap[i] = w.allocatableMemoryMiB().orElse(Long.MAX_VALUE / 4);
        schedulable[i] = w.schedulable();
        domain[Key.HOSTNAME.ordinal()][i] = i;
        domain[Key.HYPERVISOR.ordinal()][i] = hv.computeIfAbsent(w.hypervisor(), k -> hv.size());
        domain[Key.ZONE.ordinal()][i] = zone.computeIfAbsent(w.zone().orElse(""), k -> zone.size());
      }
      domainCount[Key.HOSTNAME.ordinal()] = n;
      domainCount[Key.HYPERVISOR.ordinal()] = hv.size();
      domainCount[Key.ZONE.ordinal()] = zone.size();
      order = nodeTreeOrder(domain[Key.ZONE.ordinal()], zone.size());
      List<TenantRequest> ts = instance.tenants();
      podCpu = new long[ts.size()];
      podMem = new long[ts.size()];
      rules = new PodRules[ts.size()];
      bound = new int[ts.size()][];
      boundCount = new int[ts.size()];
      for (int t = 0; t < ts.size(); t++) {
        podCpu[t] = ts.get(t).cpuMillicores().orElse(0);
        podMem[t] = ts.get(t).memoryMiB().orElse(0);
        rules[t] = PodRules.of(ts.get(t).spread());
        bound[t] = new int[ts.get(t).replicas()];
      }
      rnd = new SplittableRandom(seed);
    }

    /** NodeTree.list(): one node of each zone in turn, zones in order of appearance. */
    private static int[] nodeTreeOrder(int[] zoneOf, int zones) {
      List<List<Integer>> perZone = new ArrayList<>();
      for (int z = 0; z < zones; z++) {
        perZone.add(new ArrayList<>());
      }
      for (int i = 0; i < zoneOf.length; i++) {
        perZone.get(zoneOf[i]).add(i);
      }
      int[] out = new int[zoneOf.length];
      int k = 0;
      for (int idx = 0; k < out.length; idx++) {
        for (List<Integer> z : perZone) {
          if (idx < z.size()) {
            out[k++] = z.get(idx);
          }
        }
      }
      return out;
    }

    void bind(int t, int node) {
      if (boundCount[t] == bound[t].length) {
        bound[t] = Arrays.copyOf(bound[t], bound[t].length + 1);
      }
      bound[t][boundCount[t]++] = node;
      cpuReq[node] += podCpu[t];
      memReq[node] += podMem[t];
    }

    void bind(Map<String, List<String>> placement) {
      Map<String, Integer> idx = instance.workerIndex();
      List<TenantRequest> ts = instance.tenants();
      for (int t = 0; t < ts.size(); t++) {
        for (String w : placement.getOrDefault(ts.get(t).name(), List.of())) {
          bind(t, idx.get(w));
        }
      }
    }

    /** Cordons the hypervisor's workers and deletes their pods; returns the tenant of each deleted pod. */
    List<Integer> cordonAndEvict(String hypervisor) {
      List<Integer> evicted = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (instance.workers().get(i).hypervisor().equals(hypervisor)) {
          schedulable[i] = false;
        }
      }
      for (int t = 0; t < bound.length; t++) {
        int k = 0;
        for (int j = 0; j < boundCount[t]; j++) {
          int node = bound[t][j];
          if (!schedulable[node]) {
            cpuReq[node] -= podCpu[t];
            memReq[node] -= podMem[t];
            evicted.add(t);
          } else {
            bound[t][k++] = node;
          }
        }
        boundCount[t] = k;
      }
      return evicted;
    }

    Map<String, List<String>> placement() {
      Map<String, List<String>> m = new LinkedHashMap<>();
      List<TenantRequest> ts = instance.tenants();
      for (int t = 0; t < ts.size(); t++) {
        List<String> ws = new ArrayList<>(boundCount[t]);
        for (int j = 0; j < boundCount[t]; j++) {
          ws.add(names[bound[t][j]]);
        }
        m.put(ts.get(t).name(), ws);
      }
      return m;
    }

    /** Pods of tenant t in node's domain under key. */
    int countInDomain(int t, Key key, int node) {
      int d = domain[key.ordinal()][node];
      int[] dom = domain[key.ordinal()];
      int c = 0;
      for (int j = 0; j < boundCount[t]; j++) {
        if (dom[bound[t][j]] == d) {
          c++;
        }
      }
      return c;
    }

    /** The smallest count of tenant t's pods over the key's domains (PreFilter: all nodes, cordoned too). */
    int globalMin(int t, Key key) {
      int domains = domainCount[key.ordinal()];
      int[] counts = new int[domains];
      int[] dom = domain[key.ordinal()];
      for (int j = 0; j < boundCount[t]; j++) {
        counts[dom[bound[t][j]]]++;
      }
      int min = Integer.MAX_VALUE;
      for (int c : counts) {
        min = Math.min(min, c);
      }
      return domains == 0 ? 0 : min;
    }

    boolean passesFilters(int t, int node, int[] minMatch) {
      if (!schedulable[node]) {
        return false;
      }
      if (cpuReq[node] + podCpu[t] > cpuCap[node] || memReq[node] + podMem[t] > memCap[node]) {
        return false;
      }
      PodRules r = rules[t];
      for (Key k : r.required()) {
        if (countInDomain(t, k, node) > 0) {
          return false;
        }
      }
      for (int i = 0; i < r.spread().size(); i++) {
        SpreadConstraint c = r.spread().get(i);
        if (c.doNotSchedule() && countInDomain(t, c.key(), node) + 1 - minMatch[i] > c.maxSkew()) {
          return false;
        }
      }
      return true;
    }

    /** Schedules one pod of tenant t; returns the node it is bound to, or -1 when it stays pending. */
    int schedule(int t) {
      PodRules r = rules[t];
      int[] minMatch = new int[r.spread().size()];
      for (int i = 0; i < minMatch.length; i++) {
        if (r.spread().get(i).doNotSchedule()) {
          minMatch[i] = globalMin(t, r.spread().get(i).key());
        }
      }
      int want = numFeasibleNodesToFind(n);
      int[] feasible = new int[want];
      int found = 0;
      int processed = 0;
      for (int i = 0; i < n && found < want; i++) {
        int node = order[(nextStart + i) % n];
        processed++;
        if (passesFilters(t, node, minMatch)) {
          feasible[found++] = node;
        }
      }
      nextStart = (nextStart + processed) % Math.max(1, n);
      if (found == 0) {
        return -1;
      }
      int chosen = found == 1 ? feasible[0] : best(t, Arrays.copyOf(feasible, found));
      bind(t, chosen);
      return chosen;
    }

    /**
     * The nodes the scheduler may bind the next pod of tenant t to: the feasible nodes with the highest total
     * (kube-scheduler breaks that tie at random), empty when the pod stays pending. Binds nothing and keeps the
     * search start; for checking the simulation against the real kube-scheduler on clusters under 100 nodes,
     * where every feasible node is scored.
     */
    Set<Integer> choices(int t) {
      PodRules r = rules[t];
      int[] minMatch = new int[r.spread().size()];
      for (int i = 0; i < minMatch.length; i++) {
        if (r.spread().get(i).doNotSchedule()) {
          minMatch[i] = globalMin(t, r.spread().get(i).key());
        }
      }
      List<Integer> feasible = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (passesFilters(t, order[i], minMatch)) {
          feasible.add(order[i]);
        }
      }
      Set<Integer> out = new TreeSet<>();
      if (feasible.size() == 1) {
        out.add(feasible.get(0));
      } else if (feasible.size() > 1) {
        int[] nodes = feasible.stream().mapToInt(Integer::intValue).toArray();
        best(t, nodes);
        long max = Arrays.stream(lastScores[4]).max().orElseThrow();
        for (int i = 0; i < nodes.length; i++) {
          if (lastScores[4][i] == max) {
            out.add(nodes[i]);
          }
        }
      }
      return out;
    }

    int best(int t, int[] nodes) {
      int f = nodes.length;
      long[] least = new long[f];
      long[] balanced = new long[f];
      for (int i = 0; i < f; i++) {
        int node = nodes[i];
        long rc = cpuReq[node] + podCpu[t];
        long rm = memReq[node] + podMem[t];
        least[i] = (leastRequested(rc, cpuCap[node]) + leastRequested(rm, memCap[node])) / 2;
        double cf = fraction(rc, cpuCap[node]);
        double mf = fraction(rm, memCap[node]);
        balanced[i] = cf >= 1 || mf >= 1 ? 0 : (long) ((1 - Math.abs(cf - mf)) * MAX_NODE_SCORE);
      }
      long[] ipa = interPodAffinity(t, nodes);
      long[] pts = podTopologySpread(t, nodes);
      long[] total = new long[f];
      int chosen = -1;
      long max = Long.MIN_VALUE;
      int ties = 0;
      for (int i = 0; i < f; i++) {
        total[i] = least[i] + balanced[i] + ipa[i] + 2 * pts[i];
        if (total[i] > max) {
          max = total[i];
          chosen = nodes[i];
          ties = 1;
        } else if (total[i] == max) {
          ties++;
          if (rnd.nextInt(ties) == 0) {
            chosen = nodes[i];
          }
        }
      }
      lastScored = nodes;
      lastScores = new long[][] {least, balanced, ipa, pts, total};
      return chosen;
    }

    static long leastRequested(long requested, long capacity) {
      if (capacity == 0 || requested > capacity) {
        return 0;
      }
      return (capacity - requested) * MAX_NODE_SCORE / capacity;
    }

    static double fraction(long requested, long capacity) {
      return capacity == 0 ? 1 : (double) requested / capacity;
    }

    long[] interPodAffinity(int t, int[] nodes) {
      long[] s = new long[nodes.length];
      PodRules r = rules[t];
      if (r.preferred().isEmpty() || boundCount[t] == 0) {
        return s;
      }
      for (int i = 0; i < nodes.length; i++) {
        long v = 0;
        for (Key k : r.preferred()) {
          // the incoming pod's term and, by symmetry, each matching existing pod's identical term
          v -= 2L * r.weight() * countInDomain(t, k, nodes[i]);
        }
        s[i] = v;
      }
      long maxCount = 0;
      long minCount = 0;
      for (long v : s) {
        maxCount = Math.max(maxCount, v);
        minCount = Math.min(minCount, v);
      }
      long diff = maxCount - minCount;
      for (int i = 0; i < s.length; i++) {
        s[i] = diff > 0 ? (long) (MAX_NODE_SCORE * ((double) (s[i] - minCount) / diff)) : 0;
      }
      return s;
    }

    long[] podTopologySpread(int t, int[] nodes) {
      List<SpreadConstraint> cs = new ArrayList<>();
      if (rules[t].spread().isEmpty()) {
        cs.addAll(SYSTEM_DEFAULTS);
      } else {
        rules[t].spread().stream().filter(c -> !c.doNotSchedule()).forEach(cs::add);
      }
      long[] s = new long[nodes.length];
      if (cs.isEmpty()) {
        return s;
      }
      double[] weight = new double[cs.size()];
      for (int i = 0; i < cs.size(); i++) {
        Key k = cs.get(i).key();
        int size;
        if (k == Key.HOSTNAME) {
          size = nodes.length;
        } else {
          boolean[] seen = new boolean[domainCount[k.ordinal()]];
          size = 0;
          for (int node : nodes) {
            int d = domain[k.ordinal()][node];
            if (!seen[d]) {
              seen[d] = true;
              size++;
            }
          }
        }
        weight[i] = Math.log(size + 2);
      }
      long min = Long.MAX_VALUE;
      long max = 0;
      for (int i = 0; i < nodes.length; i++) {
        double v = 0;
        for (int j = 0; j < cs.size(); j++) {
          v += countInDomain(t, cs.get(j).key(), nodes[i]) * weight[j] + (cs.get(j).maxSkew() - 1);
        }
        s[i] = (long) v;
        min = Math.min(min, s[i]);
        max = Math.max(max, s[i]);
      }
      for (int i = 0; i < s.length; i++) {
        s[i] = max == 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE * (max + min - s[i]) / max;
      }
      return s;
    }
  }
}
