package io.clusterstacks.core.plan;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.internal.PlacementRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The expected placement of each role's members over the hypervisors that serve its flavor, with each
 * role's worst and expected case after rollouts. Rendered as a text table or as SVG.
 *
 * <p>The placement is the initial one a policy leads to (Nova spreads evenly when it can); rollouts can
 * change it, which is what the worst-case and expected columns state.
 */
public final class PlacementMap {

  private final List<Section> sections;

  private PlacementMap(List<Section> sections) {
    this.sections = List.copyOf(sections);
  }

  /**
   * One set of hypervisors (all of them, or a host class) with the roles placed on it.
   *
   * @param hostClass the host class, or empty for the whole cloud
   * @param hosts the hypervisor count
   * @param hostNames a label per listed host (real names when known)
   * @param roles the roles placed here, with members per listed host
   */
  public record Section(Optional<String> hostClass, HostCount hosts, List<String> hostNames, List<RoleColumn> roles) {
    /**
     * Copies the lists.
     *
     * @param hostClass the host class
     * @param hosts the count
     * @param hostNames the host labels
     * @param roles the roles
     */
    public Section {
      Objects.requireNonNull(hostClass, "hostClass");
      Objects.requireNonNull(hosts, "hosts");
      hostNames = List.copyOf(hostNames);
      roles = List.copyOf(roles);
    }
  }

  /**
   * One role's members per host.
   *
   * @param role the role name
   * @param policy its placement policy
   * @param membersPerHost members on each listed host, in host order
   * @param worstCasePerHost the worst case after rollouts
   * @param expectedPerHost the expected case after rollouts
   */
  public record RoleColumn(String role, PlacementPolicy policy, List<Integer> membersPerHost, int worstCasePerHost,
      int expectedPerHost) {
    /**
     * Copies the list.
     *
     * @param role the role name
     * @param policy its policy
     * @param membersPerHost members per host
     * @param worstCasePerHost the worst case
     * @param expectedPerHost the expected case
     */
    public RoleColumn {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(policy, "policy");
      membersPerHost = List.copyOf(membersPerHost);
    }
  }

  /**
   * Builds the map of a plan.
   *
   * @param plan the plan
   * @return the map
   */
  public static PlacementMap of(ClusterPlan plan) {
    Map<Optional<String>, List<RolePlan>> byClass = new LinkedHashMap<>();
    for (RolePlan r : plan.roles()) {
      byClass.computeIfAbsent(r.flavor().flavor().hostClass(), k -> new ArrayList<>()).add(r);
    }
    List<Section> sections = new ArrayList<>();
    for (Map.Entry<Optional<String>, List<RolePlan>> e : byClass.entrySet()) {
      HostCount hosts = e.getValue().get(0).flavor().hosts();
      int listed = hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < listed; i++) {
        names.add(i < hosts.names().size() ? hosts.names().get(i)
            : hosts.knowledge() == HostKnowledge.UNKNOWN ? "unknown hosts" : "hypervisor-" + (i + 1));
      }
      List<RoleColumn> cols = new ArrayList<>();
      int offset = 0;
      for (RolePlan r : e.getValue()) {
        int[] per = new int[listed];
        for (RolePlan.Deployment d : r.deployments()) {
          for (int m = 0; m < d.replicas(); m++) {
            per[(offset + m) % listed]++;
          }
          offset += d.replicas();
        }
        List<Integer> perList = new ArrayList<>();
        for (int x : per) {
          perList.add(x);
        }
        cols.add(new RoleColumn(r.name(), r.placement().policy(), perList, r.placement().worstCasePerHost(),
            r.placement().expectedPerHost()));
      }
      sections.add(new Section(e.getKey(), hosts, names, cols));
    }
    return new PlacementMap(sections);
  }

  /**
   * The sections, one per set of hypervisors.
   *
   * @return the sections
   */
  public List<Section> sections() {
    return sections;
  }

  /**
   * The map as a fixed-width text table (hosts as rows, roles as columns, then the worst and expected
   * case per role).
   *
   * @return the table, ending with a newline
   */
  public String toText() {
    return PlacementRenderer.text(this);
  }

  /**
   * The map as a standalone SVG document (one row per host, one dot per member, colored by role).
   *
   * @return the SVG, deterministic for the same plan
   */
  public String toSvg() {
    return PlacementRenderer.svg(this);
  }

  @Override
  public String toString() {
    return toText();
  }
}
