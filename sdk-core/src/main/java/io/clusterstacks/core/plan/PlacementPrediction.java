package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What Nova does with the members of one server group created one after another: how many go ACTIVE,
 * how many go to ERROR, and how the active ones spread over the hypervisors.
 *
 * <p>The rule (observed on a real Nova, see {@link #sequentialCreate}): hard {@code anti-affinity} places
 * min(n, H) members one per host and the rest go to ERROR ("No valid host was found"; an ERROR server
 * stays a group member); {@code anti-affinity} with {@code max_server_per_host=k} places up to k·H and
 * the rest go to ERROR; {@code soft-anti-affinity} places all. The placed members spread evenly (5 on 3
 * hosts: 2/2/1).
 *
 * <p>It assumes what the lab had: an empty group, members created sequentially (each boot sees the
 * ones before; parallel boots race under the soft policy), enabled hypervisors that are equally
 * loaded. {@code max_server_per_host} only caps, it does not spread: with unevenly loaded hosts Nova's
 * weighers can put two members on the emptiest host from the start (2/1/0 instead of 1/1/1), so the
 * even spread is the expected outcome, not a guarantee; the cap and the ERROR count are guaranteed.
 *
 * <pre>{@code
 * PlacementPrediction p = PlacementPrediction.sequentialCreate(PlacementPolicy.antiAffinity(), 5, 3);
 * p.activeMembers();   // 3
 * p.errorMembers();    // 2
 * p.membersPerHost();  // [1, 1, 1]
 * }</pre>
 */
@Value.Immutable
@SdkStyle
public abstract class PlacementPrediction {

  /** The most hypervisors a prediction lists one by one. */
  public static final int MAX_HYPERVISORS = 10_000;

  PlacementPrediction() {}

  /**
   * The server group's policy.
   *
   * @return a policy with a group (not {@link PlacementPolicy#none()})
   */
  public abstract PlacementPolicy policy();

  /**
   * The members created.
   *
   * @return 0 or more
   */
  public abstract int members();

  /**
   * The enabled hypervisors that can take the members.
   *
   * @return 1 or more
   */
  public abstract int hypervisors();

  /**
   * The members that go ACTIVE.
   *
   * @return at most {@link #members()}
   */
  public abstract int activeMembers();

  /**
   * The members that go to ERROR ("No valid host was found"); they stay group members and hold quota.
   *
   * @return {@code members() - activeMembers()}
   */
  public abstract int errorMembers();

  /**
   * The active members per hypervisor, busiest first; one entry per hypervisor.
   *
   * @return the counts, e.g. {@code [2, 2, 1]}
   */
  public abstract List<Integer> membersPerHost();

  /**
   * Whether the spread is guaranteed by the policy, rather than only expected.
   *
   * @return true for hard {@code anti-affinity} (one per host); false for the soft policy and for
   *     {@code max_server_per_host}, which caps but does not spread
   */
  public abstract boolean spreadGuaranteed();

  /**
   * The most members one hypervisor can hold under the policy, whatever the hosts' load.
   *
   * @return 1 for hard anti-affinity, k for {@code max_server_per_host=k}, all members for the soft policy
   */
  public abstract int maxPerHostGuaranteed();

  /**
   * Checks the counts add up.
   */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (activeMembers() + errorMembers() != members()) {
      p.add(Problem.of("placementPrediction.errorMembers", String.valueOf(errorMembers()),
          "active plus ERROR members must equal the members (" + members() + ")"));
    }
    if (membersPerHost().size() != hypervisors()
        || membersPerHost().stream().mapToLong(Integer::longValue).sum() != activeMembers()) {
      p.add(Problem.of("placementPrediction.membersPerHost", String.valueOf(membersPerHost()),
          "give one count per hypervisor, adding up to the active members"));
    }
    InvalidInputException.throwIfAny(p);
  }

  /**
   * The outcome of creating {@code members} servers one after another into a new group with this policy
   * on {@code hypervisors} equally loaded hosts (the rule above).
   *
   * @param policy the group's policy; {@link PlacementPolicy#none()} has no group and no prediction
   * @param members the members created, 0 or more
   * @param hypervisors the enabled hypervisors, 1 to {@value #MAX_HYPERVISORS}
   * @return the prediction
   * @throws InvalidInputException naming every argument that is null or out of range
   */
  public static PlacementPrediction sequentialCreate(PlacementPolicy policy, int members, int hypervisors) {
    List<Problem> p = new ArrayList<>();
    if (policy == null) {
      p.add(Problem.of("policy", "null", "pass a policy; null is not allowed"));
    } else if (!policy.needsGroup()) {
      p.add(Problem.of("policy", policy.toString(),
          "without a server group Nova's default weighers decide; predictions exist for anti-affinity,"
              + " anti-affinity with max_server_per_host and soft-anti-affinity"));
    }
    if (members < 0) {
      p.add(Problem.of("members", String.valueOf(members), "use 0 or more"));
    }
    if (hypervisors < 1 || hypervisors > MAX_HYPERVISORS) {
      p.add(Problem.of("hypervisors", String.valueOf(hypervisors), "use 1 to " + MAX_HYPERVISORS));
    }
    InvalidInputException.throwIfAny(p);
    long cap = switch (policy.kind()) {
      case ANTI_AFFINITY -> hypervisors;
      case ANTI_AFFINITY_MAX_PER_HOST -> (long) policy.maxServerPerHost().getAsInt() * hypervisors;
      default -> Long.MAX_VALUE;
    };
    int active = (int) Math.min(members, cap);
    List<Integer> perHost = new ArrayList<>(hypervisors);
    for (int i = 0; i < hypervisors; i++) {
      perHost.add(active / hypervisors + (i < active % hypervisors ? 1 : 0));
    }
    int guaranteedMax = switch (policy.kind()) {
      case ANTI_AFFINITY -> 1;
      case ANTI_AFFINITY_MAX_PER_HOST -> Math.min(members, policy.maxServerPerHost().getAsInt());
      default -> members;
    };
    return builder().policy(policy).members(members).hypervisors(hypervisors).activeMembers(active)
        .errorMembers(members - active).membersPerHost(perHost).spreadGuaranteed(policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY)
        .maxPerHostGuaranteed(guaranteedMax).build();
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
   * A prediction built by a function (e.g. to state an observed outcome in the same shape).
   *
   * @param spec sets the attributes on a builder
   * @return the prediction
   * @throws InvalidInputException listing every missing attribute, or counts that do not add up
   */
  public static PlacementPrediction of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this prediction's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The outcome in short form.
   *
   * @return e.g. {@code 1/1/1 +2 ERROR}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < membersPerHost().size(); i++) {
      sb.append(i == 0 ? "" : "/").append(membersPerHost().get(i));
    }
    return errorMembers() == 0 ? sb.toString() : sb + " +" + errorMembers() + " ERROR";
  }

  /** Builds a {@link PlacementPrediction}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutablePlacementPrediction.Builder {
    Builder() {}
  }
}
