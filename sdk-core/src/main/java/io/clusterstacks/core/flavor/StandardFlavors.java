package io.clusterstacks.core.flavor;

import java.util.List;
import java.util.stream.Stream;

/**
 * The standard flavors of scs-0103-v1 (text v1.2): the names every SCS-compatible cloud must offer
 * (mandatory) and those it should offer (recommended), in the standard's order.
 *
 * <p>{@code SCS-2V-4-20s} and {@code SCS-4V-16-100s} (local SSD, from scs-0110) are the mandatory
 * flavors meant for Kubernetes control planes with etcd. Their properties, including the
 * {@code extra_specs}, are {@link ScsFlavorName#toExtraSpecs()} of each name.
 */
public final class StandardFlavors {
  private static final List<ScsFlavorName> MANDATORY = parse(
      "SCS-1V-4", "SCS-2V-8", "SCS-4V-16", "SCS-8V-32", "SCS-1V-2", "SCS-2V-4", "SCS-4V-8", "SCS-8V-16",
      "SCS-16V-32", "SCS-1V-8", "SCS-2V-16", "SCS-4V-32", "SCS-1L-1", "SCS-2V-4-20s", "SCS-4V-16-100s");
  private static final List<ScsFlavorName> RECOMMENDED = parse(
      "SCS-1V-4-10", "SCS-2V-8-20", "SCS-4V-16-50", "SCS-8V-32-100", "SCS-1V-2-5", "SCS-2V-4-10",
      "SCS-4V-8-20", "SCS-8V-16-50", "SCS-16V-32-100", "SCS-1V-8-20", "SCS-2V-16-50", "SCS-4V-32-100",
      "SCS-1L-1-5", "SCS-16V-64", "SCS-8V-64", "SCS-16V-128");

  private StandardFlavors() {}

  private static List<ScsFlavorName> parse(String... names) {
    return Stream.of(names).map(ScsFlavorName::parse).toList();
  }

  /**
   * The 15 mandatory flavors of scs-0103-v1.
   *
   * @return the names, in the standard's order
   */
  public static List<ScsFlavorName> mandatory() {
    return MANDATORY;
  }

  /**
   * The 16 recommended flavors of scs-0103-v1 (parts 1 and 2).
   *
   * @return the names, in the standard's order
   */
  public static List<ScsFlavorName> recommended() {
    return RECOMMENDED;
  }

  /**
   * Whether a name is one of the mandatory flavors.
   *
   * @param name a flavor name
   * @return true when scs-0103-v1 makes it mandatory
   */
  public static boolean isMandatory(ScsFlavorName name) {
    return MANDATORY.contains(name);
  }
}
