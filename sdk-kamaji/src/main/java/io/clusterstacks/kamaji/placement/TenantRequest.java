package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A tenant control plane to place: its API-server replicas (Kamaji's Deployment), how strictly they are
 * kept apart, their requests, and optionally the etcd DataStore it uses.
 *
 * <pre>{@code
 * TenantRequest.of(t -> t.name("tenant-a").replicas(3).spread(Spread.HARD));
 * }</pre>
 */
@Value.Immutable
@SdkStyle
public abstract class TenantRequest {
  /** The most replicas a request may ask for; beyond it the analysis would describe no real tenant. */
  public static final int MAX_REPLICAS = 1_000;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  TenantRequest() {}

  /**
   * The TenantControlPlane's name, which Kamaji puts on its pods as {@code kamaji.clastix.io/name} (the
   * Kamaji CAPI provider names it after the KamajiControlPlane).
   *
   * @return a DNS label of at most 63 characters
   */
  public abstract String name();

  /**
   * API-server replicas.
   *
   * @return 2 unless set (Kamaji's default)
   */
  @Value.Default
  public int replicas() {
    return 2;
  }

  /**
   * How strictly the replicas are kept apart.
   *
   * @return {@link Spread#HARD} unless set
   */
  @Value.Default
  public Spread spread() {
    return Spread.HARD;
  }

  /**
   * CPU one replica requests, in millicores; with the workers' allocatable CPU it limits replicas per worker.
   *
   * @return millicores, or empty
   */
  public abstract OptionalLong cpuMillicores();

  /**
   * Memory one replica requests, in MiB; with the workers' allocatable memory it limits replicas per worker.
   *
   * @return MiB, or empty
   */
  public abstract OptionalLong memoryMiB();

  /**
   * The etcd DataStore the tenant keeps its state in, when its quorum is to be planned too.
   *
   * @return the DataStore, or empty
   */
  public abstract Optional<EtcdDataStore> dataStore();

  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (name().length() > 63 || !DNS_LABEL.matcher(name()).matches()) {
      p.add(Problem.of("tenantRequest.name", name(),
          "use a DNS label: lower-case letters, digits and '-', at most 63 characters, starting and ending "
              + "with a letter or digit (it becomes the pods' kamaji.clastix.io/name label value)"));
    }
    if (replicas() < 1 || replicas() > MAX_REPLICAS) {
      p.add(Problem.of("tenantRequest.replicas", String.valueOf(replicas()),
          "use 1 to " + MAX_REPLICAS + " (Kamaji's default is 2)"));
    }
    cpuMillicores().ifPresent(v -> {
      if (v < 1) {
        p.add(Problem.of("tenantRequest.cpuMillicores", String.valueOf(v), "use 1 or more, or leave it unset"));
      }
    });
    memoryMiB().ifPresent(v -> {
      if (v < 1) {
        p.add(Problem.of("tenantRequest.memoryMiB", String.valueOf(v), "use 1 or more, or leave it unset"));
      }
    });
    InvalidInputException.throwIfAny(p);
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
   * A request built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws InvalidInputException listing every missing or invalid attribute
   */
  public static TenantRequest of(Consumer<Builder> spec) {
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

  /** Builds a {@link TenantRequest}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableTenantRequest.Builder {
    Builder() {}
  }
}
