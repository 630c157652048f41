package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.StorageClass;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * One term of the planner's ranking: its label, how it turns a candidate into a number (lower is
 * better) and how it says why a candidate lost on it. {@link Ranking} orders the terms per role; the
 * search, the brute-force oracle and the report all read that one table, so a term cannot be renamed,
 * reordered or dropped in one place and not in the others.
 *
 * <p>Flavor terms ({@link #isFlavorTerm()}) depend on the flavor alone; they are computed once per
 * flavor ({@link FlavorFacts}) and laid out in {@link FlavorTable}. {@link #FLAVOR_NAME} is the name
 * tie-break, compared as text.
 */
enum Term {
  // placement terms: (label, why a candidate lost on it); a candidate's value of each is in key(..) below
  QUORUM("quorum after losing one hypervisor",
      (ctx, loser, winner) -> loser.survivesExpected()
          ? "quorum survives losing a hypervisor only in the expected case, not the worst case (up to " + loser.worstPerHost()
              + " of " + ctx.replicas() + " members on one host)"
          : "etcd quorum is lost when the busiest hypervisor fails (up to " + loser.worstPerHost() + " of " + ctx.replicas()
              + " members on one host, " + Wording.describeHosts(loser.flavor().hosts()) + ")"),
  SPREAD("spread over hypervisors (scs-0214)",
      (ctx, loser, winner) -> "spread over several hypervisors is "
          + (loser.expectedPerHost() < ctx.replicas() ? "expected but not guaranteed" : "not even expected")),
  ETCD_STORAGE("etcd storage (scs-0110)",
      (ctx, loser, winner) -> loser.flavor().storage().description() + " for etcd, where " + winner.flavor().flavor().name()
          + " has " + winner.flavor().storage().description()),
  WORST_PER_HOST("worst-case members per hypervisor",
      (ctx, loser, winner) -> "up to " + loser.worstPerHost() + " members on one hypervisor in the worst case, "
          + winner.worstPerHost() + " with the chosen plan"),
  EXPECTED_PER_HOST("expected members per hypervisor",
      (ctx, loser, winner) -> "expected " + loser.expectedPerHost() + " members on the busiest hypervisor after rollouts, "
          + winner.expectedPerHost() + " with the chosen plan"),
  SURGE("rollout surge",
      (ctx, loser, winner) -> "maxSurge 0 only pays off when it buys a stronger placement"),
  POINTLESS_GROUP("a server group that cannot spread anything",
      (ctx, loser, winner) -> "a server group with one member or on one hypervisor spreads nothing"),
  POLICY_STRENGTH("policy strength",
      (ctx, loser, winner) -> loser.policy() + " is weaker than " + winner.policy() + " with the same members per host"),
  MAX_PER_HOST("max_server_per_host",
      (ctx, loser, winner) -> "a higher per-host limit (" + loser.policy().maxServerPerHost().orElse(0) + " instead of "
          + winner.policy().maxServerPerHost().orElse(0) + ") with the same members per host"),
  GROUPS("number of server groups",
      (ctx, loser, winner) -> "needs " + loser.groups() + " server groups, the chosen plan " + winner.groups()),

  // flavor terms, in ranking order: (label, the flavor's value, why a candidate lost on it)
  NAME_CONSISTENCY("consistency with its SCS name",
      f -> f.nameProblems.isEmpty() ? 0 : 1,
      (ctx, loser, winner) -> "its real values fall short of its SCS name: " + String.join("; ", loser.flavor().nameProblems())),
  VCPUS("vCPUs",
      f -> f.flavor.vcpus(),
      (ctx, loser, winner) -> "larger: " + loser.flavor().flavor().vcpus() + " vCPU vs " + winner.flavor().flavor().vcpus()),
  RAM("RAM",
      f -> f.flavor.ramMiB(),
      (ctx, loser, winner) -> "more RAM: " + loser.flavor().flavor().ramMiB() + " MiB vs " + winner.flavor().flavor().ramMiB()),
  DISK("disk",
      f -> f.flavor.diskGB(),
      (ctx, loser, winner) -> {
        CloudFlavor w = winner.flavor().flavor();
        return "larger disk: " + loser.flavor().flavor().diskGB() + " GB vs " + (w.diskGB() == 0 ? "none" : w.diskGB() + " GB");
      }),
  CPU_TYPE("CPU type",
      f -> f.cpuType == null ? 4 : switch (f.cpuType) {
        case SHARED_CORE -> 0;
        case CROWDED_CORE -> 1;
        case DEDICATED_THREAD -> 2;
        case DEDICATED_CORE -> 3;
      },
      (ctx, loser, winner) -> "a costlier CPU type: " + loser.flavor().cpuType().map(Wording::cpuWords).orElse("unknown CPU type")),
  INSECURE("insecure CPU",
      f -> f.insecure ? 1 : 0,
      (ctx, loser, winner) -> "marked insecure (i)"),
  /** The tie-break: compared as text, so it has no numeric key. */
  FLAVOR_NAME("flavor name",
      f -> 0,
      (ctx, loser, winner) -> "ranks the same; loses on name order") {
    @Override
    int compare(Evaluation a, long ka, Evaluation b, long kb) {
      return a.flavor.flavor.name().compareTo(b.flavor.flavor.name());
    }
  };

  /** Why a candidate lost to the winner on a term, with the values: one clause. */
  @FunctionalInterface
  interface WhyLost {
    String of(RoleContext ctx, Evaluation loser, Evaluation winner);
  }

  private final String label;
  /** Set for flavor terms. */
  private final @Nullable ToLongFunction<FlavorFacts> flavorKey;
  private final WhyLost whyLost;

  /** A placement term. */
  Term(String label, WhyLost whyLost) {
    this.label = label;
    this.flavorKey = null;
    this.whyLost = whyLost;
  }

  /** A flavor term. */
  Term(String label, ToLongFunction<FlavorFacts> key, WhyLost whyLost) {
    this.label = label;
    this.flavorKey = key;
    this.whyLost = whyLost;
  }

  /**
   * The term's name in reports and documentation.
   *
   * @return e.g. {@code worst-case members per hypervisor}
   */
  String label() {
    return label;
  }

  /**
   * Whether the term depends on the flavor alone.
   *
   * @return true for the flavor terms (and the name tie-break)
   */
  final boolean isFlavorTerm() {
    return ordinal() >= NAME_CONSISTENCY.ordinal();
  }

  /**
   * The candidate's value of this term, lower is better.
   *
   * <p>One switch rather than a function per term: {@link Evaluation} fills a key of 13 or 17 terms for
   * every candidate, and a call through ten different functions at one call site is not inlined.
   *
   * @param ctx the role
   * @param e the candidate, with its metrics set
   * @return the value
   */
  final long key(RoleContext ctx, Evaluation e) {
    return switch (this) {
      case QUORUM -> ctx.tolerance() == HostFailureTolerance.NOT_NEEDED ? 0 : e.survivesWorst ? 0 : e.survivesExpected ? 1 : 2;
      case SPREAD -> ctx.replicas() <= 1 ? 0 : e.worstPerHost < ctx.replicas() ? 0 : e.expectedPerHost < ctx.replicas() ? 1 : 2;
      case ETCD_STORAGE -> storageTier(e.flavor.storage);
      case WORST_PER_HOST -> e.worstPerHost;
      case EXPECTED_PER_HOST -> e.expectedPerHost;
      case SURGE -> e.surge == 1 ? 0 : 1;
      case POINTLESS_GROUP -> e.pointlessGroup ? 1 : 0;
      case POLICY_STRENGTH -> e.policy.kind().ordinal();
      case MAX_PER_HOST -> e.policy.maxServerPerHost().orElse(0);
      case GROUPS -> e.groups;
      default -> flavorKey(e.flavor);
    };
  }

  /**
   * A flavor's value of a flavor term, lower is better.
   *
   * @param f the flavor
   * @return the value
   */
  final long flavorKey(FlavorFacts f) {
    if (flavorKey == null) {
      throw new IllegalStateException(label + " is not a flavor term");
    }
    return flavorKey.applyAsLong(f);
  }

  /**
   * Compares two candidates on this term.
   *
   * @param a one candidate
   * @param ka its value
   * @param b the other
   * @param kb its value
   * @return negative when {@code a} is better
   */
  int compare(Evaluation a, long ka, Evaluation b, long kb) {
    return Long.compare(ka, kb);
  }

  /**
   * Why a candidate lost to the winner on this term, with the values.
   *
   * @param ctx the role
   * @param loser the candidate that lost
   * @param winner the chosen candidate
   * @return one clause
   */
  final String whyLost(RoleContext ctx, Evaluation loser, Evaluation winner) {
    return whyLost.of(ctx, loser, winner);
  }

  /** The storage tiers etcd cares about: local SSD/NVMe, local of unstated type, local HDD, network. */
  static int storageTier(StorageClass s) {
    return switch (s) {
      case LOCAL_NVME, LOCAL_SSD -> 0;
      case LOCAL_UNSPECIFIED -> 1;
      case LOCAL_HDD -> 2;
      case NETWORK, DISKLESS -> 3;
    };
  }
}
