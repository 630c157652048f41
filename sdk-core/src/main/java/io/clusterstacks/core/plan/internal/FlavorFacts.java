package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.flavor.CpuType;
import io.clusterstacks.core.flavor.DiskType;
import io.clusterstacks.core.flavor.FlavorNameParseResult;
import io.clusterstacks.core.flavor.ScsFlavorName;
import io.clusterstacks.core.plan.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the planner reads from one flavor: its real values, its SCS name decoded, its CPU and storage
 * class, the hosts that serve it, and whether its real values deliver what its name promises.
 */
public final class FlavorFacts {
  final CloudFlavor flavor;
  final @Nullable ScsFlavorName scsName;
  final @Nullable CpuType cpuType;
  final boolean ramOversubscribed;
  final boolean insecure;
  final @Nullable DiskType diskType;
  final StorageClass storage;
  final HostCount hosts;
  final List<String> nameProblems;
  /** The {@link DiskType#ordinal()} a minimum disk type is checked against (unstated counts as network), -1 when unknown. */
  final int diskTypeForMinimum;
  /** The values of the {@link Ranking#FLAVOR} terms (without the name). */
  final long[] cost;

  private FlavorFacts(FlavorFacts base, HostCount hosts) {
    this.flavor = base.flavor;
    this.scsName = base.scsName;
    this.cpuType = base.cpuType;
    this.ramOversubscribed = base.ramOversubscribed;
    this.insecure = base.insecure;
    this.diskType = base.diskType;
    this.storage = base.storage;
    this.hosts = hosts;
    this.nameProblems = base.nameProblems;
    this.diskTypeForMinimum = base.diskTypeForMinimum;
    this.cost = base.cost;
  }

  /**
   * The same flavor served by other hypervisors (for "what if" alternatives).
   *
   * @param hosts the hypervisors
   * @return the changed facts
   */
  public FlavorFacts withHosts(HostCount hosts) {
    return new FlavorFacts(this, hosts);
  }

  private FlavorFacts(CloudFlavor flavor, HostCount hosts) {
    this.flavor = flavor;
    this.hosts = hosts;
    FlavorNameParseResult parsed = flavor.scsName();
    this.scsName = parsed instanceof FlavorNameParseResult.Valid v ? v.flavorName() : null;
    List<String> problems = new ArrayList<>();
    if (parsed instanceof FlavorNameParseResult.Invalid) {
      problems.add("the name starts with SCS- but is not a valid scs-0100 name");
    }
    String specCpu = flavor.extraSpecs().get(CloudFlavor.CPU_TYPE_EXTRA_SPEC);
    CpuType cpu = specCpu == null ? null : CpuType.fromExtraSpecValue(specCpu).orElse(null);
    if (cpu == null && scsName != null) {
      cpu = scsName.cpuType();
    }
    this.cpuType = cpu;
    this.ramOversubscribed = scsName != null && scsName.isRamOversubscribed();
    this.insecure = scsName != null && scsName.isInsecure();
    String specDisk = flavor.extraSpecs().get(CloudFlavor.DISK0_TYPE_EXTRA_SPEC);
    DiskType dt = specDisk == null ? null : DiskType.fromExtraSpecValue(specDisk).orElse(null);
    if (dt == null && scsName != null && scsName.disk().isPresent()) {
      dt = scsName.disk().get().type().orElse(null);
    }
    this.diskType = flavor.diskGB() == 0 ? null : dt;
    this.storage = storageOf(flavor, diskType);
    if (scsName != null) {
      if (flavor.vcpus() < scsName.vcpus()) {
        problems.add("the name promises " + scsName.vcpus() + " vCPU, the flavor has " + flavor.vcpus());
      }
      // the SCS semantics check in tenths of GiB: int((ram+51)/102.4) against the name's GiB x 10
      if ((long) ((flavor.ramMiB() + 51) / 102.4) < scsName.ramHalfGiB() * 5) {
        problems.add("the name promises " + scsName.ramGiB().stripTrailingZeros().toPlainString() + " GiB RAM, the flavor has "
            + flavor.ramMiB() + " MiB (" + flavor.ramGiB() + " GiB as the SCS check rounds it)");
      }
      if (scsName.disk().isPresent() && scsName.disk().get().sizeGB().isPresent()
          && flavor.diskGB() < scsName.disk().get().sizeGB().getAsInt()) {
        problems.add("the name promises a " + scsName.disk().get().sizeGB().getAsInt() + " GB disk, the flavor has "
            + flavor.diskGB() + " GB");
      }
      if (scsName.disk().isEmpty() && flavor.diskGB() > 0) {
        // over-delivery (a disk the name does not mention) is allowed by scs-0100
      }
      Optional<DiskType> nameType = scsName.disk().flatMap(d -> d.type());
      if (nameType.isPresent() && dt != null && dt != nameType.get() && specDisk != null) {
        problems.add("the name says disk type " + nameType.get().extraSpecValue() + ", scs:disk0-type says " + specDisk);
      }
      if (nameType.isPresent() && (nameType.get() == DiskType.SSD || nameType.get() == DiskType.NVME)
          && flavor.localDiskDeclared().isPresent() && !flavor.localDiskDeclared().get()) {
        problems.add("the name promises a local " + nameType.get().extraSpecValue() + " disk, the profile says the disk is not local");
      }
    }
    this.nameProblems = List.copyOf(problems);
    DiskType forMinimum = diskType == null ? (storage == StorageClass.LOCAL_UNSPECIFIED ? null : DiskType.NETWORK) : diskType;
    this.diskTypeForMinimum = forMinimum == null ? -1 : forMinimum.ordinal();
    this.cost = Ranking.flavorKeys(this);
  }

  private static StorageClass storageOf(CloudFlavor f, @Nullable DiskType dt) {
    if (f.diskGB() == 0) {
      return StorageClass.DISKLESS;
    }
    boolean declaredLocal = f.localDiskDeclared().orElse(false);
    boolean declaredNotLocal = f.localDiskDeclared().isPresent() && !f.localDiskDeclared().get();
    if (declaredNotLocal) {
      return StorageClass.NETWORK;
    }
    if (dt != null) {
      switch (dt) {
        case NVME:
          return StorageClass.LOCAL_NVME;
        case SSD:
          return StorageClass.LOCAL_SSD;
        case HDD:
          return StorageClass.LOCAL_HDD;
        default:
          return declaredLocal ? StorageClass.LOCAL_UNSPECIFIED : StorageClass.NETWORK;
      }
    }
    return f.localDisk() ? StorageClass.LOCAL_UNSPECIFIED : StorageClass.NETWORK;
  }

  /** The facts of the profile planned last (profiles are immutable, so identity is a safe key). */
  private static volatile Object[] last = {null, List.of()};

  /**
   * Reads the facts of every flavor of a profile; the facts of the profile planned last are reused.
   *
   * @param cloud the profile
   * @return one entry per flavor, in profile order (a read-only {@link FlavorTable}, which the search scans)
   */
  @SuppressWarnings("unchecked")
  public static List<FlavorFacts> of(CloudProfile cloud) {
    Object[] cached = last;
    if (cached[0] == cloud) {
      return (List<FlavorFacts>) cached[1];
    }
    List<FlavorFacts> out = new ArrayList<>(cloud.flavors().size());
    for (CloudFlavor f : cloud.flavors()) {
      out.add(new FlavorFacts(f, cloud.hypervisors().forFlavor(f)));
    }
    List<FlavorFacts> facts = FlavorTable.of(out);
    last = new Object[] {cloud, facts};
    return facts;
  }

  /**
   * Reads the facts of one flavor.
   *
   * @param f the flavor
   * @param cloud the profile it belongs to
   * @return the facts
   */
  public static FlavorFacts of(CloudFlavor f, CloudProfile cloud) {
    return new FlavorFacts(f, cloud.hypervisors().forFlavor(f));
  }

  /**
   * The flavor.
   *
   * @return the flavor
   */
  public CloudFlavor flavor() {
    return flavor;
  }

  /**
   * The storage class of its root disk.
   *
   * @return the class
   */
  public StorageClass storage() {
    return storage;
  }

  /**
   * The hypervisors that serve it.
   *
   * @return the count
   */
  public HostCount hosts() {
    return hosts;
  }

  /**
   * Where its real values fall short of its SCS name.
   *
   * @return one sentence per problem; empty when consistent or not an SCS name
   */
  public List<String> nameProblems() {
    return nameProblems;
  }

  /**
   * The CPU type, from {@code scs:cpu-type} or the name.
   *
   * @return the type, or empty when unknown
   */
  public Optional<CpuType> cpuType() {
    return Optional.ofNullable(cpuType);
  }

  /**
   * Whether the name marks RAM as oversubscribed ({@code o}).
   *
   * @return true for {@code o}
   */
  public boolean ramOversubscribed() {
    return ramOversubscribed;
  }

  /**
   * Whether the name marks the CPU as insecure ({@code i}).
   *
   * @return true for {@code i}
   */
  public boolean insecure() {
    return insecure;
  }

  /**
   * The root-disk type from {@code scs:disk0-type} or the name.
   *
   * @return the type, or empty when not stated or diskless
   */
  public Optional<DiskType> diskType() {
    return Optional.ofNullable(diskType);
  }
}
