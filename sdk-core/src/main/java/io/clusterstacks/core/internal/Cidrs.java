package io.clusterstacks.core.internal;

import java.math.BigInteger;
import java.util.Optional;

/** CIDR and IP parsing without DNS lookups (InetAddress.getByName would resolve names). */
public final class Cidrs {
  private Cidrs() {}

  /**
   * A parsed network: first and last address as numbers in one address family.
   *
   * @param ipv6 whether the family is IPv6
   * @param first the network's first address
   * @param last the network's last address
   */
  public record Range(boolean ipv6, BigInteger first, BigInteger last) {
    /**
     * Whether the two ranges share an address.
     *
     * @param other the other range
     * @return true when they overlap
     */
    public boolean overlaps(Range other) {
      return ipv6 == other.ipv6 && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    /**
     * Whether an address lies inside.
     *
     * @param ipv6Address whether the address is IPv6
     * @param address the address
     * @return true when inside
     */
    public boolean contains(boolean ipv6Address, BigInteger address) {
      return ipv6 == ipv6Address && first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
    }
  }

  /**
   * Parses {@code a.b.c.d/n} or an IPv6 {@code x::y/n}.
   *
   * @param cidr the text
   * @return the range, or empty when malformed
   */
  public static Optional<Range> parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String addr = cidr.substring(0, slash);
    String bitsText = cidr.substring(slash + 1);
    if (bitsText.isEmpty() || bitsText.length() > 3 || !bitsText.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int bits = Integer.parseInt(bitsText);
    boolean v6 = addr.contains(":");
    Optional<BigInteger> ip = v6 ? parseIpv6(addr) : parseIpv4(addr);
    int width = v6 ? 128 : 32;
    if (ip.isEmpty() || bits > width) {
      return Optional.empty();
    }
    BigInteger size = BigInteger.ONE.shiftLeft(width - bits);
    BigInteger first = ip.get().divide(size).multiply(size);
    return Optional.of(new Range(v6, first, first.add(size).subtract(BigInteger.ONE)));
  }

  /**
   * Parses a dotted IPv4 address.
   *
   * @param text the address
   * @return the address as a number, or empty when malformed
   */
  public static Optional<BigInteger> parseIpv4(String text) {
    String[] p = text.split("\\.", -1);
    if (p.length != 4) {
      return Optional.empty();
    }
    long v = 0;
    for (String s : p) {
      if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int o = Integer.parseInt(s);
      if (o > 255) {
        return Optional.empty();
      }
      v = (v << 8) | o;
    }
    return Optional.of(BigInteger.valueOf(v));
  }

  /**
   * Parses an IPv6 address (with {@code ::} compression, without zone).
   *
   * @param text the address
   * @return the address as a number, or empty when malformed
   */
  public static Optional<BigInteger> parseIpv6(String text) {
    if (text.isEmpty() || text.indexOf("::") != text.lastIndexOf("::")) {
      return Optional.empty();
    }
    String[] halves = text.split("::", -1);
    String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
    String[] tail = halves.length == 2 && !halves[1].isEmpty() ? halves[1].split(":", -1) : new String[0];
    int groups = head.length + tail.length;
    if ((halves.length == 1 && groups != 8) || groups > 8 || (halves.length == 2 && groups > 7)) {
      return Optional.empty();
    }
    BigInteger v = BigInteger.ZERO;
    int zeros = 8 - groups;
    for (String g : head) {
      Optional<Integer> x = group(g);
      if (x.isEmpty()) {
        return Optional.empty();
      }
      v = v.shiftLeft(16).or(BigInteger.valueOf(x.get()));
    }
    v = v.shiftLeft(16 * zeros);
    for (String g : tail) {
      Optional<Integer> x = group(g);
      if (x.isEmpty()) {
        return Optional.empty();
      }
      v = v.shiftLeft(16).or(BigInteger.valueOf(x.get()));
    }
    return Optional.of(v);
  }

  private static Optional<Integer> group(String g) {
    if (g.isEmpty() || g.length() > 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(g, 16));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
