package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.plan.PlacementPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The oracle: tries every flavor × policy (every {@code max_server_per_host}) × surge × group count
 * through {@link Scoring#evaluate} and keeps the best. Exponentially more work than {@link Search},
 * meant for tests and benchmarks on small profiles.
 */
public final class BruteForce {

  private BruteForce() {}

  /**
   * Searches one role exhaustively.
   *
   * @param ctx the role
   * @param all every flavor's facts
   * @return the outcome
   */
  public static RoleOutcome run(RoleContext ctx, List<FlavorFacts> all) {
    List<Evaluation> perFlavor = new ArrayList<>();
    List<RoleOutcome.Rejected> rejected = new ArrayList<>();
    Set<Integer> surges = new TreeSet<>(List.of(0, 1));
    ctx.requestedSurge().ifPresent(surges::add);
    for (FlavorFacts f : Search.candidates(ctx, all)) {
      List<String> fv = Search.countedFlavorViolations(ctx, f);
      if (!fv.isEmpty()) {
        Search.offerRejected(rejected, new RoleOutcome.Rejected(f, fv));
        continue;
      }
      Evaluation flavorBest = null;
      int maxK = ctx.replicas() + surges.stream().mapToInt(Integer::intValue).max().orElse(1);
      if (ctx.pinnedPolicy() != null) {
        maxK = Math.max(maxK, ctx.pinnedPolicy().maxServerPerHost().orElse(0));
      }
      List<PlacementPolicy> policies = new ArrayList<>();
      policies.add(PlacementPolicy.antiAffinity());
      policies.add(PlacementPolicy.softAntiAffinity());
      policies.add(PlacementPolicy.none());
      for (int k = 2; k <= maxK; k++) {
        policies.add(PlacementPolicy.maxPerHost(k));
      }
      for (PlacementPolicy p : policies) {
        for (int surge : surges) {
          for (int g = 1; g <= Math.max(1, ctx.replicas()); g++) {
            Evaluation e = Scoring.evaluate(ctx, f, fv, p, surge, g);
            if (e.feasible() && (flavorBest == null || e.compareTo(flavorBest) < 0)) {
              flavorBest = e;
            }
          }
        }
      }
      if (flavorBest != null) {
        perFlavor.add(flavorBest);
      }
    }
    if (perFlavor.isEmpty()) {
      return new RoleOutcome(null, List.of(), List.copyOf(rejected), List.of());
    }
    perFlavor.sort(null);
    Evaluation best = perFlavor.get(0);
    List<Evaluation> runnersUp = new ArrayList<>(perFlavor.subList(1, Math.min(4, perFlavor.size())));
    return new RoleOutcome(best, List.copyOf(runnersUp), List.copyOf(rejected), List.of());
  }
}
