package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.flavor.CpuType;
import java.util.AbstractList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The flavors' facts of one profile, with the values the search reads from every flavor laid out in
 * primitive arrays: one search then scans a few hundred kilobytes in order even for 10,000 flavors,
 * instead of following three objects per flavor through the heap (which made the cost per flavor grow
 * with the profile once it no longer fit the CPU caches). Read-only; {@link FlavorFacts#of(io.clusterstacks.core.cloud.CloudProfile)}
 * returns one, and {@link #of(List)} builds one for any other list.
 */
final class FlavorTable extends AbstractList<FlavorFacts> implements RandomAccess, Requirement.Values {

  static final int COST_TERMS = Ranking.FLAVOR_KEYS;
  private static final byte RAM_OVERSUBSCRIBED = 1;
  private static final byte ETCD_GRADE = 2;

  private final FlavorFacts[] facts;
  private final int[] vcpus;
  private final int[] ramMiB;
  private final int[] diskGB;
  private final String[] architecture;
  /** {@link CpuType#ordinal()}, or -1 when unknown. */
  private final byte[] cpuType;
  /** The disk type a minimum disk type is checked against ({@link DiskType#ordinal()}), or -1 when not stated. */
  private final byte[] diskTypeForMinimum;
  private final byte[] flags;
  /** {@link Term#storageTier}. */
  final byte[] tier;
  /** The index of the flavor's {@link HostCount} instance in {@link #hosts}, by identity. */
  final int[] hostIndex;
  final HostCount[] hosts;
  /** {@link FlavorFacts#cost} of flavor i at i * COST_TERMS. */
  private final long[] cost;

  private FlavorTable(List<FlavorFacts> in) {
    int n = in.size();
    facts = in.toArray(new FlavorFacts[0]);
    vcpus = new int[n];
    ramMiB = new int[n];
    diskGB = new int[n];
    architecture = new String[n];
    cpuType = new byte[n];
    diskTypeForMinimum = new byte[n];
    flags = new byte[n];
    tier = new byte[n];
    hostIndex = new int[n];
    cost = new long[n * COST_TERMS];
    Map<HostCount, Integer> hostIds = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      FlavorFacts f = facts[i];
      vcpus[i] = f.flavor.vcpus();
      ramMiB[i] = f.flavor.ramMiB();
      diskGB[i] = f.flavor.diskGB();
      architecture[i] = f.flavor.architecture();
      cpuType[i] = (byte) (f.cpuType == null ? -1 : f.cpuType.ordinal());
      diskTypeForMinimum[i] = (byte) f.diskTypeForMinimum;
      flags[i] = (byte) ((f.ramOversubscribed ? RAM_OVERSUBSCRIBED : 0) | (f.storage.isEtcdGrade() ? ETCD_GRADE : 0));
      tier[i] = (byte) Term.storageTier(f.storage);
      hostIndex[i] = hostIds.computeIfAbsent(f.hosts, h -> hostIds.size());
      System.arraycopy(f.cost, 0, cost, i * COST_TERMS, COST_TERMS);
    }
    hosts = new HostCount[hostIds.size()];
    hostIds.forEach((h, i) -> hosts[i] = h);
  }

  /**
   * The table of a list of facts: the list itself when it is one, else built from it.
   *
   * @param all the facts
   * @return the table, in the list's order
   */
  static FlavorTable of(List<FlavorFacts> all) {
    return all instanceof FlavorTable t ? t : new FlavorTable(all);
  }

  @Override
  public FlavorFacts get(int index) {
    return facts[index];
  }

  @Override
  public int size() {
    return facts.length;
  }

  /**
   * Orders two flavors as {@link Search#COST} orders their facts: cost terms, then name.
   *
   * @param i one flavor's index
   * @param j the other's
   * @return negative, zero or positive
   */
  int compareCost(int i, int j) {
    int a = i * COST_TERMS;
    int b = j * COST_TERMS;
    for (int k = 0; k < COST_TERMS; k++) {
      if (cost[a + k] != cost[b + k]) {
        return Long.compare(cost[a + k], cost[b + k]);
      }
    }
    return facts[i].flavor.name().compareTo(facts[j].flavor.name());
  }

  /**
   * Whether a flavor meets a role's requirements, by {@link Requirement#failures}.
   *
   * @param r the role's requirements
   * @param i the flavor's index
   * @return true when it fits
   */
  boolean fits(Requirement.Filter r, int i) {
    return failures(r, i, true) == 0;
  }

  /**
   * The rules a flavor fails, by {@link Requirement#failures}.
   *
   * @param r the role's requirements
   * @param i the flavor's index
   * @return the bit mask
   */
  int failures(Requirement.Filter r, int i) {
    return failures(r, i, false);
  }

  private int failures(Requirement.Filter r, int i, boolean firstOnly) {
    return Requirement.failures(r, this, i, firstOnly);
  }

  // Requirement.Values: each rule reads its own array when it checks it (not every array for every flavor)

  @Override
  public int vcpus(int i) {
    return vcpus[i];
  }

  @Override
  public int ramMiB(int i) {
    return ramMiB[i];
  }

  @Override
  public int diskGB(int i) {
    return diskGB[i];
  }

  @Override
  public String architecture(int i) {
    return architecture[i];
  }

  @Override
  public int cpuType(int i) {
    return cpuType[i];
  }

  @Override
  public int diskTypeForMinimum(int i) {
    return diskTypeForMinimum[i];
  }

  @Override
  public boolean ramOversubscribed(int i) {
    return (flags[i] & RAM_OVERSUBSCRIBED) != 0;
  }

  @Override
  public boolean etcdGrade(int i) {
    return (flags[i] & ETCD_GRADE) != 0;
  }
}
