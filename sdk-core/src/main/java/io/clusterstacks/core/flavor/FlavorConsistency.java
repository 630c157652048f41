package io.clusterstacks.core.flavor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a cloud flavor's real vCPUs, RAM, disk and scs-0103 extra_specs against what its SCS name
 * promises, as the SCS tooling does ({@code check_yaml.py}; scs-0103's "must match precisely").
 *
 * <p>The expectation is {@link ScsFlavorName#toExtraSpecs()} of the name. Rules:
 * <ul>
 *   <li>{@code cpus}: the flavor's vCPUs must equal the name's.</li>
 *   <li>{@code ram}: the flavor's MiB must equal the name's GiB × 1024; found is shown in GiB.</li>
 *   <li>{@code disk}: must equal the name's size, or 0 when the name leaves the size to the cloud
 *       (Nova's "disk or 0"). A name without disk part expects 0; any other disk is reported with
 *       expected {@code undefined}.</li>
 *   <li>every expected {@code scs:} key must be present with the expected value; a missing
 *       {@code scs:disk0-type} counts as {@code network}.</li>
 *   <li>any other {@code scs:} key present is a discrepancy (expected {@code undefined}); keys
 *       outside the {@code scs:} namespace are ignored.</li>
 * </ul>
 */
public final class FlavorConsistency {
  private FlavorConsistency() {}

  /**
   * Checks a flavor against the SCS name it claims: {@code scs:name-v2} from its extra_specs when
   * present, otherwise its flavor name.
   *
   * @param flavorName the cloud's flavor name
   * @param vcpus the flavor's vCPUs
   * @param ramMiB the flavor's RAM in MiB (Nova's {@code ram})
   * @param diskGB the flavor's root disk in GB (Nova's {@code disk}; 0 for none)
   * @param extraSpecs the flavor's extra_specs
   * @return the discrepancies in a stable order; empty when consistent or when the flavor claims no
   *     SCS name
   * @throws InvalidFlavorNameException when the claimed SCS name is invalid
   */
  public static List<FlavorDiscrepancy> check(
      String flavorName, int vcpus, long ramMiB, int diskGB, Map<String, String> extraSpecs) {
    String claimed = extraSpecs.getOrDefault("scs:name-v2", flavorName);
    if (!ScsFlavorName.isScsName(claimed)) {
      return List.of();
    }
    return check(ScsFlavorName.parse(claimed), vcpus, ramMiB, diskGB, extraSpecs);
  }

  /**
   * Checks a flavor against a given SCS name.
   *
   * @param name the name the flavor must match
   * @param vcpus the flavor's vCPUs
   * @param ramMiB the flavor's RAM in MiB
   * @param diskGB the flavor's root disk in GB (0 for none)
   * @param extraSpecs the flavor's extra_specs
   * @return the discrepancies: cpus, ram, disk, expected scs: keys in generation order, then unexpected
   *     scs: keys in key order
   */
  public static List<FlavorDiscrepancy> check(
      ScsFlavorName name, int vcpus, long ramMiB, int diskGB, Map<String, String> extraSpecs) {
    Map<String, String> expected = name.toExtraSpecs();
    List<FlavorDiscrepancy> out = new ArrayList<>();
    if (vcpus != name.vcpus()) {
      out.add(new FlavorDiscrepancy("cpus", Integer.toString(vcpus), expected.get("cpus")));
    }
    if (ramMiB != name.ramMiB()) {
      String gib = new BigDecimal(ramMiB).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();
      out.add(new FlavorDiscrepancy("ram", gib, expected.get("ram")));
    }
    int expectedDisk = name.disk().map(d -> d.sizeGB().orElse(0)).orElse(0);
    if (diskGB != expectedDisk) {
      out.add(new FlavorDiscrepancy("disk", Integer.toString(diskGB),
          name.disk().isPresent() ? Integer.toString(expectedDisk) : FlavorDiscrepancy.UNDEFINED));
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("scs:")) {
        continue;
      }
      String found = extraSpecs.get(key);
      String effective = found == null && key.equals("scs:disk0-type") ? DiskType.NETWORK.extraSpecValue() : found;
      if (!e.getValue().equals(effective)) {
        out.add(new FlavorDiscrepancy(key, found == null ? FlavorDiscrepancy.MISSING : found, e.getValue()));
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(extraSpecs).entrySet()) {
      if (e.getKey().startsWith("scs:") && !expected.containsKey(e.getKey())) {
        out.add(new FlavorDiscrepancy(e.getKey(), e.getValue(), FlavorDiscrepancy.UNDEFINED));
      }
    }
    return List.copyOf(out);
  }
}
