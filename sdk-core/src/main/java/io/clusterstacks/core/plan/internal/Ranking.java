package io.clusterstacks.core.plan.internal;

import static io.clusterstacks.core.plan.internal.Term.CPU_TYPE;
import static io.clusterstacks.core.plan.internal.Term.DISK;
import static io.clusterstacks.core.plan.internal.Term.ETCD_STORAGE;
import static io.clusterstacks.core.plan.internal.Term.EXPECTED_PER_HOST;
import static io.clusterstacks.core.plan.internal.Term.FLAVOR_NAME;
import static io.clusterstacks.core.plan.internal.Term.GROUPS;
import static io.clusterstacks.core.plan.internal.Term.INSECURE;
import static io.clusterstacks.core.plan.internal.Term.MAX_PER_HOST;
import static io.clusterstacks.core.plan.internal.Term.NAME_CONSISTENCY;
import static io.clusterstacks.core.plan.internal.Term.POINTLESS_GROUP;
import static io.clusterstacks.core.plan.internal.Term.POLICY_STRENGTH;
import static io.clusterstacks.core.plan.internal.Term.QUORUM;
import static io.clusterstacks.core.plan.internal.Term.RAM;
import static io.clusterstacks.core.plan.internal.Term.SPREAD;
import static io.clusterstacks.core.plan.internal.Term.SURGE;
import static io.clusterstacks.core.plan.internal.Term.VCPUS;
import static io.clusterstacks.core.plan.internal.Term.WORST_PER_HOST;

import java.util.List;

/**
 * The ranking table: the terms in order of importance, per role.
 *
 * <p>Control plane: quorum after losing the worst hypervisor, spread (scs-0214), etcd-grade storage
 * (scs-0110), members per hypervisor, surge, no pointless group, policy strength, per-host limit,
 * groups, then the flavor (consistent with its SCS name, fewest vCPUs, least RAM, smallest disk,
 * cheapest CPU type, not insecure, name). Workers: the flavor first, then the placement terms.
 *
 * <p>{@link Search} relies on the flavor terms being contiguous, and on every placement term lying
 * entirely before or entirely after them (then flavors sharing their hypervisors share the best
 * policy); the class initialiser checks it.
 */
final class Ranking {

  /** The flavor's own terms, in order: {@link FlavorFacts} keeps their values, {@link FlavorTable} scans them. */
  static final List<Term> FLAVOR = List.of(NAME_CONSISTENCY, VCPUS, RAM, DISK, CPU_TYPE, INSECURE, FLAVOR_NAME);

  static final Term[] CONTROL_PLANE = {
    QUORUM, SPREAD, ETCD_STORAGE, WORST_PER_HOST, EXPECTED_PER_HOST, SURGE, POINTLESS_GROUP, POLICY_STRENGTH,
    MAX_PER_HOST, GROUPS, NAME_CONSISTENCY, VCPUS, RAM, DISK, CPU_TYPE, INSECURE, FLAVOR_NAME};

  static final Term[] WORKER = {
    NAME_CONSISTENCY, VCPUS, RAM, DISK, CPU_TYPE, INSECURE, FLAVOR_NAME,
    WORST_PER_HOST, EXPECTED_PER_HOST, POINTLESS_GROUP, POLICY_STRENGTH, MAX_PER_HOST, GROUPS};

  /** The number of numeric flavor terms (the name is compared as text). */
  static final int FLAVOR_KEYS = FLAVOR.size() - 1;

  static {
    for (int i = 0; i < FLAVOR.size(); i++) {
      if (FLAVOR.get(i).ordinal() != NAME_CONSISTENCY.ordinal() + i || !FLAVOR.get(i).isFlavorTerm()) {
        throw new IllegalStateException("the flavor terms must be declared in ranking order: " + FLAVOR);
      }
    }
    for (Term[] order : new Term[][] {CONTROL_PLANE, WORKER}) {
      int first = -1;
      for (int i = 0; i < order.length; i++) {
        if (order[i] == FLAVOR.get(0)) {
          first = i;
        }
      }
      if (first < 0 || first + FLAVOR.size() > order.length
          || !List.of(order).subList(first, first + FLAVOR.size()).equals(FLAVOR)) {
        throw new IllegalStateException("the flavor terms must be contiguous in every ranking: " + List.of(order));
      }
      if (List.of(order).stream().distinct().count() != order.length) {
        throw new IllegalStateException("a term appears twice in a ranking: " + List.of(order));
      }
    }
  }

  private Ranking() {}

  /**
   * The order for a role.
   *
   * @param controlPlane which role
   * @return the terms, most important first
   */
  static Term[] of(boolean controlPlane) {
    return controlPlane ? CONTROL_PLANE : WORKER;
  }

  /**
   * A flavor's value of one flavor term, from the values {@link FlavorFacts} keeps.
   *
   * @param f the flavor
   * @param t a flavor term
   * @return the value (0 for the name, which is compared as text)
   */
  static long flavorKeyOf(FlavorFacts f, Term t) {
    int i = t.ordinal() - NAME_CONSISTENCY.ordinal();
    return i < FLAVOR_KEYS ? f.cost[i] : 0;
  }

  /**
   * The flavor-term values of a flavor, in {@link #FLAVOR} order without the name.
   *
   * @param f the flavor
   * @return the values
   */
  static long[] flavorKeys(FlavorFacts f) {
    long[] k = new long[FLAVOR_KEYS];
    for (int i = 0; i < FLAVOR_KEYS; i++) {
      k[i] = FLAVOR.get(i).flavorKey(f);
    }
    return k;
  }
}
