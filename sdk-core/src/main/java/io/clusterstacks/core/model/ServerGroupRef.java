package io.clusterstacks.core.model;

import io.clusterstacks.core.ClusterStacksException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a role's machines refer to their Nova server group.
 *
 * <p>Exactly one of: a group that exists ({@link Known}), a group still to be created
 * ({@link ToCreate}, rendered as an ORC {@code ServerGroup} plus {@code serverGroup.filter.name} in raw
 * mode, or created through the cloud API before a topology-mode Cluster is applied), or not decided
 * yet ({@link Unresolved}). The SDK never invents an ID and never emits an empty one.
 */
public sealed interface ServerGroupRef {

  /**
   * A reference to an existing server group by its ID.
   *
   * @param id the Nova server-group ID
   * @return the reference
   */
  static ServerGroupRef known(String id) {
    return new Known(id);
  }

  /**
   * A server group to be created with this name and policy.
   *
   * @param name the server-group name (unique per cluster and role, e.g. {@code prod-control-plane})
   * @param policy the Nova policy
   * @return the reference
   */
  static ServerGroupRef toCreate(String name, ServerGroupPolicy policy) {
    return new ToCreate(name, policy, OptionalInt.empty());
  }

  /**
   * A hard anti-affinity group with a per-host limit (compute microversion 2.64).
   *
   * @param name the server-group name
   * @param maxServerPerHost at most this many members per host (at least 1)
   * @return the reference
   */
  static ServerGroupRef toCreate(String name, int maxServerPerHost) {
    return new ToCreate(name, ServerGroupPolicy.ANTI_AFFINITY, OptionalInt.of(maxServerPerHost));
  }

  /**
   * A group that is wanted but whose ID is not known yet.
   *
   * @param why what has to happen to resolve it, shown in errors
   * @return the reference
   */
  static ServerGroupRef unresolved(String why) {
    return new Unresolved(why);
  }

  /**
   * The ID when the group already exists.
   *
   * @return the ID, or empty for groups still to be created or unresolved
   */
  default Optional<String> knownId() {
    return this instanceof Known k ? Optional.of(k.id()) : Optional.empty();
  }

  /**
   * An existing group.
   *
   * @param id the Nova server-group ID, never blank
   */
  record Known(String id) implements ServerGroupRef {
    /**
     * Checks the ID is not blank.
     *
     * @param id the Nova server-group ID
     */
    public Known {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new ClusterStacksException(
            "serverGroup id: got an empty string; pass the ID of an existing group, "
                + "or use ServerGroupRef.toCreate(name, policy) to have one created");
      }
    }
  }

  /**
   * A group to create.
   *
   * @param name the group name, never blank
   * @param policy the Nova policy
   * @param maxServerPerHost the {@code max_server_per_host} rule, only with hard anti-affinity
   */
  record ToCreate(String name, ServerGroupPolicy policy, OptionalInt maxServerPerHost)
      implements ServerGroupRef {
    /**
     * Checks the name, and that the per-host rule is only used where Nova allows it.
     *
     * @param name the group name
     * @param policy the Nova policy
     * @param maxServerPerHost the per-host limit, only with hard anti-affinity
     */
    public ToCreate {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(maxServerPerHost, "maxServerPerHost");
      if (name.isBlank()) {
        throw new ClusterStacksException("serverGroup name: got an empty string; give the group a name");
      }
      if (maxServerPerHost.isPresent() && policy != ServerGroupPolicy.ANTI_AFFINITY) {
        throw new ClusterStacksException(
            "serverGroup maxServerPerHost: got " + maxServerPerHost.getAsInt() + " with policy "
                + policy.novaName() + "; Nova allows max_server_per_host only with anti-affinity");
      }
      if (maxServerPerHost.isPresent() && maxServerPerHost.getAsInt() < 1) {
        throw new ClusterStacksException(
            "serverGroup maxServerPerHost: got " + maxServerPerHost.getAsInt() + "; use 1 or more");
      }
    }
  }

  /**
   * A group whose ID is not known yet.
   *
   * @param why what has to happen to resolve it
   */
  record Unresolved(String why) implements ServerGroupRef {
    /**
     * Checks the reason is present.
     *
     * @param why what has to happen to resolve it
     */
    public Unresolved {
      Objects.requireNonNull(why, "why");
    }
  }
}
