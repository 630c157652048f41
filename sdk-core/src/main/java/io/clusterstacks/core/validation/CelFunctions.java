package io.clusterstacks.core.validation;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.validation.internal.IpAddresses;

/**
 * The functions of the Kubernetes CEL library that {@link ValidationRule}s re-implementing a CRD's
 * {@code x-kubernetes-validations} need, with the semantics the SDK's own rules use. Pure: no name
 * resolution, no network.
 */
public final class CelFunctions {
  private CelFunctions() {}

  /**
   * CEL's {@code isCIDR(text)}: an IPv4 or IPv6 address, a slash and a prefix length that fits the
   * address family; as Go's {@code net.ParseCIDR}, the address need not be the network address.
   *
   * @param text the text
   * @return whether it is a CIDR
   */
  public static boolean isCidr(String text) {
    InvalidInputException.requireArgument(text, "text");
    return IpAddresses.isCidr(text);
  }

  /**
   * CEL's {@code cidr(cidr).containsIP(address)}.
   *
   * @param cidr the CIDR, e.g. {@code 10.96.0.0/16}
   * @param address the address, e.g. {@code 10.96.0.10}
   * @return true when both parse, have the same address family and the address lies inside
   */
  public static boolean cidrContainsIp(String cidr, String address) {
    InvalidInputException.requireArgument(cidr, "cidr");
    InvalidInputException.requireArgument(address, "address");
    return IpAddresses.contains(cidr, address);
  }
}
