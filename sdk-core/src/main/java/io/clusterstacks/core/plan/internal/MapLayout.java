package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.PlacementMap;
import io.clusterstacks.core.plan.PlacementMap.RoleColumn;
import io.clusterstacks.core.plan.PlacementMap.Section;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.stack.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a plan's members out over the listed hypervisors of each section of the placement map: worker
 * deployments one member per host in turn (Nova spreads evenly when it can), the control plane zone by
 * zone as KubeadmControlPlane does (member i into zone i mod Z), each zone's members over that zone's
 * hosts in turn. Where the profile does not say which listed host is in which zone (a host class), the
 * control plane is drawn over equal slices of the listed hosts, one slice per zone, when they divide
 * evenly, and no zone is named. At most {@link PlacementMap#MAX_LISTED_HOSTS} hosts are listed per
 * section (the first ones, zone by zone); the members on the hosts beyond are counted, not listed. The
 * work depends on the listed hosts and the roles, not on the replicas or the cloud's host count.
 */
public final class MapLayout {

  private MapLayout() {}

  /**
   * The sections of a plan's map.
   *
   * @param plan the plan
   * @return one section per set of hypervisors (the whole cloud, or a host class)
   */
  public static List<Section> sections(ClusterPlan plan) {
    Map<Optional<String>, List<RolePlan>> byClass = new LinkedHashMap<>();
    for (RolePlan r : plan.roles()) {
      byClass.computeIfAbsent(r.flavor().flavor().hostClass(), k -> new ArrayList<>()).add(r);
    }
    Zones zones = Zones.of(plan.cloud(), new ArrayList<>());
    List<Section> sections = new ArrayList<>();
    for (Map.Entry<Optional<String>, List<RolePlan>> e : byClass.entrySet()) {
      HostCount hosts = e.getValue().get(0).flavor().hosts();
      int all = hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count();
      int listed = Math.min(all, PlacementMap.MAX_LISTED_HOSTS);
      // per-zone counts describe the hosts of flavors without a host class; the profile does not say which
      // named host is in which zone, so hosts drawn by zone are numbered instead of named
      List<String> hostZones = e.getKey().isEmpty() ? zones.hostZones(all, listed) : List.of();
      List<String> names = new ArrayList<>(listed);
      for (int i = 0; i < listed; i++) {
        names.add(i < hosts.names().size() && hostZones.isEmpty() ? hosts.names().get(i)
            : hosts.knowledge() == HostKnowledge.UNKNOWN ? "unknown hosts" : "hypervisor-" + (i + 1));
      }
      List<RoleColumn> cols = new ArrayList<>();
      long offset = 0;
      for (RolePlan r : e.getValue()) {
        Counts per = new Counts(listed);
        if (r.role() == Role.CONTROL_PLANE && zones.count() > 1 && !hostZones.isEmpty()) {
          byZone(per, r.replicas(), zones.guaranteed());
        } else if (r.role() == Role.CONTROL_PLANE && zones.count() > 1 && all % zones.count() == 0) {
          // zones of these hosts not known: drawn as if the listed hosts were the zones' in equal slices, so
          // that the members are spread over the zones as KubeadmControlPlane spreads them (no zone is claimed)
          int[] equal = new int[zones.count()];
          java.util.Arrays.fill(equal, all / zones.count());
          byZone(per, r.replicas(), equal);
        } else {
          for (RolePlan.Deployment d : r.deployments()) {
            roundRobin(per, 0, all, offset, d.replicas());
            offset += d.replicas();
          }
        }
        List<Integer> perList = new ArrayList<>(listed);
        for (long x : per.listed) {
          perList.add((int) Math.min(Integer.MAX_VALUE, x));
        }
        cols.add(RoleColumn.builder().role(r.name()).policy(r.placement().policy()).membersPerHost(perList)
            .membersOnMoreHosts(per.beyond)
            .worstCasePerHost(r.placement().worstCasePerHost()).expectedPerHost(r.placement().expectedPerHost()).build());
      }
      sections.add(Section.builder().hostClass(e.getKey()).hosts(hosts).hostNames(names).hostZones(hostZones)
          .moreHosts(all - listed).roles(cols).build());
    }
    return sections;
  }

  /** Members per listed host, and the sum over the hosts beyond the listed ones. */
  static final class Counts {
    final long[] listed;
    long beyond;

    Counts(int listed) {
      this.listed = new long[listed];
    }
  }

  /**
   * Adds n members one per host in turn over the hosts {@code [from, from + count)}, starting at the host
   * {@code offset} places after {@code from}: every host gets n / count, and the n mod count hosts from
   * the start one more. Only the listed hosts are visited; the rest is counted as a sum.
   */
  static void roundRobin(Counts per, int from, int count, long offset, long n) {
    if (count <= 0 || n <= 0) {
      return;
    }
    long base = n / count;
    long rest = n % count;
    long start = offset % count;
    long added = 0;
    int visible = Math.max(0, Math.min(count, per.listed.length - from));
    for (int i = 0; i < visible; i++) {
      // host i is one of the rest hosts when it lies within rest places after start, going round
      long m = base + (Math.floorMod(i - start, count) < rest ? 1 : 0);
      per.listed[from + i] += m;
      added += m;
    }
    per.beyond += n - added;
  }

  /** Control-plane members zone by zone (member i into zone i mod Z), then over each zone's hosts in turn. */
  static void byZone(Counts per, long members, int[] hostsPerZone) {
    int z = hostsPerZone.length;
    int from = 0;
    for (int i = 0; i < z; i++) {
      long inZone = members / z + (i < members % z ? 1 : 0);
      int hosts = hostsPerZone[i];
      roundRobin(per, from, hosts, 0, inZone);
      from += hosts;
    }
  }
}
