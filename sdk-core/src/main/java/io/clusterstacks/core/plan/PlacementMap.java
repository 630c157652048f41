package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.plan.internal.MapLayout;
import io.clusterstacks.core.plan.internal.PlacementRenderer;
import java.util.ArrayList;
import java.util.List;
import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;
import java.util.Optional;

/**
 * The expected placement of each role's members over the hypervisors that serve its flavor, with each
 * role's worst and expected case after rollouts. Rendered as a text table or as SVG.
 *
 * <p>The placement is the initial one a policy leads to (Nova spreads evenly when it can); rollouts can
 * change it, which is what the worst-case and expected columns state. A control plane in a cloud with
 * per-zone hypervisor counts is drawn zone by zone, as KubeadmControlPlane places it (one member per
 * zone in turn, fewest first), with each host's zone in {@link Section#hostZones()}.
 */
public final class PlacementMap {

  /**
   * The most hosts a section lists, one row each; the members on a section's hosts beyond them are
   * counted in {@link Section#moreHosts()} and {@link RoleColumn#membersOnMoreHosts()}, so that a map's
   * size and cost do not grow with a cloud's host count.
   */
  public static final int MAX_LISTED_HOSTS = 200;

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
     * A label per listed host: real names when known, except when the hosts are drawn by zone (the profile
     * does not say which named host is in which zone), then numbered.
     *
     * @return the labels, in host order
     */
    public abstract List<String> hostNames();

    /**
     * The availability zone of each listed host, when the profile gives per-zone hypervisor counts that add
     * up to the section's hosts (the hosts of flavors without a host class), zone by zone in the profile's
     * order.
     *
     * @return one zone name per listed host, or empty when zones are not known per host
     */
    public abstract List<String> hostZones();

    /**
     * The hosts beyond the listed ones: a section lists at most {@link #MAX_LISTED_HOSTS}.
     *
     * @return the number of hosts not listed, 0 when every host is listed
     */
    @Value.Default
    public int moreHosts() {
      return 0;
    }

    /**
     * The roles placed here, with members per listed host.
     *
     * @return the roles
     */
    public abstract List<RoleColumn> roles();

    /**
     * Checks that the lists describe the same hosts: a zone per host name (or none), and a member count
     * per host name for every role; reports every mismatch at once.
     */
    @Value.Check
    void check() {
      int hosts = hostNames().size();
      List<Problem> problems = new ArrayList<>();
      if (!hostZones().isEmpty() && hostZones().size() != hosts) {
        problems.add(Problem.of("placementMap.section.hostZones", hostZones().size() + " zones " + hostZones(),
            "give one zone per host name (" + hosts + " host names), in host order, or no zones"));
      }
      if (moreHosts() < 0) {
        problems.add(Problem.of("placementMap.section.moreHosts", String.valueOf(moreHosts()),
            "count the hosts beyond the listed ones: 0 or more"));
      }
      for (int i = 0; i < roles().size(); i++) {
        RoleColumn r = roles().get(i);
        if (r.membersOnMoreHosts() < 0 || (moreHosts() == 0 && r.membersOnMoreHosts() != 0)) {
          problems.add(Problem.of("placementMap.section.roles[" + i + "].membersOnMoreHosts",
              String.valueOf(r.membersOnMoreHosts()),
              "count members on hosts beyond the listed ones: 0 or more, and 0 when every host is listed"));
        }
        if (r.membersPerHost().size() != hosts) {
          problems.add(Problem.of("placementMap.section.roles[" + i + "].membersPerHost",
              r.membersPerHost().size() + " counts " + r.membersPerHost(),
              "give one member count per host name (" + hosts + " host names), in host order"));
        }
      }
      InvalidInputException.throwIfAny(problems);
    }

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
     * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute, and zones or member
     *     counts that do not match the host names
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
     * Members on the section's hosts beyond the listed ones ({@link Section#moreHosts()}), summed.
     *
     * @return the members not shown per host
     */
    @Value.Default
    public long membersOnMoreHosts() {
      return 0;
    }

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
    return new PlacementMap(MapLayout.sections(plan));
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
