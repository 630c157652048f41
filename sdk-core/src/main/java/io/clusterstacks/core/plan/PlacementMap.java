package io.clusterstacks.core.plan;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.internal.PlacementRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;
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

  /** One set of hypervisors (all of them, or a host class) with the roles placed on it. */
  @Value.Immutable
  @SdkStyle
  public static abstract class Section {
    Section() {}

    /**
     * The host class.
     *
     * @return the class, or empty for the whole cloud
     */
    public abstract Optional<String> hostClass();

    /**
     * The hypervisor count.
     *
     * @return the count
     */
    public abstract HostCount hosts();

    /**
     * A label per listed host (real names when known).
     *
     * @return the labels, in host order
     */
    public abstract List<String> hostNames();

    /**
     * The availability zone of each listed host, when the profile gives per-zone hypervisor counts.
     *
     * @return one zone name per listed host, or empty when zones are not known per host
     */
    public abstract List<String> hostZones();

    /**
     * The roles placed here, with members per listed host.
     *
     * @return the roles
     */
    public abstract List<RoleColumn> roles();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A Section built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the value
     * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
     */
    public static Section of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A builder holding this value's attributes, to change some of them.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link Section}; {@link #build()} reports every missing attribute at once. */
    public static final class Builder extends ImmutableSection.Builder {
      Builder() {}
    }
  }

  /** One role's members per host. */
  @Value.Immutable
  @SdkStyle
  public static abstract class RoleColumn {
    RoleColumn() {}

    /**
     * The role name.
     *
     * @return {@code control-plane} or a deployment name
     */
    public abstract String role();

    /**
     * Its placement policy.
     *
     * @return the policy
     */
    public abstract PlacementPolicy policy();

    /**
     * Members on each listed host, in host order.
     *
     * @return the counts
     */
    public abstract List<Integer> membersPerHost();

    /**
     * The worst case after rollouts.
     *
     * @return members on one host
     */
    public abstract int worstCasePerHost();

    /**
     * The expected case after rollouts.
     *
     * @return members on one host
     */
    public abstract int expectedPerHost();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A RoleColumn built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the value
     * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
     */
    public static RoleColumn of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A builder holding this value's attributes, to change some of them.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link RoleColumn}; {@link #build()} reports every missing attribute at once. */
    public static final class Builder extends ImmutableRoleColumn.Builder {
      Builder() {}
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
        cols.add(RoleColumn.builder().role(r.name()).policy(r.placement().policy()).membersPerHost(perList)
            .worstCasePerHost(r.placement().worstCasePerHost()).expectedPerHost(r.placement().expectedPerHost()).build());
      }
      sections.add(Section.builder().hostClass(e.getKey()).hosts(hosts).hostNames(names).roles(cols).build());
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
