package io.clusterstacks.core.flavor;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * An SCS flavor name (scs-0100 v3; v2 has the same syntax, v1 names are tolerated), decoded.
 *
 * <pre>{@code
 * ScsFlavorName name = ScsFlavorName.parse("SCS-2V-4-20s");
 * name.vcpus();                       // 2
 * name.cpuType();                     // SHARED_CORE ("scs:cpu-type" = shared-core)
 * name.ramGiB();                      // 4
 * name.disk().get().type();           // Optional[SSD]
 * name.toExtraSpecs();                // {cpus=2, scs:cpu-type=shared-core, ram=4.0, disk=20, ...}
 * }</pre>
 *
 * <h2>Agreement with the SCS reference parser</h2>
 * Validity, decoded fields, the canonical name and the short name agree with SCS's reference parser
 * ({@code flavor_names.py}, {@code parser_v3}) on every vector in the SDK's conformance table. Where
 * the standard's text and that parser disagree, this class deliberately follows the parser:
 * <ul>
 *   <li>{@code SCS-2V-4-10x} is valid: 10 disks of unspecified size and type (a trailing {@code x}
 *       turns the size into a disk count). {@code SCS-2C-4-3xs} is valid (3 SSDs, size left to the
 *       cloud). {@code SCS-2C-4-3x-} is invalid (the second {@code -} is left over).</li>
 *   <li>A GPU part without compute units cannot be followed by {@code _ib}: in {@code ..._GNa_ib}
 *       the generation swallows {@code a_ib}, which is no generation, so the name is invalid.</li>
 *   <li>Names that are valid but not in canonical form stay valid, with a different
 *       {@link #canonicalName()}: {@code SCS-2V-4.0} and {@code SCS-2V-4.} become {@code SCS-2V-4},
 *       {@code SCS-02V-4} becomes {@code SCS-2V-4}, {@code SCS-2V-4-1x10} becomes {@code SCS-2V-4-10},
 *       {@code SCS-2V-4-20s_z0} becomes {@code SCS-2V-4-20s_z} (a written generation 0 is kept in
 *       {@link CpuBrand#generation()} but not printed). Certification only requires a parse.</li>
 *   <li>{@code SCS-2C-4-n_bms_3} (listed as an example in the standard, a typo for {@code _z3}) is
 *       invalid: a CPU generation needs a vendor.</li>
 *   <li>RAM of 10 GiB or more with {@code .5} ({@code SCS-2V-12.5}) is valid (the standard only
 *       discourages it).</li>
 *   <li>A disk part without a type ({@code SCS-1V-4-10}) leaves the type unspecified here;
 *       {@link #toExtraSpecs()} then says {@code scs:disk0-type=network}, as the reference tooling
 *       and the scs-0103 test data do.</li>
 *   <li>A GPU modifier without compute units is kept where the parser allows it
 *       ({@code _GNahh-5}: frequency {@code hh}, 5 GiB VRAM, no compute-unit count).</li>
 * </ul>
 *
 * <h2>Deliberate differences from the reference parser</h2>
 * <ul>
 *   <li>Numbers are bounded: vCPUs, RAM (GiB), disk size, GPU compute units and VRAM at most
 *       {@value Integer#MAX_VALUE}, disk count at most 1000. Larger numbers (which the Python
 *       parser's unbounded integers accept) are reported as invalid, never as overflow.</li>
 *   <li>RAM is exact, in half GiB: {@code 4.50} is 4.5, but {@code 4.5000000000000000001} is not a
 *       multiple of 0.5 and is invalid, where the reference's binary {@code float} rounds it to 4.5.</li>
 *   <li>A name whose CPU part is followed by {@code :} is read in the v1 syntax and its error, if any,
 *       is the v1 parser's; the reference strategy would report the failed v3 attempt instead. Both
 *       reject the same names.</li>
 * </ul>
 *
 * <h2>Syntax versions</h2>
 * Names in the deprecated v1 syntax ({@code SCS-2C:4:10n-bms-z3}) parse, with
 * {@link #syntax()} {@link FlavorNameSyntax#V1} and {@link #isDeprecatedSyntax()} true, as the SCS
 * certification check tolerates them. {@link #canonicalName()} always produces the current syntax;
 * {@link #v1Name()} renders the v1 form (needed for {@code scs:name-v1}).
 *
 * <h2>Equality</h2>
 * Two names are equal when every decoded field is equal; the syntax they were read in does not
 * count ({@code SCS-2C:4:10n} equals {@code SCS-2C-4-10n}).
 *
 * <p>This is a final class rather than an Immutables value: the parser builds it directly after its
 * own checks (no second validation on the hot path), and the decoded parts have no independent
 * validity. {@link Builder} validates like the parser and reports every problem at once.
 */
public final class ScsFlavorName {
  private final int vcpus;
  private final CpuType cpuType;
  private final boolean insecure;
  private final long ramHalfGiB;
  private final boolean noEcc;
  private final boolean ramOversubscribed;
  private final @Nullable FlavorDisk disk;
  private final @Nullable Hypervisor hypervisor;
  private final boolean hardwareVirtualization;
  private final @Nullable CpuBrand cpuBrand;
  private final @Nullable Gpu gpu;
  private final boolean infiniband;
  private final FlavorNameSyntax syntax;

  ScsFlavorName(
      int vcpus,
      CpuType cpuType,
      boolean insecure,
      long ramHalfGiB,
      boolean noEcc,
      boolean ramOversubscribed,
      @Nullable FlavorDisk disk,
      @Nullable Hypervisor hypervisor,
      boolean hardwareVirtualization,
      @Nullable CpuBrand cpuBrand,
      @Nullable Gpu gpu,
      boolean infiniband,
      FlavorNameSyntax syntax) {
    this.vcpus = vcpus;
    this.cpuType = cpuType;
    this.insecure = insecure;
    this.ramHalfGiB = ramHalfGiB;
    this.noEcc = noEcc;
    this.ramOversubscribed = ramOversubscribed;
    this.disk = disk;
    this.hypervisor = hypervisor;
    this.hardwareVirtualization = hardwareVirtualization;
    this.cpuBrand = cpuBrand;
    this.gpu = gpu;
    this.infiniband = infiniband;
    this.syntax = syntax;
  }

  // ------------------------------------------------------------------ parsing

  /**
   * Parses an SCS flavor name in the current (v2/v3) or the deprecated v1 syntax.
   *
   * @param name the flavor name, e.g. {@code SCS-2V-4-20s}
   * @return the decoded name
   * @throws NotAnScsFlavorNameException when the name does not start with {@code SCS-}
   * @throws InvalidFlavorNameException when it does but does not follow scs-0100 (also for null)
   */
  public static ScsFlavorName parse(String name) {
    if (name == null) {
      throw new InvalidFlavorNameException("", 0, "expected a flavor name, got null");
    }
    if (!name.startsWith(FlavorNameParser.PREFIX)) {
      throw new NotAnScsFlavorNameException(name);
    }
    return FlavorNameParser.parse(name);
  }

  /**
   * Parses a flavor name without throwing: tells valid, not-SCS and invalid names apart.
   *
   * @param name the flavor name
   * @return the outcome
   */
  public static FlavorNameParseResult tryParse(String name) {
    if (name == null) {
      return new FlavorNameParseResult.Invalid("",
          new InvalidFlavorNameException("", 0, "expected a flavor name, got null"));
    }
    if (!name.startsWith(FlavorNameParser.PREFIX)) {
      return new FlavorNameParseResult.NotScs(name);
    }
    try {
      return new FlavorNameParseResult.Valid(name, FlavorNameParser.parse(name));
    } catch (InvalidFlavorNameException e) {
      return new FlavorNameParseResult.Invalid(name, e);
    }
  }

  /**
   * Whether scs-0100 governs a name, i.e. it starts with {@code SCS-} (case-sensitive).
   *
   * @param name a flavor name
   * @return true when the name claims to be an SCS name (valid or not)
   */
  public static boolean isScsName(String name) {
    return name != null && name.startsWith(FlavorNameParser.PREFIX);
  }

  // ------------------------------------------------------------------ fields

  /**
   * The number of vCPUs.
   *
   * @return at least 1
   */
  public int vcpus() {
    return vcpus;
  }

  /**
   * The CPU type ({@code L}, {@code V}, {@code T}, {@code C}).
   *
   * @return the type
   */
  public CpuType cpuType() {
    return cpuType;
  }

  /**
   * The {@code i} flag: the provider does not promise timely security mitigations (or runs SMT on
   * L1TF-affected CPUs).
   *
   * @return true when the name says {@code i}
   */
  public boolean isInsecure() {
    return insecure;
  }

  /**
   * The RAM in GiB, exactly.
   *
   * @return a positive multiple of 0.5 with scale 0 or 1, e.g. {@code 4} or {@code 3.5}
   */
  public BigDecimal ramGiB() {
    return (ramHalfGiB & 1) == 0 ? BigDecimal.valueOf(ramHalfGiB / 2) : BigDecimal.valueOf(ramHalfGiB * 5, 1);
  }

  /**
   * The RAM in half GiB (an exact integer form of {@link #ramGiB()}).
   *
   * @return e.g. 7 for 3.5 GiB
   */
  public long ramHalfGiB() {
    return ramHalfGiB;
  }

  /**
   * The RAM in MiB, as Nova stores it ({@code flavor.ram}).
   *
   * @return e.g. 4096 for 4 GiB
   */
  public long ramMiB() {
    return ramHalfGiB * 512;
  }

  /**
   * The {@code u} flag: RAM without ECC.
   *
   * @return true when the name says {@code u}
   */
  public boolean isNoEcc() {
    return noEcc;
  }

  /**
   * The {@code o} flag: RAM is oversubscribed.
   *
   * @return true when the name says {@code o}
   */
  public boolean isRamOversubscribed() {
    return ramOversubscribed;
  }

  /**
   * The disk part.
   *
   * @return the disks, or empty for a flavor without root disk (boot from volume, {@code SCS-2V-4})
   */
  public Optional<FlavorDisk> disk() {
    return Optional.ofNullable(disk);
  }

  /**
   * The hypervisor extension.
   *
   * @return the hypervisor, or empty when the name does not say
   */
  public Optional<Hypervisor> hypervisor() {
    return Optional.ofNullable(hypervisor);
  }

  /**
   * The {@code _hwv} extension: hardware (nested) virtualisation is available in the instance.
   *
   * @return true when the name says {@code hwv}
   */
  public boolean isHardwareVirtualization() {
    return hardwareVirtualization;
  }

  /**
   * The CPU vendor extension.
   *
   * @return vendor, generation and frequency, or empty for generic x86-64
   */
  public Optional<CpuBrand> cpuBrand() {
    return Optional.ofNullable(cpuBrand);
  }

  /**
   * The GPU extension.
   *
   * @return the GPU, or empty when the flavor has none
   */
  public Optional<Gpu> gpu() {
    return Optional.ofNullable(gpu);
  }

  /**
   * The {@code _ib} extension: InfiniBand.
   *
   * @return true when the name says {@code ib}
   */
  public boolean isInfiniband() {
    return infiniband;
  }

  /**
   * The syntax the name was read in; {@link FlavorNameSyntax#V2} for names made by the builder or
   * derived by {@link #shorten()}.
   *
   * @return the syntax
   */
  public FlavorNameSyntax syntax() {
    return syntax;
  }

  /**
   * Whether the name was written in the deprecated v1 syntax (tolerated, with a warning, by the SCS
   * certification check).
   *
   * @return true for v1 names
   */
  public boolean isDeprecatedSyntax() {
    return syntax.isDeprecated();
  }

  // ------------------------------------------------------------------ derived names

  /**
   * The name in the current syntax, as the reference outputter writes it.
   *
   * @return e.g. {@code SCS-2V-4-20s}
   */
  public String canonicalName() {
    StringBuilder sb = new StringBuilder(32);
    appendCanonical(sb);
    return sb.toString();
  }

  /**
   * The canonically shortened name: without hypervisor, {@code hwv}, x86 vendor ({@code i}/{@code z})
   * and GPU {@code h} modifiers; a non-x86 vendor keeps its letter but not its generation or
   * frequency. Providers are expected to offer the short names too.
   *
   * @return e.g. {@code SCS-2C-4-10n} for {@code SCS-2C-4-10n_bms_z3h}
   */
  public String shortName() {
    return shorten().canonicalName();
  }

  /**
   * The canonically shortened name as a value (see {@link #shortName()}).
   *
   * @return the shortened name, in syntax {@link FlavorNameSyntax#V2}
   */
  public ScsFlavorName shorten() {
    CpuBrand b = cpuBrand == null || cpuBrand.vendor().isX86()
        ? null
        : new CpuBrand(cpuBrand.vendor(), -1, PerformanceLevel.STANDARD);
    return new ScsFlavorName(vcpus, cpuType, insecure, ramHalfGiB, noEcc, ramOversubscribed, disk, null,
        false, b, gpu == null ? null : gpu.withoutPerformance(), infiniband, FlavorNameSyntax.V2);
  }

  /**
   * The name in the deprecated v1 syntax, as needed for {@code scs:name-v1}.
   *
   * @return e.g. {@code SCS-2C:4:10n-bms-z3} for {@code SCS-2C-4-10n_bms_z3}
   */
  public String v1Name() {
    return toV1(canonicalName());
  }

  static String toV1(String v2) {
    char[] c = v2.toCharArray();
    for (int i = FlavorNameParser.PREFIX.length(); i < c.length; i++) {
      if (c[i] == '-') {
        c[i] = ':';
      } else if (c[i] == '_') {
        c[i] = '-';
      }
    }
    return new String(c);
  }

  /**
   * What the name promises, in words.
   *
   * @return e.g. {@code 2 shared vCPUs (at least 20% of a core), 4 GiB RAM, one 20 GB local SSD root disk}
   */
  public String description() {
    List<String> parts = new ArrayList<>();
    String cpu = vcpus + " " + cpuType.description() + (vcpus == 1 ? "" : "s");
    if (cpuType == CpuType.SHARED_CORE) {
      cpu = vcpus + " shared vCPU" + (vcpus == 1 ? "" : "s") + " (at least 20% of a core)";
    }
    if (insecure) {
      cpu += " (insecure: no timely security mitigations or SMT on affected CPUs)";
    }
    parts.add(cpu);
    String ram = ramGiB().toPlainString() + " GiB RAM";
    if (noEcc) {
      ram += " without ECC";
    }
    if (ramOversubscribed) {
      ram += " (oversubscribed)";
    }
    parts.add(ram);
    if (disk == null) {
      parts.add("no root disk (boot from volume)");
    } else {
      String count = disk.count() == 1 ? "one " : disk.count() + " × ";
      String size = disk.rawSize() == 0 ? "cloud-sized " : disk.rawSize() + " GB ";
      String type = disk.rawType() == null ? "root disk of any type" : disk.rawType().description() + " root disk";
      parts.add(count + size + type + (disk.count() == 1 ? "" : "s"));
    }
    if (hypervisor != null) {
      parts.add("on " + hypervisor.description());
    }
    if (hardwareVirtualization) {
      parts.add("with nested virtualisation");
    }
    if (cpuBrand != null) {
      StringBuilder sb = new StringBuilder();
      sb.append(cpuBrand.vendor().description()).append(" CPU");
      cpuBrand.generationName().ifPresent(g -> sb.append(" (").append(g).append(")"));
      if (cpuBrand.performance() != PerformanceLevel.STANDARD) {
        sb.append(", all-core frequency above ").append(
            new String[] {"", "2.75", "3.25", "3.75"}[cpuBrand.performance().ordinal()]).append(" GHz");
      }
      parts.add(sb.toString());
    }
    if (gpu != null) {
      StringBuilder sb = new StringBuilder();
      sb.append(gpu.type().description()).append(" ").append(gpu.vendor().description());
      gpu.generationName().ifPresent(g -> sb.append(" ").append(g));
      if (gpu.rawComputeUnits() > 0) {
        sb.append(" with ").append(gpu.rawComputeUnits()).append(" ").append(gpu.vendor().computeUnitName());
      }
      if (gpu.computePerformance() != PerformanceLevel.STANDARD) {
        sb.append(gpu.computePerformance() == PerformanceLevel.HIGH ? " (high frequency)" : " (very high frequency)");
      }
      if (gpu.rawVram() > 0) {
        sb.append(", ").append(gpu.rawVram()).append(" GiB VRAM");
      }
      if (gpu.vramPerformance() != PerformanceLevel.STANDARD) {
        sb.append(gpu.vramPerformance() == PerformanceLevel.HIGH ? " (high bandwidth)" : " (very high bandwidth)");
      }
      parts.add(sb.toString());
    }
    if (infiniband) {
      parts.add("InfiniBand");
    }
    return String.join(", ", parts);
  }

  // ------------------------------------------------------------------ extra_specs

  /**
   * The flavor properties the SCS tooling derives from this name ({@code flavorname_to_dict}), in its
   * key order.
   *
   * <p>Keys: {@code cpus}, {@code scs:cpu-type}, {@code ram} (GiB), then, if the name has a disk part,
   * {@code disk} and {@code scs:disk0-type} ... {@code scs:disk<N-1>-type} (an unspecified type gives
   * {@code network}), then {@code scs:name-v1}, {@code scs:name-v2}, ...: the long and short name in
   * v1 and current syntax, de-duplicated, longest first and v1 before v2 for equal length.
   * {@code cpus}, {@code ram} and {@code disk} are Nova flavor fields rather than extra_specs; only
   * the {@code scs:} keys go into {@code extra_specs}.
   *
   * <p>Numbers are rendered as the reference's Python values print: {@code cpus} and {@code disk} as
   * integers ({@code 2}), {@code ram} as a float with one decimal ({@code 4.0}, {@code 0.5});
   * {@code disk} is the empty string when the name leaves the size to the cloud (the reference's
   * {@code None}).
   *
   * @return an insertion-ordered, unmodifiable map
   */
  public Map<String, String> toExtraSpecs() {
    return ExtraSpecs.of(this);
  }

  /**
   * Reads the flavor name from scs-0103 extra_specs: {@code scs:name-v2} when it parses, otherwise
   * the other {@code scs:name-vN} in ascending N. Non-SCS values are skipped.
   *
   * @param extraSpecs a flavor's extra_specs
   * @return the name, or empty when no {@code scs:name-vN} key holds an SCS name
   * @throws InvalidFlavorNameException when SCS names are present but none is valid (the error of
   *     the first one tried)
   */
  public static Optional<ScsFlavorName> fromExtraSpecs(Map<String, String> extraSpecs) {
    return ExtraSpecs.read(extraSpecs);
  }

  // ------------------------------------------------------------------ builder

  /**
   * A builder for a name from its fields; {@link Builder#build()} validates like the parser.
   *
   * @return an empty builder (vCPUs, CPU type and RAM are required)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder pre-filled with this name's fields.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.vcpus = vcpus;
    b.cpuType = cpuType;
    b.insecure = insecure;
    b.ramHalfGiB = ramHalfGiB;
    b.noEcc = noEcc;
    b.ramOversubscribed = ramOversubscribed;
    if (disk != null) {
      b.disk(disk.count(), disk.sizeGB(), disk.type());
    }
    b.hypervisor = hypervisor;
    b.hardwareVirtualization = hardwareVirtualization;
    if (cpuBrand != null) {
      b.cpuBrand(cpuBrand.vendor(), cpuBrand.generation(), cpuBrand.performance());
    }
    if (gpu != null) {
      b.gpu(gpu.type(), gpu.vendor(), gpu.generation(), gpu.computeUnits(), gpu.computePerformance(),
          gpu.vramGiB(), gpu.vramPerformance());
    }
    b.infiniband = infiniband;
    b.syntax = syntax;
    return b;
  }

  /**
   * Builds a flavor name from fields. Required: {@link #vcpus(int)}, {@link #cpuType(CpuType)} and the
   * RAM. {@link #build()} checks every field as the parser would and reports all problems at once.
   */
  public static final class Builder {
    private int vcpus;
    private @Nullable CpuType cpuType;
    private boolean insecure;
    private long ramHalfGiB;
    private @Nullable BigDecimal ramGiB;
    private boolean noEcc;
    private boolean ramOversubscribed;
    private boolean hasDisk;
    private int diskCount = 1;
    private OptionalInt diskSize = OptionalInt.empty();
    private Optional<DiskType> diskType = Optional.empty();
    private @Nullable Hypervisor hypervisor;
    private boolean hardwareVirtualization;
    private @Nullable CpuVendor cpuVendor;
    private OptionalInt cpuGeneration = OptionalInt.empty();
    private PerformanceLevel cpuPerformance = PerformanceLevel.STANDARD;
    private @Nullable GpuType gpuType;
    private @Nullable GpuVendor gpuVendor;
    private Optional<String> gpuGeneration = Optional.empty();
    private OptionalInt gpuComputeUnits = OptionalInt.empty();
    private PerformanceLevel gpuComputePerformance = PerformanceLevel.STANDARD;
    private OptionalInt gpuVram = OptionalInt.empty();
    private PerformanceLevel gpuVramPerformance = PerformanceLevel.STANDARD;
    private boolean infiniband;
    private FlavorNameSyntax syntax = FlavorNameSyntax.V2;

    private Builder() {}

    /**
     * Sets the number of vCPUs.
     *
     * @param vcpus at least 1
     * @return this builder
     */
    public Builder vcpus(int vcpus) {
      this.vcpus = vcpus;
      return this;
    }

    /**
     * Sets the CPU type.
     *
     * @param cpuType the type
     * @return this builder
     */
    public Builder cpuType(CpuType cpuType) {
      this.cpuType = cpuType;
      return this;
    }

    /**
     * Sets the insecure flag {@code i}.
     *
     * @param insecure whether the name says {@code i}
     * @return this builder
     */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /**
     * Sets the RAM in whole GiB.
     *
     * @param ramGiB at least 1
     * @return this builder
     */
    public Builder ramGiB(int ramGiB) {
      this.ramGiB = BigDecimal.valueOf(ramGiB);
      return this;
    }

    /**
     * Sets the RAM in GiB.
     *
     * @param ramGiB a positive multiple of 0.5, e.g. {@code new BigDecimal("3.5")}
     * @return this builder
     */
    public Builder ramGiB(BigDecimal ramGiB) {
      this.ramGiB = ramGiB;
      return this;
    }

    /**
     * Sets the RAM in half GiB.
     *
     * @param ramHalfGiB e.g. 7 for 3.5 GiB
     * @return this builder
     */
    public Builder ramHalfGiB(long ramHalfGiB) {
      this.ramGiB = null;
      this.ramHalfGiB = ramHalfGiB;
      return this;
    }

    /**
     * Sets the no-ECC flag {@code u}.
     *
     * @param noEcc whether the name says {@code u}
     * @return this builder
     */
    public Builder noEcc(boolean noEcc) {
      this.noEcc = noEcc;
      return this;
    }

    /**
     * Sets the RAM-oversubscribed flag {@code o}.
     *
     * @param ramOversubscribed whether the name says {@code o}
     * @return this builder
     */
    public Builder ramOversubscribed(boolean ramOversubscribed) {
      this.ramOversubscribed = ramOversubscribed;
      return this;
    }

    /**
     * Sets one root disk of a size and type ({@code -20s}).
     *
     * @param sizeGB the size in GB, at least 1
     * @param type the disk type
     * @return this builder
     */
    public Builder disk(int sizeGB, DiskType type) {
      return disk(1, OptionalInt.of(sizeGB), Optional.of(type));
    }

    /**
     * Sets the disk part in full ({@code -3x10s}, {@code -n}, {@code -}).
     *
     * @param count the number of disks, 1 to 1000
     * @param sizeGB the size of each in GB, or empty to let the cloud decide
     * @param type the type, or empty to let the cloud decide
     * @return this builder
     */
    public Builder disk(int count, OptionalInt sizeGB, Optional<DiskType> type) {
      this.hasDisk = true;
      this.diskCount = count;
      this.diskSize = sizeGB;
      this.diskType = type;
      return this;
    }

    /**
     * Removes the disk part: a flavor without root disk (boot from volume).
     *
     * @return this builder
     */
    public Builder noDisk() {
      this.hasDisk = false;
      this.diskCount = 1;
      this.diskSize = OptionalInt.empty();
      this.diskType = Optional.empty();
      return this;
    }

    /**
     * Sets or clears the hypervisor extension.
     *
     * @param hypervisor the hypervisor, or empty for none
     * @return this builder
     */
    public Builder hypervisor(Optional<Hypervisor> hypervisor) {
      this.hypervisor = hypervisor.orElse(null);
      return this;
    }

    /**
     * Sets the hypervisor extension.
     *
     * @param hypervisor the hypervisor
     * @return this builder
     */
    public Builder hypervisor(Hypervisor hypervisor) {
      this.hypervisor = hypervisor;
      return this;
    }

    /**
     * Sets the {@code _hwv} extension.
     *
     * @param hardwareVirtualization whether nested virtualisation is offered
     * @return this builder
     */
    public Builder hardwareVirtualization(boolean hardwareVirtualization) {
      this.hardwareVirtualization = hardwareVirtualization;
      return this;
    }

    /**
     * Sets the CPU vendor extension without generation or frequency ({@code _a}).
     *
     * @param vendor the vendor
     * @return this builder
     */
    public Builder cpuBrand(CpuVendor vendor) {
      return cpuBrand(vendor, OptionalInt.empty(), PerformanceLevel.STANDARD);
    }

    /**
     * Sets the CPU vendor extension ({@code _z3h}).
     *
     * @param vendor the vendor
     * @param generation the generation, or empty
     * @param performance the frequency class, up to {@code hhh}
     * @return this builder
     */
    public Builder cpuBrand(CpuVendor vendor, OptionalInt generation, PerformanceLevel performance) {
      this.cpuVendor = vendor;
      this.cpuGeneration = generation;
      this.cpuPerformance = performance;
      return this;
    }

    /**
     * Removes the CPU vendor extension (generic x86-64).
     *
     * @return this builder
     */
    public Builder noCpuBrand() {
      this.cpuVendor = null;
      this.cpuGeneration = OptionalInt.empty();
      this.cpuPerformance = PerformanceLevel.STANDARD;
      return this;
    }

    /**
     * Sets the GPU extension ({@code _GNa-14-6h}).
     *
     * @param type pass-through or virtual
     * @param vendor the vendor
     * @param generation the generation code, or empty
     * @param computeUnits the compute units, or empty
     * @param computePerformance their frequency class, up to {@code hh}
     * @param vramGiB the VRAM in GiB, or empty
     * @param vramPerformance its bandwidth class, up to {@code hh}
     * @return this builder
     */
    public Builder gpu(
        GpuType type,
        GpuVendor vendor,
        Optional<String> generation,
        OptionalInt computeUnits,
        PerformanceLevel computePerformance,
        OptionalInt vramGiB,
        PerformanceLevel vramPerformance) {
      this.gpuType = type;
      this.gpuVendor = vendor;
      this.gpuGeneration = generation;
      this.gpuComputeUnits = computeUnits;
      this.gpuComputePerformance = computePerformance;
      this.gpuVram = vramGiB;
      this.gpuVramPerformance = vramPerformance;
      return this;
    }

    /**
     * Removes the GPU extension.
     *
     * @return this builder
     */
    public Builder noGpu() {
      this.gpuType = null;
      this.gpuVendor = null;
      return this;
    }

    /**
     * Sets the {@code _ib} extension.
     *
     * @param infiniband whether the flavor has InfiniBand
     * @return this builder
     */
    public Builder infiniband(boolean infiniband) {
      this.infiniband = infiniband;
      return this;
    }

    /**
     * Records the syntax the name was read in (only informative; formatting is always current).
     *
     * @param syntax the syntax
     * @return this builder
     */
    public Builder syntax(FlavorNameSyntax syntax) {
      this.syntax = syntax;
      return this;
    }

    private static Problem expected(String field, String value, String allowed) {
      return Problem.of(field, value, "expected " + allowed);
    }

    /**
     * Validates every field and builds the name.
     *
     * @return the name
     * @throws InvalidInputException listing every problem
     */
    public ScsFlavorName build() {
      List<Problem> problems = new ArrayList<>();
      if (vcpus < 1) {
        problems.add(expected("vcpus", Integer.toString(vcpus), "a positive integer"));
      }
      if (cpuType == null) {
        problems.add(expected("cpuType", Problem.MISSING, "one of L, V, T, C (CpuType)"));
      }
      long halves = ramHalfGiB;
      if (ramGiB != null) {
        BigDecimal twice = ramGiB.multiply(BigDecimal.valueOf(2));
        if (ramGiB.signum() <= 0 || twice.stripTrailingZeros().scale() > 0
            || ramGiB.compareTo(BigDecimal.valueOf(FlavorNameParser.MAX_NUMBER)) > 0) {
          problems.add(expected("ramGiB", ramGiB.toPlainString(),
              "a positive multiple of 0.5 up to " + FlavorNameParser.MAX_NUMBER));
          halves = 0;
        } else {
          halves = twice.longValueExact();
        }
      } else if (halves < 1 || halves > 2L * FlavorNameParser.MAX_NUMBER + 1) {
        problems.add(expected("ramGiB", halves == 0 ? Problem.MISSING : (halves / 2.0) + "",
            "a positive multiple of 0.5 up to " + FlavorNameParser.MAX_NUMBER));
      }
      FlavorDisk d = null;
      if (hasDisk) {
        if (diskCount < 1 || diskCount > FlavorNameParser.MAX_DISK_COUNT) {
          problems.add(expected("disk.count", Integer.toString(diskCount),
              "1 to " + FlavorNameParser.MAX_DISK_COUNT));
        }
        if (diskSize.isPresent() && diskSize.getAsInt() < 1) {
          problems.add(expected("disk.sizeGB", Integer.toString(diskSize.getAsInt()),
              "a positive number of GB, or empty to let the cloud decide"));
        }
        d = new FlavorDisk(diskCount, diskSize.orElse(0), diskType.orElse(null));
      }
      if (hypervisor == Hypervisor.CHY && syntax == FlavorNameSyntax.V1) {
        problems.add(expected("hypervisor", "chy",
            "a hypervisor of the v1 syntax (kvm, xen, vmw, hyv, bms), or syntax V2"));
      }
      CpuBrand b = null;
      if (cpuVendor != null) {
        if (cpuGeneration.isPresent()
            && (cpuGeneration.getAsInt() < 0 || cpuGeneration.getAsInt() > cpuVendor.maxGeneration())) {
          problems.add(expected("cpuBrand.generation", Integer.toString(cpuGeneration.getAsInt()),
              "0 to " + cpuVendor.maxGeneration() + " for " + cpuVendor.description()));
        }
        b = new CpuBrand(cpuVendor, cpuGeneration.orElse(-1), cpuPerformance);
      }
      Gpu g = null;
      if (gpuType != null && gpuVendor != null) {
        String gen = gpuGeneration.orElse("");
        if (!gen.isEmpty() && !gpuVendor.isKnownGeneration(gen)) {
          problems.add(expected("gpu.generation", gen,
              "one of " + String.join(", ", gpuVendor.generations()) + " for " + gpuVendor.description()));
        }
        if (gpuComputeUnits.isPresent() && gpuComputeUnits.getAsInt() < 1) {
          problems.add(expected("gpu.computeUnits", Integer.toString(gpuComputeUnits.getAsInt()),
              "a positive integer, or empty"));
        }
        if (gpuComputePerformance == PerformanceLevel.VERY_VERY_HIGH) {
          problems.add(expected("gpu.computePerformance", "hhh", "STANDARD, HIGH (h) or VERY_HIGH (hh)"));
        }
        if (gpuVram.isPresent() && gpuVram.getAsInt() < 1) {
          problems.add(expected("gpu.vramGiB", Integer.toString(gpuVram.getAsInt()),
              "a positive integer, or empty"));
        }
        if (gpuVram.isPresent() && gpuComputeUnits.isEmpty()
            && gpuComputePerformance == PerformanceLevel.STANDARD) {
          problems.add(expected("gpu.vramGiB", Integer.toString(gpuVram.getAsInt()),
              "compute units before the VRAM (the name would read the VRAM as compute units)"));
        }
        if (gpuVramPerformance == PerformanceLevel.VERY_VERY_HIGH) {
          problems.add(expected("gpu.vramPerformance", "hhh", "STANDARD, HIGH (h) or VERY_HIGH (hh)"));
        }
        g = new Gpu(gpuType, gpuVendor, gen, gpuComputeUnits.orElse(0), gpuComputePerformance,
            gpuVram.orElse(0), gpuVramPerformance);
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new ScsFlavorName(vcpus, Objects.requireNonNull(cpuType), insecure, halves, noEcc,
          ramOversubscribed, d, hypervisor, hardwareVirtualization, b, g, infiniband, syntax);
    }
  }

  // ------------------------------------------------------------------ formatting

  private void appendCanonical(StringBuilder sb) {
    sb.append(FlavorNameParser.PREFIX).append(vcpus).append(cpuType.letter());
    if (insecure) {
      sb.append('i');
    }
    sb.append('-').append(ramHalfGiB / 2);
    if ((ramHalfGiB & 1) != 0) {
      sb.append(".5");
    }
    if (noEcc) {
      sb.append('u');
    }
    if (ramOversubscribed) {
      sb.append('o');
    }
    if (disk != null) {
      sb.append('-');
      appendDisk(sb, disk);
    }
    if (hypervisor != null) {
      sb.append('_').append(hypervisor.code());
    }
    if (hardwareVirtualization) {
      sb.append("_hwv");
    }
    if (cpuBrand != null) {
      sb.append('_');
      appendCpuBrand(sb, cpuBrand);
    }
    if (gpu != null) {
      sb.append('_');
      appendGpu(sb, gpu, '-');
    }
    if (infiniband) {
      sb.append("_ib");
    }
  }

  static void appendDisk(StringBuilder sb, FlavorDisk d) {
    if (d.count() != 1) {
      sb.append(d.count()).append('x');
    }
    if (d.rawSize() != 0) {
      sb.append(d.rawSize());
    }
    if (d.rawType() != null) {
      sb.append(d.rawType().letter());
    }
  }

  static void appendCpuBrand(StringBuilder sb, CpuBrand b) {
    sb.append(b.vendor().letter());
    if (b.rawGeneration() > 0) {
      sb.append(b.rawGeneration());
    }
    sb.append(b.performance().suffix());
  }

  static void appendGpu(StringBuilder sb, Gpu g, char sep) {
    sb.append(g.type().letter()).append(g.vendor().letter()).append(g.rawGeneration());
    if (g.rawComputeUnits() != 0) {
      sb.append(sep).append(g.rawComputeUnits());
    }
    sb.append(g.computePerformance().suffix());
    if (g.rawVram() != 0) {
      sb.append(sep).append(g.rawVram());
    }
    sb.append(g.vramPerformance().suffix());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ScsFlavorName f
        && f.vcpus == vcpus
        && f.cpuType == cpuType
        && f.insecure == insecure
        && f.ramHalfGiB == ramHalfGiB
        && f.noEcc == noEcc
        && f.ramOversubscribed == ramOversubscribed
        && Objects.equals(f.disk, disk)
        && f.hypervisor == hypervisor
        && f.hardwareVirtualization == hardwareVirtualization
        && Objects.equals(f.cpuBrand, cpuBrand)
        && Objects.equals(f.gpu, gpu)
        && f.infiniband == infiniband;
  }

  @Override
  public int hashCode() {
    return Objects.hash(vcpus, cpuType, insecure, ramHalfGiB, noEcc, ramOversubscribed, disk, hypervisor,
        hardwareVirtualization, cpuBrand, gpu, infiniband);
  }

  /**
   * The canonical name (see {@link #canonicalName()}).
   *
   * @return e.g. {@code SCS-2V-4-20s}
   */
  @Override
  public String toString() {
    return canonicalName();
  }
}
