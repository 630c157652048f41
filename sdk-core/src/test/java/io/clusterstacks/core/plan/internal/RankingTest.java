package io.clusterstacks.core.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ranking table as a reviewed statement: which terms, in which order, per role. */
class RankingTest {

  @Test
  void theControlPlaneRanksPlacementBeforeTheFlavor() {
    assertEquals(List.of("quorum after losing one hypervisor", "spread over hypervisors (scs-0214)", "etcd storage (scs-0110)",
        "worst-case members per hypervisor", "expected members per hypervisor", "rollout surge",
        "a server group that cannot spread anything", "policy strength", "max_server_per_host", "number of server groups",
        "consistency with its SCS name", "vCPUs", "RAM", "disk", "CPU type", "insecure CPU", "flavor name"),
        labels(Ranking.CONTROL_PLANE));
  }

  @Test
  void workersRankTheFlavorBeforeThePlacement() {
    assertEquals(List.of("consistency with its SCS name", "vCPUs", "RAM", "disk", "CPU type", "insecure CPU", "flavor name",
        "worst-case members per hypervisor", "expected members per hypervisor", "a server group that cannot spread anything",
        "policy strength", "max_server_per_host", "number of server groups"), labels(Ranking.WORKER));
  }

  @Test
  void everyTermIsRankedSomewhereAndLabelsAreDistinct() {
    Set<Term> used = Arrays.stream(Ranking.CONTROL_PLANE).collect(Collectors.toSet());
    used.addAll(Arrays.asList(Ranking.WORKER));
    assertEquals(Set.of(Term.values()), used);
    assertEquals(Term.values().length, Arrays.stream(Term.values()).map(Term::label).distinct().count());
    assertTrue(Arrays.stream(Ranking.WORKER).noneMatch(t -> t == Term.QUORUM || t == Term.SPREAD || t == Term.SURGE));
  }

  private static List<String> labels(Term[] order) {
    return Arrays.stream(order).map(Term::label).toList();
  }
}
