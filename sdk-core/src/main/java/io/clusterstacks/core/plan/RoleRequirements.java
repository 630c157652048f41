package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.flavor.CpuType;
import io.clusterstacks.core.flavor.DiskType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a role's flavor must offer, judged on the flavor's real values (not its name).
 *
 * <p>Defaults fit a kubeadm node booting a CAPI image: 2 vCPU, 4 GiB RAM, a 20 GB root disk, x86_64,
 * no crowded cores ({@code L}) and no oversubscribed RAM ({@code o}).
 */
@Value.Immutable
@SdkStyle
public abstract class RoleRequirements {

  RoleRequirements() {}

  /** The defaults, for control planes and workers alike. */
  public static final RoleRequirements DEFAULTS = builder().build();

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds requirements in one expression, starting from the defaults.
   *
   * @param spec fills in the builder
   * @return the requirements
   */
  public static RoleRequirements of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding these requirements, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The least vCPUs.
   *
   * @return at least 1 (default 2, kubeadm's minimum for a control plane)
   */
  @Value.Default
  public int minVcpus() {
    return 2;
  }

  /**
   * The least RAM in MiB.
   *
   * @return at least 1 (default 4096)
   */
  @Value.Default
  public int minRamMiB() {
    return 4096;
  }

  /**
   * The least root disk in GB. A diskless flavor always fits: it gets a root volume of this size
   * (or the image's {@code min_disk}, whichever is larger).
   *
   * @return 1 or more (default 20, the CAPI images' {@code min_disk})
   */
  @Value.Default
  public int minDiskGB() {
    return 20;
  }

  /**
   * The least root-disk type, ordered network &lt; HDD &lt; SSD &lt; NVMe; a flavor without a stated
   * type counts as network. Empty accepts any.
   *
   * @return the minimum type, or empty
   */
  public abstract Optional<DiskType> minDiskType();

  /**
   * The acceptable CPU types; a flavor whose type is not known (no SCS name, no {@code scs:cpu-type})
   * is accepted with a note.
   *
   * @return the types (default shared-core, dedicated-thread, dedicated-core: no crowded cores)
   */
  @Value.Default
  public Set<CpuType> cpuTypes() {
    return EnumSet.of(CpuType.SHARED_CORE, CpuType.DEDICATED_THREAD, CpuType.DEDICATED_CORE);
  }

  /**
   * Whether flavors with oversubscribed RAM ({@code o} in the name) are acceptable.
   *
   * @return false by default
   */
  @Value.Default
  public boolean allowRamOversubscription() {
    return false;
  }

  /**
   * The CPU architecture, in Glance spelling.
   *
   * @return {@code x86_64} by default
   */
  @Value.Default
  public String architecture() {
    return "x86_64";
  }

  /**
   * Checks the numbers, reporting every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (minVcpus() < 1) {
      problems.add(Problem.of("roleRequirements.minVcpus", String.valueOf(minVcpus()), "use 1 or more"));
    }
    if (minRamMiB() < 1) {
      problems.add(Problem.of("roleRequirements.minRamMiB", String.valueOf(minRamMiB()), "use 1 or more (MiB, e.g. 4096)"));
    }
    if (minDiskGB() < 1) {
      problems.add(Problem.of("roleRequirements.minDiskGB", String.valueOf(minDiskGB()), "use 1 or more (GB, e.g. 20)"));
    }
    if (cpuTypes().isEmpty()) {
      problems.add(Problem.of("roleRequirements.cpuTypes", "[]", "allow at least one CPU type, e.g. SHARED_CORE"));
    }
    if (architecture().isBlank()) {
      problems.add(Problem.of("roleRequirements.architecture", architecture(), "use a Glance architecture, e.g. x86_64 or aarch64"));
    }
    InvalidInputException.throwIfAny(problems);
  }

  /** Builds {@link RoleRequirements}, starting from the defaults; {@link #build()} reports every problem at once. */
  public static final class Builder extends ImmutableRoleRequirements.Builder {
    Builder() {}
  }
}
