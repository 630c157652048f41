package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

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
    return ToCreate.builder().name(name).policy(policy).build();
  }

  /**
   * A hard anti-affinity group with a per-host limit (compute microversion 2.64).
   *
   * @param name the server-group name
   * @param maxServerPerHost at most this many members per host (at least 1)
   * @return the reference
   */
  static ServerGroupRef toCreate(String name, int maxServerPerHost) {
    return ToCreate.builder().name(name).policy(ServerGroupPolicy.ANTI_AFFINITY).maxServerPerHost(maxServerPerHost).build();
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
    private static final Pattern ID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /**
     * Checks the ID is not blank.
     *
     * @param id the Nova server-group ID
     */
    public Known {
      InvalidInputException.requireArgument(id, "id");
      if (!ID.matcher(id).matches()) {
        throw new InvalidInputException(List.of(Problem.of("serverGroup.id", id, "pass the UUID of an existing"
            + " group (e.g. 3f2a1b4c-0d5e-4f60-8a71-92b3c4d5e6f7), or use ServerGroupRef.toCreate(name, policy)"
            + " to have one created")));
      }
    }
  }

  /**
   * A group to create: its name, Nova policy and, with hard anti-affinity, a per-host limit.
   *
   * <p>The name has 1 to 255 characters (Nova's limit) and no control characters.
   */
  @Value.Immutable
  @SdkStyle
  abstract non-sealed class ToCreate implements ServerGroupRef {

    ToCreate() {}

    /**
     * The group name.
     *
     * @return e.g. {@code prod-control-plane}
     */
    public abstract String name();

    /**
     * The Nova policy.
     *
     * @return the policy
     */
    public abstract ServerGroupPolicy policy();

    /**
     * The {@code max_server_per_host} rule, only with hard anti-affinity.
     *
     * @return the limit, or empty
     */
    public abstract OptionalInt maxServerPerHost();

    /** Checks the name, and that the per-host rule is only used where Nova allows it. */
    @Value.Check
    void check() {
      List<Problem> p = new ArrayList<>();
      if (name().isBlank()) {
        p.add(Problem.of("toCreate.name", name(), "give the group a name, e.g. prod-control-plane"));
      } else if (name().length() > 255 || Names.escaped(name()).length() != name().length()) {
        p.add(Problem.of("toCreate.name", Names.escaped(name()),
            "use at most 255 characters (Nova's limit) and no control characters"));
      }
      if (maxServerPerHost().isPresent() && policy() != ServerGroupPolicy.ANTI_AFFINITY) {
        p.add(Problem.of("toCreate.maxServerPerHost", maxServerPerHost().getAsInt() + " with policy "
            + policy().novaName(), "Nova allows max_server_per_host only with anti-affinity"));
      }
      if (maxServerPerHost().isPresent() && maxServerPerHost().getAsInt() < 1) {
        p.add(Problem.of("toCreate.maxServerPerHost", String.valueOf(maxServerPerHost().getAsInt()), "use 1 or more"));
      }
      InvalidInputException.throwIfAny(p);
    }

    /**
     * A group to create built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the reference
     */
    public static ToCreate of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
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
     * A builder holding this reference's attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link ToCreate}; {@link #build()} reports every problem at once. */
    public static final class Builder extends ImmutableToCreate.Builder {
      Builder() {}
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
      InvalidInputException.requireArgument(why, "why");
    }
  }
}
