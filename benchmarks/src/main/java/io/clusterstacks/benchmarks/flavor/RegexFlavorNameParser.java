package io.clusterstacks.benchmarks.flavor;

import io.clusterstacks.core.flavor.CpuType;
import io.clusterstacks.core.flavor.CpuVendor;
import io.clusterstacks.core.flavor.DiskType;
import io.clusterstacks.core.flavor.FlavorNameSyntax;
import io.clusterstacks.core.flavor.GpuType;
import io.clusterstacks.core.flavor.GpuVendor;
import io.clusterstacks.core.flavor.Hypervisor;
import io.clusterstacks.core.flavor.InvalidFlavorNameException;
import io.clusterstacks.core.flavor.NotAnScsFlavorNameException;
import io.clusterstacks.core.flavor.PerformanceLevel;
import io.clusterstacks.core.flavor.ScsFlavorName;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's peer: a straightforward port of SCS's reference parser to {@code java.util.regex}.
 *
 * <p>It uses the reference's component regular expressions verbatim ({@code SyntaxV2}, then
 * {@code SyntaxV1} as the tolerated fallback), extracts the groups, converts them with the JDK's
 * number parsers, and hands them to {@link ScsFlavorName.Builder}, which runs the same table checks
 * as the hand-written parser and produces the same result object.
 */
public final class RegexFlavorNameParser {

  private record Syntax(
      FlavorNameSyntax version,
      Pattern cpuram,
      Pattern disk,
      Pattern hype,
      Pattern hwvirt,
      Pattern cpubrand,
      Pattern gpu,
      Pattern ib) {}

  private static final Syntax V2 = new Syntax(
      FlavorNameSyntax.V2,
      Pattern.compile("([0-9]*)([LVTC])(i|)\\-([0-9\\.]*)(u|)(o|)"),
      Pattern.compile("\\-(?:([0-9]*)x|)([0-9]*)([nhsp]|)"),
      Pattern.compile("_(kvm|xen|vmw|hyv|bms|chy)"),
      Pattern.compile("_(hwv)"),
      Pattern.compile("_([izar])([0-9]*)(h*)(?=$|_)"),
      Pattern.compile("_([gG])([NAI])([^\\-h]*)(?:\\-([0-9]+)|)(h*)(?:\\-([0-9]+)|)(h*)"),
      Pattern.compile("_(ib)"));

  private static final Syntax V1 = new Syntax(
      FlavorNameSyntax.V1,
      Pattern.compile("([0-9]*)([LVTC])(i|):([0-9\\.]*)(u|)(o|)"),
      Pattern.compile(":(?:([0-9]*)x|)([0-9]*)([nhsp]|)"),
      Pattern.compile("\\-(kvm|xen|vmw|hyv|bms)"),
      Pattern.compile("\\-(hwv)"),
      Pattern.compile("\\-([izar])([0-9]*)(h*)(?=$|\\-)"),
      Pattern.compile("\\-([gG])([NAI])([^:h]*)(?::([0-9]+)|)(h*)(?::([0-9]+)|)(h*)"),
      Pattern.compile("\\-(ib)"));

  private RegexFlavorNameParser() {}

  /**
   * Parses like the reference's certification strategy: current syntax, then v1 as tolerated.
   *
   * @param name the flavor name
   * @return the decoded name
   */
  public static ScsFlavorName parse(String name) {
    if (!name.startsWith("SCS-")) {
      throw new NotAnScsFlavorNameException(name);
    }
    try {
      return parse(name, V2);
    } catch (RuntimeException first) {
      try {
        return parse(name, V1);
      } catch (RuntimeException ignored) {
        throw first;
      }
    }
  }

  private static ScsFlavorName parse(String s, Syntax syntax) {
    ScsFlavorName.Builder b = ScsFlavorName.builder().syntax(syntax.version());
    int pos = 4;
    Matcher m = syntax.cpuram().matcher(s);
    m.region(pos, s.length());
    if (!m.lookingAt()) {
      throw new InvalidFlavorNameException(s, pos, "Failed to parse main part");
    }
    b.vcpus(m.group(1).isEmpty() ? 0 : toInt(m.group(1)))
        .cpuType(CpuType.fromLetter(m.group(2).charAt(0)).orElseThrow())
        .insecure(!m.group(3).isEmpty())
        .ramGiB(toDecimal(s, m.start(4), m.group(4)))
        .noEcc(!m.group(5).isEmpty())
        .ramOversubscribed(!m.group(6).isEmpty());
    pos = m.end();

    m = syntax.disk().matcher(s);
    m.region(pos, s.length());
    if (m.lookingAt()) {
      String count = m.group(1);
      b.disk(count == null || count.isEmpty() ? 1 : toInt(count),
          m.group(2).isEmpty() ? OptionalInt.empty() : OptionalInt.of(toInt(m.group(2))),
          m.group(3).isEmpty() ? Optional.empty() : DiskType.fromLetter(m.group(3).charAt(0)));
      pos = m.end();
    }
    m = syntax.hype().matcher(s);
    m.region(pos, s.length());
    if (m.lookingAt()) {
      b.hypervisor(Hypervisor.fromCode(m.group(1)));
      pos = m.end();
    }
    m = syntax.hwvirt().matcher(s);
    m.region(pos, s.length());
    if (m.lookingAt()) {
      b.hardwareVirtualization(true);
      pos = m.end();
    }
    m = syntax.cpubrand().matcher(s);
    m.region(pos, s.length());
    if (m.lookingAt()) {
      b.cpuBrand(CpuVendor.fromLetter(m.group(1).charAt(0)).orElseThrow(),
          m.group(2).isEmpty() ? OptionalInt.empty() : OptionalInt.of(toInt(m.group(2))),
          level(s, m.start(3), m.group(3), 3));
      pos = m.end();
    }
    m = syntax.gpu().matcher(s);
    m.region(pos, s.length());
    if (m.lookingAt()) {
      String cu = m.group(4);
      String vram = m.group(6);
      b.gpu(m.group(1).equals("G") ? GpuType.PASS_THROUGH : GpuType.VIRTUAL,
          GpuVendor.fromLetter(m.group(2).charAt(0)).orElseThrow(),
          m.group(3).isEmpty() ? Optional.empty() : Optional.of(m.group(3)),
          cu == null ? OptionalInt.empty() : OptionalInt.of(toInt(cu)),
          level(s, m.start(5), m.group(5), 2),
          vram == null ? OptionalInt.empty() : OptionalInt.of(toInt(vram)),
          level(s, m.start(7), m.group(7), 2));
      pos = m.end();
    }
    m = syntax.ib().matcher(s);
    m.region(pos, s.length());
    if (m.lookingAt()) {
      b.infiniband(true);
      pos = m.end();
    }
    if (pos != s.length()) {
      throw new InvalidFlavorNameException(s, pos, "Extra characters: " + s.substring(pos));
    }
    return b.build();
  }

  /** Digits to int; values beyond int become -1, which the builder rejects as not positive. */
  private static int toInt(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static BigDecimal toDecimal(String s, int at, String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidFlavorNameException(s, at, "could not convert string to float: '" + text + "'");
    }
  }

  private static PerformanceLevel level(String s, int at, String hs, int max) {
    if (hs.length() > max) {
      throw new InvalidFlavorNameException(s, at, "performance can not be set to '" + hs + "'");
    }
    return PerformanceLevel.ofCount(hs.length());
  }
}
