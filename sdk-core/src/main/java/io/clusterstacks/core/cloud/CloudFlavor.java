package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.flavor.FlavorNameParseResult;
import io.clusterstacks.core.flavor.ScsFlavorName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One Nova flavor as the cloud reports it: its real vCPU, RAM and disk, its extra_specs and where its
 * root disk lives.
 *
 * <p>The name is what the provider calls it (an SCS name such as {@code SCS-2V-4-20s} or anything
 * else); the planner checks SCS names against the real values. Whether the root disk is local comes
 * from {@link #localDisk()}: set explicitly, or derived from the extra_specs
 * ({@code aggregate_instance_extra_specs:localdisk=true} as on pluscloud open, or
 * {@code scs:disk0-type} of {@code ssd}, {@code nvme} or {@code hdd}).
 */
@Value.Immutable
@SdkStyle
public abstract class CloudFlavor {
  CloudFlavor() {}

  /** The extra_spec pluscloud open sets on flavors that are served by local-disk host aggregates. */
  public static final String LOCALDISK_EXTRA_SPEC = "aggregate_instance_extra_specs:localdisk";

  /** The scs-0103 extra_spec naming the root disk's type ({@code ssd}, {@code nvme}, {@code hdd}, {@code network}). */
  public static final String DISK0_TYPE_EXTRA_SPEC = "scs:disk0-type";

  /** The scs-0103 extra_spec naming the CPU type ({@code shared-core}, {@code crowded-core}, ...). */
  public static final String CPU_TYPE_EXTRA_SPEC = "scs:cpu-type";

  /**
   * The flavor name as the cloud reports it.
   *
   * @return e.g. {@code SCS-2V-4-20s}
   */
  public abstract String name();

  /**
   * The Nova flavor ID; defaults to the name when the ID is not known.
   *
   * @return the ID
   */
  @Value.Default
  public String id() {
    return name();
  }

  /**
   * The number of vCPUs Nova reports.
   *
   * @return at least 1
   */
  public abstract int vcpus();

  /**
   * The RAM Nova reports, in MiB.
   *
   * @return at least 1
   */
  public abstract int ramMiB();

  /**
   * The root disk size in GB; 0 for a diskless flavor (boot from volume).
   *
   * @return 0 or more
   */
  @Value.Default
  public int diskGB() {
    return 0;
  }

  /**
   * The flavor's extra_specs, sorted by key.
   *
   * @return the extra_specs (may be empty)
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> extraSpecs();

  /**
   * An explicit statement whether the root disk is local to the hypervisor.
   *
   * @return true or false when stated, empty to derive it from the extra_specs
   */
  public abstract Optional<Boolean> localDiskDeclared();

  /**
   * The CPU architecture of the flavor's hosts, in Glance spelling.
   *
   * @return e.g. {@code x86_64} (the default) or {@code aarch64}
   */
  @Value.Default
  public String architecture() {
    return "x86_64";
  }

  /**
   * The class of hypervisors that serve this flavor when only some hosts do (e.g. {@code local-ssd});
   * {@link Hypervisors#forClass(String)} gives their count.
   *
   * @return the host class, or empty when every hypervisor of the cloud serves the flavor
   */
  public abstract Optional<String> hostClass();

  /**
   * Whether the root disk lives on the hypervisor (local SSD, NVMe or HDD) rather than on network
   * storage: the declared value, else derived from the extra_specs.
   *
   * @return true for a local root disk
   */
  public boolean localDisk() {
    if (localDiskDeclared().isPresent()) {
      return localDiskDeclared().get();
    }
    if (diskGB() == 0) {
      return false;
    }
    if ("true".equalsIgnoreCase(extraSpecs().getOrDefault(LOCALDISK_EXTRA_SPEC, ""))) {
      return true;
    }
    String t = extraSpecs().getOrDefault(DISK0_TYPE_EXTRA_SPEC, "").toLowerCase(Locale.ROOT);
    return t.equals("ssd") || t.equals("nvme") || t.equals("hdd");
  }

  /**
   * The flavor's name decoded as an SCS name (scs-0100), computed once per flavor value.
   *
   * @return the parse result: valid, not an SCS name, or invalid
   */
  @Value.Lazy
  public FlavorNameParseResult scsName() {
    return ScsFlavorName.tryParse(name());
  }

  /**
   * The RAM in GiB as the scs-0100 semantics check computes it ({@code int((ram+51)/102.4)/10}).
   *
   * @return the RAM in GiB, rounded as the SCS conformance test does
   */
  public double ramGiB() {
    return ((int) ((ramMiB() + 51) / 102.4)) / 10.0;
  }

  /**
   * Checks the values and reports every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (name().isBlank()) {
      problems.add(Problem.of("name", "an empty string", "give the flavor its Nova name"));
    }
    if (id().isBlank()) {
      problems.add(Problem.of("id", "an empty string", "give the Nova flavor ID, or leave it out to use the name"));
    }
    if (vcpus() < 1) {
      problems.add(Problem.of("vcpus", String.valueOf(vcpus()), "a flavor has at least 1 vCPU"));
    }
    if (ramMiB() < 1) {
      problems.add(Problem.of("ramMiB", String.valueOf(ramMiB()), "give the RAM in MiB as Nova reports it (e.g. 4096)"));
    }
    if (diskGB() < 0) {
      problems.add(Problem.of("diskGB", String.valueOf(diskGB()), "use 0 for a diskless flavor, else the root disk size in GB"));
    }
    if (architecture().isBlank()) {
      problems.add(Problem.of("architecture", "an empty string", "use a Glance architecture such as x86_64 or aarch64"));
    }
    if (hostClass().isPresent() && hostClass().get().isBlank()) {
      problems.add(Problem.of("hostClass", "an empty string", "name the host class (e.g. local-ssd) or leave it out"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  @Override
  public String toString() {
    return name() + " (" + vcpus() + " vCPU, " + ramMiB() + " MiB, " + diskGB() + " GB"
        + (localDisk() ? " local" : diskGB() == 0 ? " diskless" : "") + ")";
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
   * A CloudFlavor built by a function, e.g. {@code CloudFlavor.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cloud flavor
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static CloudFlavor of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cloud flavor's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link CloudFlavor}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableCloudFlavor.Builder {
    Builder() {}
  }
}
