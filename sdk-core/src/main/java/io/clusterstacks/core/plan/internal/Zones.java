package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.PlanWarning.Code;
import io.clusterstacks.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The availability zones a control plane is spread over, and the hypervisors of each.
 *
 * <p>CAPO offers every availability zone as a failure domain (unless the cluster lists the control
 * plane's zones), and KubeadmControlPlane puts each new machine into the failure domain with the
 * fewest machines, whatever the zone's host count (CAPI {@code failuredomains.PickFewest}). So r
 * members over Z zones put up to ceil(r / Z) into every zone, and during a surge-first rollout up to
 * ceil((r + surge) / Z): a zone of one hypervisor then gets two members on that one host.
 *
 * <p>Per-zone host counts ({@code hypervisors.byZone}) count the hosts that serve flavors without a
 * host class. For a flavor of a host class (e.g. local SSD) the profile does not say how that class's
 * hosts are spread over the zones; the plan then assumes every zone has enough of them and says so.
 *
 * @param names the zones, in the profile's order (one entry, or none, for a cloud without zones)
 * @param guaranteed per zone, the hypervisors that are certain (0 where the profile gives no count)
 * @param perZoneKnown whether the profile gives a count for every zone
 */
record Zones(List<String> names, int[] guaranteed, boolean perZoneKnown) {

  /** No zones to balance over: workers (a machine deployment has one failure domain) and one-zone clouds. */
  static final Zones ONE = new Zones(List.of(), new int[0], false);

  /**
   * The same zones with more hypervisors in one of them (for "what if" alternatives).
   *
   * @param zone the zone's index
   * @param extra the hypervisors added
   * @return the changed zones
   */
  Zones withMore(int zone, int extra) {
    int[] g = guaranteed.clone();
    g[zone] += extra;
    return new Zones(names, g, perZoneKnown);
  }

  /**
   * The most members KubeadmControlPlane puts into one zone.
   *
   * @param members the members (replicas, plus the surge during a rollout)
   * @return ceil(members / zones)
   */
  long perZone(long members) {
    int z = count();
    return (members + z - 1) / z;
  }

  /**
   * Reads the zones of a cloud, refusing counts that contradict each other and warning about gaps.
   *
   * @param cloud the profile
   * @param warnings where a gap in the zone counts is reported
   * @return the zones
   * @throws InvalidInputException when the per-zone counts cannot be true: exact counts that do not add
   *     up to an exact total, lower bounds above it, or a listed zone left with no hypervisor
   */
  static Zones of(CloudProfile cloud, List<PlanWarning> warnings) {
    List<String> names = cloud.availabilityZones();
    Map<String, HostCount> byZone = cloud.hypervisors().byZone();
    int[] guaranteed = new int[names.size()];
    if (byZone.isEmpty()) {
      return new Zones(names, guaranteed, false);
    }
    HostCount total = cloud.hypervisors().total();
    long sum = 0;
    boolean allExact = true;
    List<String> missing = new ArrayList<>();
    StringBuilder terms = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      HostCount c = byZone.get(names.get(i));
      if (c == null) {
        missing.add(names.get(i));
        allExact = false;
        continue;
      }
      guaranteed[i] = c.knowledge() == HostKnowledge.UNKNOWN ? 0 : c.count();
      allExact &= c.isAssumedExact();
      sum += guaranteed[i];
      terms.append(terms.length() == 0 ? "" : " + ").append(names.get(i)).append(' ').append(c.count());
    }
    List<Problem> problems = new ArrayList<>();
    String sumText = terms + " = " + sum;
    if (total.isAssumedExact()) {
      if (allExact && sum != total.count()) {
        problems.add(Problem.of("hypervisors.byZone", sumText + ", hypervisors.total " + total.count(),
            "make the zones' counts add up to hypervisors.total: every hypervisor is in exactly one availability zone"
                + " (Nova puts hosts outside any zone aggregate into the default zone)"));
      } else if (sum > total.count()) {
        problems.add(Problem.of("hypervisors.byZone", sumText + ", hypervisors.total " + total.count(),
            "the zones cannot hold more hypervisors than hypervisors.total; correct the counts"));
      } else if (!missing.isEmpty() && sum == total.count()) {
        for (String z : missing) {
          problems.add(Problem.of("hypervisors.byZone." + z, "<missing>",
              "the other zones hold all " + total.count() + " hypervisors of hypervisors.total, so " + z + " would have none"
                  + " (a control-plane machine sent there goes to ERROR); give its count, or remove it from"
                  + " availabilityZones (Nova lists only zones that have hosts)"));
        }
      }
    }
    InvalidInputException.throwIfAny(problems);
    if (!missing.isEmpty()) {
      warnings.add(PlanWarning.of(Severity.INFO, Code.ZONES, "cluster", "hypervisors.byZone gives no count for "
          + String.join(", ", missing) + ": the plan counts " + (missing.size() == 1 ? "that zone" : "those zones")
          + " as one certain hypervisor each"));
      for (int i = 0; i < names.size(); i++) {
        if (!byZone.containsKey(names.get(i))) {
          guaranteed[i] = 1;
        }
      }
    }
    for (int i = 0; i < names.size(); i++) {
      // Nova lists a zone only when it has hosts: an unknown count is at least one
      guaranteed[i] = Math.max(1, guaranteed[i]);
    }
    return new Zones(names, guaranteed, true);
  }

  /**
   * The number of failure domains the control plane is spread over.
   *
   * @return 1 or more
   */
  int count() {
    return Math.max(1, names.size());
  }

  /**
   * The index of the zone with the fewest certain hypervisors (the first such zone).
   *
   * @return the index, or -1 when per-zone counts are not known or there is one zone
   */
  int smallest() {
    if (!perZoneKnown || names.size() < 2) {
      return -1;
    }
    int best = 0;
    for (int i = 1; i < guaranteed.length; i++) {
      if (guaranteed[i] < guaranteed[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The certain hypervisors of the smallest zone.
   *
   * @return the count, or 0 when not known per zone
   */
  int smallestHosts() {
    int i = smallest();
    return i < 0 ? 0 : guaranteed[i];
  }

  /**
   * The name of the smallest zone.
   *
   * @return the name, or null when not known per zone
   */
  @Nullable String smallestName() {
    int i = smallest();
    return i < 0 ? null : names.get(i);
  }

  /**
   * The zone of each of a section's listed hosts, in the order KubeadmControlPlane fills them: the
   * hosts of each zone in turn, so that host i of the map is in zone {@code zoneOfHost(i)}.
   *
   * @param all the section's hosts
   * @param listed the number of hosts the map lists (the first ones)
   * @return one zone name per listed host, or empty when the counts do not describe exactly these hosts
   */
  List<String> hostZones(int all, int listed) {
    if (!perZoneKnown || names.size() < 2) {
      return List.of();
    }
    long sum = 0;
    for (int g : guaranteed) {
      sum += g;
    }
    if (sum != all) {
      return List.of();
    }
    List<String> out = new ArrayList<>(listed);
    for (int z = 0; z < names.size() && out.size() < listed; z++) {
      for (int h = 0; h < guaranteed[z] && out.size() < listed; h++) {
        out.add(names.get(z));
      }
    }
    return out;
  }
}
