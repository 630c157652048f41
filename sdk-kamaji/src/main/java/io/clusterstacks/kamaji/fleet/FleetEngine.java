package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state behind {@link FleetPlanner}: replicas on workers in arrays, with the one rule check
 * ({@link #canPlace}) every operation uses. Costs grow with tenants, replicas and workers, never with the
 * size of the numbers (no table over CPU or memory).
 *
 * <p>Spread levels: a hard-spread tenant has one, level 0 (one replica per worker and per hypervisor).
 * A soft-spread tenant is tried at level 0 (counts per hypervisor differ by at most one over the
 * hypervisors that can take a replica, and one replica per worker), then 1 (the same over hypervisors,
 * workers may hold two), then 2 (capacity only).
 */
final class FleetEngine {
  static final int LEVEL_STRICT = 0;
  static final int LEVEL_EVEN = 1;
  static final int LEVEL_ANY = 2;
  static final int EXACT_MAX_REPLICAS = 12;
  static final int EXACT_MAX_WORKERS = 10;
  static final long EXACT_NODES = 3_000_000;
  /** Rule checks an improvement pass may spend (it stops, deterministically, when they are spent). */
  static final long IMPROVE_WORK = 40_000_000;

  final List<TenantRequest> tenants;
  final List<ManagementWorker> workers;
  final int nt;
  final int nw;
  final int nh;
  final long[] tCpu;
  final long[] tMem;
  final int[] tRep;
  final boolean[] tHard;
  final long[] wCpu;
  final long[] wMem;
  final boolean[] wSched;
  final int[] wHv;
  final String[] hvName;
  final long[] hvCpu;
  final long[] hvMem;
  final Map<String, Integer> workerIndex = new HashMap<>();
  final Map<String, Integer> tenantIndex = new HashMap<>();
  final double maxCpu;
  final double[] invCpu;
  final double[] invMem;
  final double maxMem;

  final long[] uCpu;
  final long[] uMem;
  final int[] wCount;
  final long[] hvUCpu;
  final long[] hvUMem;
  final int[] hvCount;
  final int[][] at;
  final int[] level;
  final boolean[] hvBanned;
  final IntList[] onWorker;
  private final int[] scratch;
  private final Map<Long, Integer> hfitCache = new HashMap<>();
  /** {@link #hfit} per tenant, -1 until asked: the rule check asks it for every soft-spread candidate. */
  private final int[] hfitOf;
  long work;

  FleetEngine(List<TenantRequest> tenants, List<ManagementWorker> workers) {
    this.tenants = tenants;
    this.workers = workers;
    nt = tenants.size();
    nw = workers.size();
    tCpu = new long[nt];
    tMem = new long[nt];
    tRep = new int[nt];
    tHard = new boolean[nt];
    at = new int[nt][];
    level = new int[nt];
    for (int t = 0; t < nt; t++) {
      TenantRequest r = tenants.get(t);
      tCpu[t] = r.cpuMillicores().orElse(0);
      tMem[t] = r.memoryMiB().orElse(0);
      tRep[t] = r.replicas();
      tHard[t] = r.spread() == Spread.HARD;
      at[t] = new int[tRep[t]];
      Arrays.fill(at[t], -1);
      level[t] = -1;
      tenantIndex.put(r.name(), t);
    }
    Map<String, Integer> hvIndex = new LinkedHashMap<>();
    wCpu = new long[nw];
    wMem = new long[nw];
    wSched = new boolean[nw];
    wHv = new int[nw];
    double mc = 1;
    double mm = 1;
    for (int w = 0; w < nw; w++) {
      ManagementWorker m = workers.get(w);
      wSched[w] = m.schedulable();
      wCpu[w] = m.allocatableMillicores().orElse(0);
      wMem[w] = m.allocatableMemoryMiB().orElse(0);
      Integer h = hvIndex.get(m.hypervisor());
      if (h == null) {
        h = hvIndex.size();
        hvIndex.put(m.hypervisor(), h);
      }
      wHv[w] = h;
      workerIndex.put(m.name(), w);
      if (wSched[w]) {
        mc = Math.max(mc, wCpu[w]);
        mm = Math.max(mm, wMem[w]);
      }
    }
    maxCpu = mc;
    invCpu = new double[nw];
    invMem = new double[nw];
    for (int w = 0; w < nw; w++) {
      invCpu[w] = wCpu[w] == 0 ? 0 : 1.0 / wCpu[w];
      invMem[w] = wMem[w] == 0 ? 0 : 1.0 / wMem[w];
    }
    maxMem = mm;
    nh = hvIndex.size();
    hvName = hvIndex.keySet().toArray(new String[0]);
    hvCpu = new long[nh];
    hvMem = new long[nh];
    for (int w = 0; w < nw; w++) {
      if (wSched[w]) {
        hvCpu[wHv[w]] += wCpu[w];
        hvMem[wHv[w]] += wMem[w];
      }
    }
    uCpu = new long[nw];
    uMem = new long[nw];
    wCount = new int[nw];
    hvUCpu = new long[nh];
    hvUMem = new long[nh];
    hvCount = new int[nh];
    hvBanned = new boolean[nh];
    onWorker = new IntList[nw];
    for (int w = 0; w < nw; w++) {
      onWorker[w] = new IntList();
    }
    scratch = new int[nh];
    hfitOf = new int[nt];
    Arrays.fill(hfitOf, -1);
  }

  /** A growable list of ints (replica codes {@code t * 1024 + j}). */
  static final class IntList {
    int[] a = new int[4];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    void remove(int v) {
      for (int i = 0; i < n; i++) {
        if (a[i] == v) {
          a[i] = a[--n];
          return;
        }
      }
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  static int code(int t, int j) {
    return t * 1024 + j;
  }

  // ---------------------------------------------------------------- state

  void assign(int t, int j, int w) {
    at[t][j] = w;
    uCpu[w] += tCpu[t];
    uMem[w] += tMem[t];
    wCount[w]++;
    int h = wHv[w];
    hvUCpu[h] += tCpu[t];
    hvUMem[h] += tMem[t];
    hvCount[h]++;
    onWorker[w].add(code(t, j));
  }

  void unassign(int t, int j) {
    int w = at[t][j];
    at[t][j] = -1;
    uCpu[w] -= tCpu[t];
    uMem[w] -= tMem[t];
    wCount[w]--;
    int h = wHv[w];
    hvUCpu[h] -= tCpu[t];
    hvUMem[h] -= tMem[t];
    hvCount[h]--;
    onWorker[w].remove(code(t, j));
  }

  void unplace(int t) {
    for (int j = 0; j < tRep[t]; j++) {
      if (at[t][j] >= 0) {
        unassign(t, j);
      }
    }
    level[t] = -1;
  }

  boolean placed(int t) {
    return level[t] >= 0;
  }

  double hvLoad(int h) {
    double c = hvCpu[h] == 0 ? 0 : (double) hvUCpu[h] / hvCpu[h];
    double m = hvMem[h] == 0 ? 0 : (double) hvUMem[h] / hvMem[h];
    return Math.max(c, m);
  }

  /**
   * The hypervisor-load objective as one number for ties, lower is better: its replicas first, then the
   * share of its allocatable they request (below 1 when within capacity, so it never outweighs a replica).
   */
  double hvTie(int h) {
    return hvCount[h] + Math.min(hvLoad(h), 1) * 0.5;
  }

  double fillAfter(int w, int t) {
    double c = wCpu[w] == 0 ? 1 : (double) (uCpu[w] + tCpu[t]) / wCpu[w];
    double m = wMem[w] == 0 ? 1 : (double) (uMem[w] + tMem[t]) / wMem[w];
    return Math.max(c, m);
  }

  /**
   * How well a replica of {@code t} fits worker {@code w}, higher is better: minus the squared length of the
   * worker's residual (CPU and memory, each as a share of its allocatable) after placing it, so the fullest
   * worker wins and, between equally full ones, the one whose leftover is balanced over both resources.
   */
  double fitScore(int w, int t) {
    double rc = wCpu[w] == 0 ? 0 : (double) (wCpu[w] - uCpu[w] - tCpu[t]) / wCpu[w];
    double rm = wMem[w] == 0 ? 0 : (double) (wMem[w] - uMem[w] - tMem[t]) / wMem[w];
    return -(rc * rc + rm * rm);
  }

  /**
   * How much of the worker's room lies where the replica needs it: the dot product of the replica's and the
   * residual's shares of the worker's allocatable. Among workers opened together it favours roomy ones whose
   * leftover has the replica's shape, so CPU-heavy replicas go where CPU is left and memory-heavy ones where
   * memory is.
   */
  double alignment(int w, int t) {
    double c = invCpu[w];
    double m = invMem[w];
    return tCpu[t] * c * ((wCpu[w] - uCpu[w]) * c) + tMem[t] * m * ((wMem[w] - uMem[w]) * m);
  }

  double workerFill(int w) {
    double c = wCpu[w] == 0 ? 0 : (double) uCpu[w] / wCpu[w];
    double m = wMem[w] == 0 ? 0 : (double) uMem[w] / wMem[w];
    return Math.max(c, m);
  }

  double capacityScore(int w) {
    return wCpu[w] / maxCpu + wMem[w] / maxMem;
  }


  boolean fitsEmpty(int t, int w) {
    return wSched[w] && !hvBanned[wHv[w]] && wCpu[w] >= tCpu[t] && wMem[w] >= tMem[t];
  }

  /** Hypervisors (not banned) with a schedulable worker that can take one replica of {@code t} when empty. */
  int hfit(int t) {
    int known = hfitOf[t];
    if (known >= 0) {
      return known;
    }
    long key = tCpu[t] * 1_000_003L + tMem[t];
    Integer c = hfitCache.get(key);
    if (c == null) {
      boolean[] seen = new boolean[nh];
      int n = 0;
      for (int w = 0; w < nw; w++) {
        if (!seen[wHv[w]] && fitsEmpty(t, w)) {
          seen[wHv[w]] = true;
          n++;
        }
      }
      c = n;
      hfitCache.put(key, c);
    }
    hfitOf[t] = c;
    return c;
  }

  void ban(int h) {
    hvBanned[h] = true;
    hfitCache.clear();
    Arrays.fill(hfitOf, -1);
  }

  /**
   * Whether replica {@code skip} of {@code t} (or a new one, for -1) may go on worker {@code w} at the
   * spread level, the tenant's other placed replicas staying where they are.
   */
  boolean canPlace(int t, int w, int lvl, int skip) {
    work++;
    if (!wSched[w] || hvBanned[wHv[w]]) {
      return false;
    }
    if (uCpu[w] + tCpu[t] > wCpu[w] || uMem[w] + tMem[t] > wMem[w]) {
      return false;
    }
    int[] a = at[t];
    int h = wHv[w];
    if (tHard[t]) {
      for (int j = 0; j < a.length; j++) {
        if (j != skip && a[j] >= 0 && (a[j] == w || wHv[a[j]] == h)) {
          return false;
        }
      }
      return true;
    }
    if (lvl >= LEVEL_ANY) {
      return true;
    }
    if (lvl == LEVEL_STRICT) {
      for (int j = 0; j < a.length; j++) {
        if (j != skip && a[j] == w) {
          return false;
        }
      }
    }
    return evenOk(t, h, skip);
  }

  /** Soft spread: one more replica on hypervisor {@code h} keeps the counts within one of each other. */
  private boolean evenOk(int t, int h, int skip) {
    int hf = hfit(t);
    if (hf <= 0) {
      return true;
    }
    int r = tRep[t];
    int q = r / hf;
    int rem = r % hf;
    int[] a = at[t];
    int onH = 0;
    for (int j = 0; j < a.length; j++) {
      if (j != skip && a[j] >= 0 && wHv[a[j]] == h) {
        onH++;
      }
    }
    int cap = q + (rem > 0 ? 1 : 0);
    if (onH + 1 > cap) {
      return false;
    }
    if (rem == 0 || onH + 1 < q + 1) {
      return true;
    }
    int full = 0;
    for (int j = 0; j < a.length; j++) {
      if (j != skip && a[j] >= 0) {
        int g = wHv[a[j]];
        if (++scratch[g] == q + 1) {
          full++;
        }
      }
    }
    for (int j = 0; j < a.length; j++) {
      if (j != skip && a[j] >= 0) {
        scratch[wHv[a[j]]] = 0;
      }
    }
    return full < rem;
  }

  /** The strictest level the tenant's current placement meets. */
  int levelOf(int t) {
    if (tHard[t]) {
      return LEVEL_STRICT;
    }
    for (int lvl = LEVEL_STRICT; lvl < LEVEL_ANY; lvl++) {
      boolean ok = true;
      for (int j = 0; j < tRep[t] && ok; j++) {
        int w = at[t][j];
        if (w < 0) {
          continue;
        }
        unassign(t, j);
        ok = canPlaceIgnoringCapacityAndBan(t, w, lvl);
        assign(t, j, w);
      }
      if (ok) {
        return lvl;
      }
    }
    return LEVEL_ANY;
  }

  private boolean canPlaceIgnoringCapacityAndBan(int t, int w, int lvl) {
    int[] a = at[t];
    if (lvl == LEVEL_STRICT) {
      for (int j = 0; j < a.length; j++) {
        if (a[j] == w) {
          return false;
        }
      }
    }
    return evenOk(t, wHv[w], -1);
  }

  int workersUsed() {
    int n = 0;
    for (int w = 0; w < nw; w++) {
      if (wCount[w] > 0) {
        n++;
      }
    }
    return n;
  }

  double maxHvLoad() {
    double m = 0;
    for (int h = 0; h < nh; h++) {
      m = Math.max(m, hvLoad(h));
    }
    return m;
  }

  int maxHvCount() {
    int m = 0;
    for (int h = 0; h < nh; h++) {
      m = Math.max(m, hvCount[h]);
    }
    return m;
  }

  // ---------------------------------------------------------------- greedy

  /** Tenants largest first (by the larger share of the largest worker), hard before soft, more replicas first. */
  Integer[] order(List<Integer> which) {
    Integer[] o = which.toArray(new Integer[0]);
    double[] size = new double[nt];
    for (int t : o) {
      size[t] = Math.max(tCpu[t] / maxCpu, tMem[t] / maxMem);
    }
    Arrays.sort(o, (a, b) -> {
      int c = Double.compare(size[b], size[a]);
      if (c != 0) {
        return c;
      }
      if (tHard[a] != tHard[b]) {
        return tHard[a] ? -1 : 1;
      }
      c = Integer.compare(tRep[b], tRep[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return o;
  }

  /**
   * First-fit decreasing with a hypervisor-aware choice: each tenant's replicas go, one by one, to the
   * fullest open worker that takes them (ties to the less loaded hypervisor); a worker is opened only when
   * none does, the largest first, on the least loaded hypervisor. Returns the tenants not placed.
   */
  List<Integer> greedy(List<Integer> which) {
    return greedy(which, PREOPEN_NONE);
  }

  /** {@link #greedy(List, int)}: open workers one at a time. */
  static final int PREOPEN_NONE = 0;
  /** {@link #greedy(List, int)}: open the bound's largest workers together, spread over the hypervisors. */
  static final int PREOPEN_SPREAD = 1;
  /** {@link #greedy(List, int)}: open the bound's largest workers together, the first in worker order. */
  static final int PREOPEN_FIRST = 2;

  private boolean[] pre = new boolean[0];

  List<Integer> greedy(List<Integer> which, int mode) {
    boolean preopen = mode != PREOPEN_NONE;
    Integer[] o = order(which);
    long[] restCpu = new long[o.length + 1];
    long[] restMem = new long[o.length + 1];
    restCpu[o.length] = Long.MAX_VALUE;
    restMem[o.length] = Long.MAX_VALUE;
    for (int i = o.length - 1; i >= 0; i--) {
      restCpu[i] = Math.min(restCpu[i + 1], tCpu[o[i]]);
      restMem[i] = Math.min(restMem[i + 1], tMem[o[i]]);
    }
    int[] active = new int[nw];
    int[] pos = new int[nw];
    Arrays.fill(pos, -1);
    int na = 0;
    for (int w = 0; w < nw; w++) {
      if (wCount[w] > 0) {
        pos[w] = na;
        active[na++] = w;
      }
    }
    int[] unused = unusedByCapacity();
    boolean[] pre = new boolean[nw];
    if (preopen) {
      // open the fewest largest workers the bound says are needed, so each replica has them all to choose from,
      // spread over the hypervisors: among equally large workers, those on hypervisors with fewer open ones
      for (int w : preopenChoice(unused, lowerBound(which), mode == PREOPEN_SPREAD)) {
        pre[w] = true;
        pos[w] = na;
        active[na++] = w;
      }
    }
    this.pre = preopen ? pre : new boolean[0];
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < o.length; i++) {
      int t = o[i];
      // drop open workers no remaining tenant fits on
      for (int k = 0; k < na; ) {
        int w = active[k];
        if (wCpu[w] - uCpu[w] < restCpu[i] || wMem[w] - uMem[w] < restMem[i]) {
          active[k] = active[--na];
          pos[active[k]] = k;
          pos[w] = -2;
        } else {
          k++;
        }
      }
      boolean ok = false;
      boolean[] mine = new boolean[tRep[t]];
      for (int lvl = LEVEL_STRICT; lvl <= (tHard[t] ? LEVEL_STRICT : LEVEL_ANY) && !ok; lvl++) {
        int j = 0;
        for (; j < tRep[t]; j++) {
          if (at[t][j] >= 0) {
            continue;
          }
          int w = chooseOpen(t, lvl, active, na);
          if (w < 0) {
            w = chooseUnused(t, lvl, unused);
          }
          if (w < 0) {
            break;
          }
          boolean opened = wCount[w] == 0;
          assign(t, j, w);
          mine[j] = true;
          if (opened && pos[w] == -1) {
            pos[w] = na;
            active[na++] = w;
          }
        }
        if (j == tRep[t]) {
          ok = true;
          level[t] = lvl;
        } else {
          for (int k = 0; k < tRep[t]; k++) {
            if (mine[k]) {
              mine[k] = false;
              int w = at[t][k];
              unassign(t, k);
              if (wCount[w] == 0 && pos[w] >= 0 && !pre[w]) {
                int p = pos[w];
                active[p] = active[--na];
                pos[active[p]] = p;
                pos[w] = -1;
              }
            }
          }
        }
      }
      if (!ok) {
        unplace(t);
        failed.add(t);
      }
    }
    this.pre = new boolean[0];
    return failed;
  }

  /**
   * The {@code k} empty workers to open together, the largest: with {@code spread}, every empty worker larger
   * than the {@code k}-th largest, and of those as large as it, one at a time from the hypervisor with the fewest
   * open workers (ties to the earlier worker), so that the replicas, which follow the open workers, spread over
   * the hypervisors; without, the first {@code k} of {@code unused} (largest first, then in worker order).
   */
  int[] preopenChoice(int[] unused, int k, boolean spread) {
    int[] empty = Arrays.stream(unused).filter(w -> wCount[w] == 0).toArray();
    k = Math.min(k, empty.length);
    if (k <= 0) {
      return new int[0];
    }
    if (!spread) {
      return Arrays.copyOf(empty, k);
    }
    double edge = capacityScore(empty[k - 1]);
    int[] open = new int[nh];
    for (int w = 0; w < nw; w++) {
      if (wCount[w] > 0) {
        open[wHv[w]]++;
      }
    }
    int[] out = new int[k];
    int n = 0;
    List<List<Integer>> tied = new ArrayList<>();
    for (int h = 0; h < nh; h++) {
      tied.add(new ArrayList<>());
    }
    for (int w : empty) {
      double c = capacityScore(w);
      if (c > edge + 1e-12) {
        out[n++] = w;
        open[wHv[w]]++;
      } else if (c > edge - 1e-12) {
        tied.get(wHv[w]).add(w);
      }
    }
    for (List<Integer> l : tied) {
      l.sort(null);
    }
    int[] next = new int[nh];
    while (n < k) {
      int best = -1;
      for (int h = 0; h < nh; h++) {
        if (next[h] < tied.get(h).size() && (best < 0 || open[h] < open[best]
            || (open[h] == open[best] && tied.get(h).get(next[h]) < tied.get(best).get(next[best])))) {
          best = h;
        }
      }
      out[n++] = tied.get(best).get(next[best]++);
      open[best]++;
    }
    return out;
  }

  private int[] unusedByCapacity() {
    List<Integer> u = new ArrayList<>();
    for (int w = 0; w < nw; w++) {
      if (wSched[w]) {
        u.add(w);
      }
    }
    u.sort((a, b) -> {
      int c = Double.compare(capacityScore(b), capacityScore(a));
      return c != 0 ? c : Integer.compare(a, b);
    });
    return u.stream().mapToInt(Integer::intValue).toArray();
  }

  private int chooseOpen(int t, int lvl, int[] active, int na) {
    int best = -1;
    double bestFill = -1;
    double bestHv = 0;
    boolean aligned = pre.length > 0;
    for (int k = 0; k < na; k++) {
      int w = active[k];
      if (wCount[w] == 0 && !(aligned && pre[w])) {
        continue;
      }
      double f = aligned ? alignment(w, t) : fitScore(w, t);
      if (best >= 0 && f < bestFill - 1e-12) {
        work++; // a worse score loses whether or not the rules allow it; the rule check is counted as made
        continue;
      }
      if (!canPlace(t, w, lvl, -1)) {
        continue;
      }
      double hl = hvTie(wHv[w]); // only for a tie
      if (best < 0 || f > bestFill + 1e-12 || hl < bestHv - 1e-12 || (hl < bestHv + 1e-12 && w < best)) {
        best = w;
        bestFill = f;
        bestHv = hl;
      }
    }
    return best;
  }

  /** The largest empty worker that takes the replica, ties to the less loaded hypervisor, then the first. */
  private int chooseUnused(int t, int lvl, int[] unused) {
    int best = -1;
    double bestCap = 0;
    double bestHv = 0;
    for (int w : unused) {
      if (wCount[w] != 0) {
        continue;
      }
      double c = capacityScore(w);
      if (best >= 0 && c < bestCap - 1e-12) {
        break; // sorted by capacity: the rest are smaller
      }
      if (!canPlace(t, w, lvl, -1)) {
        continue;
      }
      double hl = hvLoad(wHv[w]);
      if (best < 0 || hl < bestHv - 1e-12) {
        best = w;
        bestCap = c;
        bestHv = hl;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- exact search

  boolean small(List<Integer> which) {
    long replicas = 0;
    for (int t : which) {
      replicas += tRep[t];
    }
    int sched = 0;
    for (int w = 0; w < nw; w++) {
      if (wSched[w] && !hvBanned[wHv[w]]) {
        sched++;
      }
    }
    return replicas <= EXACT_MAX_REPLICAS && sched <= EXACT_MAX_WORKERS;
  }

  private int[][] bestAt;
  private int bestUsed;
  private long nodes;
  private boolean aborted;

  /**
   * Searches every placement of the tenants at level 0 with fewer than {@code bound} workers; when one
   * exists the state is left at the best found. Returns whether the search ran to the end (so the state's
   * worker count, or {@code bound} when none was found, is the fewest).
   */
  boolean exact(List<Integer> which, int bound) {
    Integer[] o = order(which);
    int[][] saved = snapshot();
    int[] savedLevels = level.clone();
    for (int t : which) {
      unplace(t);
    }
    bestAt = null;
    bestUsed = bound;
    nodes = 0;
    aborted = false;
    dfs(o, 0, 0, workersUsed());
    if (bestAt != null) {
      restore(bestAt);
      for (int t : which) {
        level[t] = LEVEL_STRICT;
      }
    } else {
      restore(saved);
      System.arraycopy(savedLevels, 0, level, 0, nt);
    }
    return !aborted;
  }

  private void dfs(Integer[] o, int i, int j, int used) {
    if (aborted) {
      return;
    }
    if (++nodes > EXACT_NODES) {
      aborted = true;
      return;
    }
    if (i == o.length) {
      if (used < bestUsed) {
        bestUsed = used;
        bestAt = snapshot();
      }
      return;
    }
    int t = o[i];
    if (j == tRep[t]) {
      dfs(o, i + 1, 0, used);
      return;
    }
    int from = j == 0 ? 0 : at[t][j - 1] + 1; // replicas of one tenant are interchangeable
    for (int w = from; w < nw; w++) {
      boolean opens = wCount[w] == 0;
      if (opens && (used + 1 >= bestUsed || equivalentEarlierUnused(w))) {
        continue;
      }
      if (!canPlace(t, w, LEVEL_STRICT, -1)) {
        continue;
      }
      assign(t, j, w);
      dfs(o, i, j + 1, used + (opens ? 1 : 0));
      unassign(t, j);
      if (aborted) {
        return;
      }
    }
  }

  /** An empty worker identical to an earlier empty one (same hypervisor and capacity) adds no new placement. */
  private boolean equivalentEarlierUnused(int w) {
    for (int v = 0; v < w; v++) {
      if (wCount[v] == 0 && wHv[v] == wHv[w] && wCpu[v] == wCpu[w] && wMem[v] == wMem[w] && wSched[v] == wSched[w]) {
        return true;
      }
    }
    return false;
  }

  int[][] snapshot() {
    int[][] s = new int[nt][];
    for (int t = 0; t < nt; t++) {
      s[t] = at[t].clone();
    }
    return s;
  }

  void restore(int[][] s) {
    for (int t = 0; t < nt; t++) {
      for (int j = 0; j < tRep[t]; j++) {
        if (at[t][j] >= 0) {
          unassign(t, j);
        }
      }
    }
    for (int t = 0; t < nt; t++) {
      for (int j = 0; j < tRep[t]; j++) {
        if (s[t][j] >= 0) {
          assign(t, j, s[t][j]);
        }
      }
    }
  }

  // ---------------------------------------------------------------- moves

  /** A recorded move: replica {@code j} of {@code t} from worker {@code from} to {@code to}. */
  record Step(int t, int j, int from, int to, String why) {}

  void move(int t, int j, int to) {
    unassign(t, j);
    assign(t, j, to);
  }

  /**
   * The best worker for replica {@code j} of {@code t} other than {@code exclude}: an open worker first
   * (fullest, then least loaded hypervisor), else the largest empty one, or -1. With {@code openOnly} only
   * workers already holding replicas are considered.
   */
  int bestTarget(int t, int j, int lvl, int exclude, boolean openOnly) {
    int best = -1;
    double bestFill = -1;
    double bestHv = 0;
    for (int w = 0; w < nw; w++) {
      if (w == exclude || w == at[t][j] || wCount[w] == 0 || !canPlace(t, w, lvl, j)) {
        continue;
      }
      double f = fillAfter(w, t);
      double hl = hvLoad(wHv[w]);
      if (best < 0 || f > bestFill + 1e-12 || (f > bestFill - 1e-12 && hl < bestHv - 1e-12)) {
        best = w;
        bestFill = f;
        bestHv = hl;
      }
    }
    if (best >= 0 || openOnly) {
      return best;
    }
    double bestCap = -1;
    for (int w = 0; w < nw; w++) {
      if (w == exclude || wCount[w] != 0 || !canPlace(t, w, lvl, j)) {
        continue;
      }
      double c = capacityScore(w);
      double hl = hvLoad(wHv[w]);
      if (best < 0 || c > bestCap + 1e-12 || (c > bestCap - 1e-12 && hl < bestHv - 1e-12)) {
        best = w;
        bestCap = c;
        bestHv = hl;
      }
    }
    return best;
  }

  /**
   * Empties used workers whose replicas all fit on the other used workers, fewest replicas first, each
   * worker tried once; spends at most {@code budget} moves. Returns the moves made.
   */
  List<Step> emptyWorkers(int budget, long workLimit) {
    List<Step> steps = new ArrayList<>();
    long stop = work + workLimit;
    Integer[] ws = new Integer[nw];
    for (int w = 0; w < nw; w++) {
      ws[w] = w;
    }
    Arrays.sort(ws, (a, b) -> {
      int c = Integer.compare(wCount[a], wCount[b]);
      c = c != 0 ? c : Double.compare(workerFill(a), workerFill(b));
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int w : ws) {
      if (wCount[w] == 0 || wCount[w] > budget - steps.size() || work > stop) {
        continue;
      }
      int[] codes = onWorker[w].toArray();
      List<Step> tried = new ArrayList<>();
      boolean ok = true;
      for (int c : codes) {
        int t = c / 1024;
        int j = c % 1024;
        int to = bestTarget(t, j, Math.max(level[t], 0), w, true);
        if (to < 0) {
          ok = false;
          break;
        }
        tried.add(new Step(t, j, w, to, "empties worker " + workers.get(w).name()));
        move(t, j, to);
      }
      if (ok) {
        steps.addAll(tried);
      } else {
        for (int k = tried.size() - 1; k >= 0; k--) {
          Step s = tried.get(k);
          move(s.t(), s.j(), s.from());
        }
      }
    }
    return steps;
  }

  /**
   * Moves replicas off the hypervisor with the most replicas (the pods its failure takes down; on a tie the
   * one whose requests are the larger share of its allocatable) onto used workers of hypervisors with at least
   * two fewer, the hypervisor with the fewest first and, on it, the fullest worker that takes the replica.
   * Each move lowers the busiest count or the number of hypervisors that reach it, and never opens a worker;
   * the smallest replicas are tried first, as they fit where the least room is left. Stops when the busiest
   * hypervisor has no replica that can move, after {@code budget} moves or when the work is spent.
   */
  List<Step> balance(int budget, long workLimit) {
    return balance(budget, workLimit, false);
  }

  /**
   * {@link #balance(int, long)}, and with {@code exchange}, where no single replica can move, an exchange: the two
   * smallest replicas of a worker on the busiest hypervisor go to a used worker of a hypervisor with at least two
   * fewer replicas, and a larger replica of that worker comes back in their place (the busiest hypervisor loses
   * one replica, the other gains one). Exchanges are not single moves (no order of the three may respect capacity
   * at every step), so they serve a placement planned at once, never a move list.
   */
  List<Step> balance(int budget, long workLimit, boolean exchange) {
    List<Step> steps = new ArrayList<>();
    long stop = work + workLimit;
    int[][] byHv = workersByHypervisor();
    Integer[] hvs = new Integer[nh];
    long[] roomCpu = new long[nh];
    long[] roomMem = new long[nh];
    while (steps.size() < budget && work < stop) {
      int hmax = -1;
      for (int h = 0; h < nh; h++) {
        if (hmax < 0 || hvTie(h) > hvTie(hmax) + 1e-12) {
          hmax = h;
        }
      }
      int max = hmax < 0 ? 0 : hvCount[hmax];
      int ng = 0;
      for (int h = 0; h < nh; h++) {
        if (h != hmax && !hvBanned[h] && hvCount[h] <= max - 2) {
          hvs[ng++] = h;
        }
      }
      if (ng == 0) {
        break;
      }
      Arrays.sort(hvs, 0, ng, (x, y) -> {
        int c = Integer.compare(hvCount[x], hvCount[y]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      // the most room left on a used worker of each target hypervisor, per resource: a replica larger than either
      // fits none of its workers, which is then skipped without a rule check
      long anyCpu = -1;
      long anyMem = -1;
      for (int gi = 0; gi < ng; gi++) {
        int g = hvs[gi];
        long rc = -1;
        long rm = -1;
        for (int x : byHv[g]) {
          if (wCount[x] > 0) {
            rc = Math.max(rc, wCpu[x] - uCpu[x]);
            rm = Math.max(rm, wMem[x] - uMem[x]);
          }
        }
        roomCpu[g] = rc;
        roomMem[g] = rm;
        anyCpu = Math.max(anyCpu, rc);
        anyMem = Math.max(anyMem, rm);
      }
      int[] codes = replicasOn(byHv[hmax]);
      Step found = null;
      for (int i = 0; i < codes.length && found == null && work < stop; i++) {
        int t = codes[i] / 1024;
        int j = codes[i] % 1024;
        if (tCpu[t] > anyCpu || tMem[t] > anyMem) {
          continue;
        }
        int lvl = Math.max(level[t], 0);
        for (int gi = 0; gi < ng && found == null; gi++) {
          int g = hvs[gi];
          if (hvCount[g] > max - 2) {
            break;
          }
          if (tCpu[t] > roomCpu[g] || tMem[t] > roomMem[g]) {
            continue;
          }
          int best = -1;
          double bestFill = -1;
          for (int x : byHv[g]) {
            if (wCount[x] == 0) {
              continue;
            }
            double f = fillAfter(x, t);
            if (!(f > bestFill + 1e-12)) {
              work++; // cannot beat the best so far, allowed or not; the rule check is counted as made
              continue;
            }
            if (canPlace(t, x, lvl, j)) {
              best = x;
              bestFill = f;
            }
          }
          if (best >= 0) {
            found = new Step(t, j, at[t][j], best, "lowers hypervisor " + hvName[hmax] + " from " + max + " replicas");
          }
        }
      }
      if (found == null) {
        if (exchange && exchange(hmax, byHv, hvs, ng, max, stop)) {
          continue;
        }
        break;
      }
      move(found.t(), found.j(), found.to());
      steps.add(found);
    }
    return steps;
  }

  /** One exchange off hypervisor {@code hmax} as {@link #balance(int, long, boolean)} describes; whether made. */
  private boolean exchange(int hmax, int[][] byHv, Integer[] hvs, int ng, int max, long stop) {
    for (int wa : byHv[hmax]) {
      if (onWorker[wa].n < 2 || work >= stop) {
        continue;
      }
      int[] two = replicasOn(new int[] {wa});
      int a1 = two[0];
      int a2 = two[1];
      int t1 = a1 / 1024;
      int t2 = a2 / 1024;
      long needCpu = tCpu[t1] + tCpu[t2];
      long needMem = tMem[t1] + tMem[t2];
      long freeCpu = wCpu[wa] - uCpu[wa] + needCpu;
      long freeMem = wMem[wa] - uMem[wa] + needMem;
      for (int gi = 0; gi < ng && work < stop; gi++) {
        int g = hvs[gi];
        if (hvCount[g] > max - 2) {
          break;
        }
        for (int x : byHv[g]) {
          if (wCount[x] == 0) {
            continue;
          }
          long roomCpu = wCpu[x] - uCpu[x];
          long roomMem = wMem[x] - uMem[x];
          IntList on = onWorker[x];
          for (int i = 0; i < on.n; i++) {
            work++;
            int b = on.a[i];
            int tb = b / 1024;
            if (tCpu[tb] > freeCpu || tMem[tb] > freeMem || needCpu > roomCpu + tCpu[tb]
                || needMem > roomMem + tMem[tb] || tb == t1 || tb == t2) {
              continue;
            }
            if (tryExchange(a1, a2, wa, b, x)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Replicas {@code a1}, {@code a2} (on {@code wa}) to {@code x}, {@code b} (on {@code x}) to {@code wa}, if the rules allow. */
  private boolean tryExchange(int a1, int a2, int wa, int b, int x) {
    int t1 = a1 / 1024;
    int j1 = a1 % 1024;
    int t2 = a2 / 1024;
    int j2 = a2 % 1024;
    int tb = b / 1024;
    int jb = b % 1024;
    unassign(t1, j1);
    unassign(t2, j2);
    unassign(tb, jb);
    boolean ok = canPlace(tb, wa, Math.max(level[tb], 0), -1);
    if (ok) {
      assign(tb, jb, wa);
      ok = canPlace(t1, x, Math.max(level[t1], 0), -1);
      if (ok) {
        assign(t1, j1, x);
        ok = canPlace(t2, x, Math.max(level[t2], 0), -1);
        if (ok) {
          assign(t2, j2, x);
          return true;
        }
        unassign(t1, j1);
      }
      unassign(tb, jb);
    }
    assign(tb, jb, x);
    assign(t2, j2, wa);
    assign(t1, j1, wa);
    return false;
  }

  /** The schedulable workers of each hypervisor, in worker order. */
  int[][] workersByHypervisor() {
    int[] n = new int[nh];
    for (int w = 0; w < nw; w++) {
      if (wSched[w]) {
        n[wHv[w]]++;
      }
    }
    int[][] out = new int[nh][];
    for (int h = 0; h < nh; h++) {
      out[h] = new int[n[h]];
      n[h] = 0;
    }
    for (int w = 0; w < nw; w++) {
      if (wSched[w]) {
        out[wHv[w]][n[wHv[w]]++] = w;
      }
    }
    return out;
  }

  /** The replica codes on the workers, the smallest replicas first (then by code). */
  private int[] replicasOn(int[] ws) {
    int n = 0;
    for (int w : ws) {
      n += onWorker[w].n;
    }
    long[] keyed = new long[n];
    int k = 0;
    for (int w : ws) {
      for (int i = 0; i < onWorker[w].n; i++) {
        int c = onWorker[w].a[i];
        int t = c / 1024;
        long size = (long) (Math.max(tCpu[t] / maxCpu, tMem[t] / maxMem) * (1 << 20));
        keyed[k++] = (Math.min(size, (1L << 30) - 1) << 32) | c;
      }
    }
    Arrays.sort(keyed);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) keyed[i];
    }
    return out;
  }

  // ---------------------------------------------------------------- output

  FleetPlacement placement() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int t = 0; t < nt; t++) {
      List<String> ws = new ArrayList<>(tRep[t]);
      for (int j = 0; j < tRep[t]; j++) {
        if (at[t][j] >= 0) {
          ws.add(workers.get(at[t][j]).name());
        }
      }
      if (!ws.isEmpty()) {
        m.put(tenants.get(t).name(), List.copyOf(ws));
      }
    }
    return FleetPlacement.builder().replicas(m).build();
  }

  /** Loads a placement as it is (the caller checked it), replica by replica; unknown names are skipped. */
  void load(FleetPlacement p) {
    for (Map.Entry<String, List<String>> e : p.replicas().entrySet()) {
      Integer t = tenantIndex.get(e.getKey());
      if (t == null) {
        continue;
      }
      int j = 0;
      for (String wn : e.getValue()) {
        Integer w = workerIndex.get(wn);
        if (w != null && j < tRep[t]) {
          assign(t, j++, w);
        }
      }
      boolean full = j == tRep[t];
      level[t] = full ? 0 : -1;
    }
    for (int t = 0; t < nt; t++) {
      if (level[t] >= 0) {
        level[t] = levelOf(t);
      }
    }
  }

  /**
   * The fewest workers any placement of the tenants needs: a hard-spread tenant needs a worker per replica;
   * and for every weight {@code l} from 0 to 1 in tenths, the chosen workers' CPU share of the demand times
   * {@code l} plus their memory share times {@code 1 - l} must reach 1, which the largest workers by that
   * weighted share reach soonest (at {@code l} 0 and 1 this is the usual bound per resource).
   */
  int lowerBound(List<Integer> which) {
    long cpu = 0;
    long mem = 0;
    int hard = 0;
    boolean any = false;
    for (int t : which) {
      cpu += tCpu[t] * tRep[t];
      mem += tMem[t] * tRep[t];
      any = true;
      if (tHard[t]) {
        hard = Math.max(hard, tRep[t]);
      }
    }
    if (!any) {
      return 0;
    }
    int k = Math.max(1, hard);
    for (int l = 0; l <= 10; l++) {
      k = Math.max(k, cover(cpu, mem, l / 10.0));
    }
    return k;
  }

  private int cover(long cpu, long mem, double l) {
    double[] s = new double[nw];
    int n = 0;
    for (int w = 0; w < nw; w++) {
      if (wSched[w] && !hvBanned[wHv[w]]) {
        s[n++] = (cpu == 0 ? 0 : l * wCpu[w] / cpu) + (mem == 0 ? 0 : (1 - l) * wMem[w] / mem);
      }
    }
    double need = (cpu == 0 ? 0 : l) + (mem == 0 ? 0 : 1 - l);
    if (need <= 0) {
      return 0;
    }
    double[] v = Arrays.copyOf(s, n);
    Arrays.sort(v);
    double sum = 0;
    int k = 0;
    // a little below 1, so that rounding never makes the bound exceed the truth
    for (int i = v.length - 1; i >= 0 && sum < need * (1 - 1e-9); i--) {
      sum += v[i];
      k++;
    }
    return k;
  }
}
