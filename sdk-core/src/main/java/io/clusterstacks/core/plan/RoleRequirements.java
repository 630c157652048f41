package io.clusterstacks.core.plan;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.SdkStyleLegacy;
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
@SdkStyleLegacy
public abstract class RoleRequirements {

  /** The defaults, for control planes and workers alike. */
  public static final RoleRequirements DEFAULTS = builder().build();

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static ImmutableRoleRequirements.Builder builder() {
    return ImmutableRoleRequirements.builder();
  }

  /**
   * Builds requirements in one expression, starting from the defaults.
   *
   * @param spec fills in the builder
   * @return the requirements
   */
  public static RoleRequirements of(Consumer<ImmutableRoleRequirements.Builder> spec) {
    ImmutableRoleRequirements.Builder b = builder();
    spec.accept(b);
    return b.build();
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
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (minVcpus() < 1) {
      problems.add("minVcpus: got " + minVcpus() + "; use 1 or more");
    }
    if (minRamMiB() < 1) {
      problems.add("minRamMiB: got " + minRamMiB() + "; use 1 or more (MiB, e.g. 4096)");
    }
    if (minDiskGB() < 1) {
      problems.add("minDiskGB: got " + minDiskGB() + "; use 1 or more (GB, e.g. 20)");
    }
    if (cpuTypes().isEmpty()) {
      problems.add("cpuTypes: got an empty set; allow at least one CPU type, e.g. SHARED_CORE");
    }
    if (!problems.isEmpty()) {
      throw new ClusterStacksException("invalid role requirements:\n  " + String.join("\n  ", problems));
    }
  }
}
