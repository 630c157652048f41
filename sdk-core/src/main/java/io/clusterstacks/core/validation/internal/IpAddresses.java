package io.clusterstacks.core.validation.internal;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** IPv4/IPv6 address and CIDR parsing without name lookups (Go {@code net.ParseIP} semantics). */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * Parses a dotted-quad IPv4 address (no leading zeros, as Go 1.17+).
   *
   * @param s the text
   * @return the 4 bytes, or null when not an IPv4 address
   */
  public static byte @Nullable [] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /**
   * Parses an IPv6 address (with {@code ::} compression and an optional trailing IPv4 part).
   *
   * @param s the text
   * @return the 16 bytes, or null when not an IPv6 address
   */
  public static byte @Nullable [] parseV6(String s) {
    if (s.indexOf(':') < 0) {
      return null;
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl >= 0 ? s.substring(0, dbl) : s;
    String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
    int[] h = groups(head);
    int[] t = groups(tail);
    if (h == null || t == null) {
      return null;
    }
    int total = h.length + t.length;
    if (dbl < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < h.length; i++) {
      out[2 * i] = (byte) (h[i] >> 8);
      out[2 * i + 1] = (byte) h[i];
    }
    for (int i = 0; i < t.length; i++) {
      int pos = 8 - t.length + i;
      out[2 * pos] = (byte) (t[i] >> 8);
      out[2 * pos + 1] = (byte) t[i];
    }
    return out;
  }

  private static int @Nullable [] groups(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int n = parts.length;
    byte[] v4 = null;
    if (parts[n - 1].indexOf('.') >= 0) {
      v4 = parseV4(parts[n - 1]);
      if (v4 == null) {
        return null;
      }
    }
    int count = v4 == null ? n : n + 1;
    int[] out = new int[count];
    for (int i = 0; i < (v4 == null ? n : n - 1); i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      try {
        out[i] = Integer.parseInt(p, 16);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (v4 != null) {
      out[n - 1] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
      out[n] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
    }
    return out;
  }

  /**
   * Parses an IPv4 or IPv6 address.
   *
   * @param s the text
   * @return the bytes (4 or 16), or null
   */
  public static byte @Nullable [] parse(String s) {
    byte[] v4 = parseV4(s);
    return v4 != null ? v4 : parseV6(s);
  }

  /**
   * Whether the text is a CIDR ({@code address/prefix}); the address need not be the network address,
   * as Go's {@code net.ParseCIDR}.
   *
   * @param s the text
   * @return true when valid
   */
  public static boolean isCidr(String s) {
    return cidrPrefix(s) >= 0;
  }

  private static int cidrPrefix(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return -1;
    }
    byte[] ip = parse(s.substring(0, slash));
    String bits = s.substring(slash + 1);
    if (ip == null || bits.isEmpty() || bits.length() > 3 || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < bits.length(); i++) {
      if (!Character.isDigit(bits.charAt(i))) {
        return -1;
      }
    }
    int p = Integer.parseInt(bits);
    return p <= ip.length * 8 ? p : -1;
  }

  /**
   * Whether an address lies inside a CIDR.
   *
   * @param cidr the CIDR
   * @param address the address
   * @return true when both parse, have the same family and the address is inside
   */
  public static boolean contains(String cidr, String address) {
    int prefix = cidrPrefix(cidr);
    byte[] ip = parse(address);
    if (prefix < 0 || ip == null) {
      return false;
    }
    byte[] net = parse(cidr.substring(0, cidr.indexOf('/')));
    if (net == null || net.length != ip.length) {
      return false;
    }
    int bits = net.length * 8;
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    return new BigInteger(1, net).and(mask).equals(new BigInteger(1, ip).and(mask));
  }
}
