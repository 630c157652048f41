package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The project's Nova quotas and usage that matter for a cluster; every default is Nova's own default
 * ({@code nova/conf/quota.py}).
 *
 * <p>Servers in ERROR (e.g. after "No valid host was found") still count against instances, cores and
 * RAM, and stay members of their server group: {@link #instancesInError()} says how many of the used
 * instances are such servers.
 */
@Value.Immutable
@SdkStyle
public abstract class Quotas {
  Quotas() {}

  /** Nova's default quotas with nothing used. */
  public static final Quotas NOVA_DEFAULTS = builder().build();

  /**
   * Servers (Nova default limit 10).
   *
   * @return the quota
   */
  @Value.Default
  public Quota instances() {
    return Quota.of(10);
  }

  /**
   * vCPUs (Nova default limit 20).
   *
   * @return the quota
   */
  @Value.Default
  public Quota cores() {
    return Quota.of(20);
  }

  /**
   * RAM in MiB (Nova default limit 51200).
   *
   * @return the quota
   */
  @Value.Default
  public Quota ramMiB() {
    return Quota.of(51200);
  }

  /**
   * Server groups per project (Nova default limit 10).
   *
   * @return the quota
   */
  @Value.Default
  public Quota serverGroups() {
    return Quota.of(10);
  }

  /**
   * Members per server group (Nova default 10; -1 unlimited). Over the limit a server create gets 403.
   *
   * @return the limit
   */
  @Value.Default
  public long serverGroupMembers() {
    return 10;
  }

  /**
   * How many of the used instances are in ERROR; they hold quota and group membership but no host.
   *
   * @return 0 or more
   */
  @Value.Default
  public long instancesInError() {
    return 0;
  }

  /**
   * Checks usage is consistent.
   */
  @Value.Check
  void check() {
    java.util.List<Problem> problems = new java.util.ArrayList<>();
    if (serverGroupMembers() < -1 || serverGroupMembers() == 0) {
      problems.add(Problem.of("serverGroupMembers", String.valueOf(serverGroupMembers()),
          "use -1 for unlimited, else 1 or more (Nova's default is 10)"));
    }
    if (instancesInError() < 0 || instancesInError() > instances().used()) {
      problems.add(Problem.of("instancesInError", String.valueOf(instancesInError()),
          "servers in ERROR are part of instances.used (" + instances().used() + "); use 0.." + instances().used()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
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
   * A Quotas built by a function, e.g. {@code Quotas.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the quotas
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static Quotas of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this quotas's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link Quotas}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableQuotas.Builder {
    Builder() {}
  }
}
