package io.clusterstacks.core.flavor;

import org.jspecify.annotations.Nullable;

/**
 * The hand-written single-pass parser behind {@link ScsFlavorName#parse(String)}.
 *
 * <p>Each component is matched exactly as the reference parser's regular expression for it would
 * match (greedy, with the same optional parts and the same look-ahead), then checked against the
 * same tables, in the same order, so that validity agrees with the reference. The syntax (v1 or
 * v2/v3) is decided by the separator after the CPU part: the two are mutually exclusive there.
 */
final class FlavorNameParser {
  static final String PREFIX = "SCS-";
  static final int MAX_NUMBER = Integer.MAX_VALUE;
  static final int MAX_DISK_COUNT = 1000;

  private FlavorNameParser() {}

  static ScsFlavorName parse(String s) {
    final int n = s.length();
    int p = PREFIX.length();
    // ---- main part: ([0-9]*)([LVTC])(i|)SEP([0-9.]*)(u|)(o|)
    final int cpuStart = p;
    while (p < n && isDigit(s.charAt(p))) {
      p++;
    }
    final int cpuEnd = p;
    if (p >= n) {
      throw err(s, p, cpuEnd == cpuStart
          ? "expected the number of vCPUs and the CPU type letter (L, V, T or C), e.g. SCS-2V-4"
          : "expected the CPU type letter L, V, T or C after the number of vCPUs, e.g. SCS-2V-4");
    }
    final CpuType cpuType = CpuType.ofLetter(s.charAt(p));
    if (cpuType == null) {
      throw err(s, p, cpuTypeHint(s, p));
    }
    p++;
    boolean insecure = false;
    if (p < n && s.charAt(p) == 'i') {
      insecure = true;
      p++;
    }
    if (p >= n) {
      throw err(s, p, "expected '-' and the RAM in GiB after the CPU type, e.g. SCS-2V-4");
    }
    final char sep = s.charAt(p);
    final boolean v1;
    if (sep == '-') {
      v1 = false;
    } else if (sep == ':') {
      v1 = true;
    } else {
      throw err(s, p, "expected '-' and the RAM in GiB after the CPU type letter"
          + (insecure ? " and 'i'" : " (only the insecure flag 'i' may follow it)") + ", e.g. SCS-2V-4");
    }
    p++;
    final int ramStart = p;
    while (p < n && (isDigit(s.charAt(p)) || s.charAt(p) == '.')) {
      p++;
    }
    final int ramEnd = p;
    boolean noEcc = false;
    if (p < n && s.charAt(p) == 'u') {
      noEcc = true;
      p++;
    }
    boolean oversubscribed = false;
    if (p < n && s.charAt(p) == 'o') {
      oversubscribed = true;
      p++;
    }
    // value checks in the reference order: vCPUs, then RAM
    if (cpuEnd == cpuStart) {
      throw err(s, cpuStart, "expected the number of vCPUs (a positive integer) before the CPU type letter,"
          + " e.g. SCS-2V-4");
    }
    long cpus = digits(s, cpuStart, cpuEnd);
    if (cpus == 0) {
      throw err(s, cpuStart, "the number of vCPUs must be a positive integer, got 0");
    }
    if (cpus > MAX_NUMBER) {
      throw err(s, cpuStart, "the number of vCPUs is too large (at most " + MAX_NUMBER + ")");
    }
    long ramHalves = ramHalves(s, ramStart, ramEnd);

    final char sep1 = v1 ? ':' : '-';
    final char sep2 = v1 ? '-' : '_';
    int stage = 0;
    // ---- disk: SEP(?:([0-9]*)x|)([0-9]*)([nhsp]|)
    FlavorDisk disk = null;
    if (p < n && s.charAt(p) == sep1) {
      p++;
      int q = p;
      while (q < n && isDigit(s.charAt(q))) {
        q++;
      }
      int count = 1;
      if (q < n && s.charAt(q) == 'x') {
        if (q > p) {
          long c = digits(s, p, q);
          if (c == 0) {
            throw err(s, p, "the number of disks must be a positive integer, got 0");
          }
          if (c > MAX_DISK_COUNT) {
            throw err(s, p, "the number of disks is too large (at most " + MAX_DISK_COUNT + ")");
          }
          count = (int) c;
        }
        p = q + 1;
        q = p;
        while (q < n && isDigit(s.charAt(q))) {
          q++;
        }
      }
      int size = 0;
      if (q > p) {
        long v = digits(s, p, q);
        if (v == 0) {
          throw err(s, p, "the disk size must be a positive number of GB, got 0"
              + " (leave the size out to let the cloud decide, e.g. SCS-2V-4-n)");
        }
        if (v > MAX_NUMBER) {
          throw err(s, p, "the disk size is too large (at most " + MAX_NUMBER + " GB)");
        }
        size = (int) v;
      }
      p = q;
      DiskType type = p < n ? DiskType.ofLetter(s.charAt(p)) : null;
      if (type != null) {
        p++;
      }
      disk = new FlavorDisk(count, size, type);
      stage = 1;
    }
    // ---- hypervisor: SEP2(kvm|xen|vmw|hyv|bms|chy)   (v1: no chy)
    Hypervisor hypervisor = null;
    if (p + 3 < n && s.charAt(p) == sep2) {
      hypervisor = hypervisorAt(s, p + 1, v1);
      if (hypervisor != null) {
        p += 4;
        stage = 2;
      }
    }
    // ---- hwvirt: SEP2(hwv)
    boolean hwv = false;
    if (p + 3 < n && s.charAt(p) == sep2 && s.charAt(p + 1) == 'h' && s.charAt(p + 2) == 'w'
        && s.charAt(p + 3) == 'v') {
      hwv = true;
      p += 4;
      stage = 3;
    }
    // ---- cpubrand: SEP2([izar])([0-9]*)(h*)(?=$|SEP2)
    CpuBrand brand = null;
    if (p + 1 < n && s.charAt(p) == sep2) {
      CpuVendor vendor = CpuVendor.ofLetter(s.charAt(p + 1));
      if (vendor != null) {
        int q = p + 2;
        final int genStart = q;
        while (q < n && isDigit(s.charAt(q))) {
          q++;
        }
        final int genEnd = q;
        while (q < n && s.charAt(q) == 'h') {
          q++;
        }
        if (q == n || s.charAt(q) == sep2) {
          int gen = -1;
          if (genEnd > genStart) {
            long g = digits(s, genStart, genEnd);
            if (g > vendor.maxGeneration()) {
              throw err(s, genStart, "the CPU generation for " + vendor.description() + " ('" + vendor.letter()
                  + "') must be 0 to " + vendor.maxGeneration() + ", got " + s.substring(genStart, genEnd));
            }
            gen = (int) g;
          }
          int h = q - genEnd;
          if (h > 3) {
            throw err(s, genEnd, "the CPU frequency modifier must be h, hh or hhh, got " + h + " times h");
          }
          brand = new CpuBrand(vendor, gen, PerformanceLevel.values()[h]);
          p = q;
          stage = 4;
        }
      }
    }
    // ---- gpu: SEP2([gG])([NAI])([^GSEPh]*)(?:GSEP([0-9]+)|)(h*)(?:GSEP([0-9]+)|)(h*)
    Gpu gpu = null;
    if (p + 2 < n && s.charAt(p) == sep2) {
      GpuType gt = s.charAt(p + 1) == 'G' ? GpuType.PASS_THROUGH
          : s.charAt(p + 1) == 'g' ? GpuType.VIRTUAL : null;
      GpuVendor gv = gt == null ? null : GpuVendor.ofLetter(s.charAt(p + 2));
      if (gv != null) {
        final char gsep = v1 ? ':' : '-';
        int q = p + 3;
        final int genStart = q;
        while (q < n && s.charAt(q) != gsep && s.charAt(q) != 'h') {
          q++;
        }
        final int genEnd = q;
        int cuStart = q;
        int cuEnd = q;
        if (q + 1 < n && s.charAt(q) == gsep && isDigit(s.charAt(q + 1))) {
          cuStart = ++q;
          while (q < n && isDigit(s.charAt(q))) {
            q++;
          }
          cuEnd = q;
        }
        final int perfStart = q;
        while (q < n && s.charAt(q) == 'h') {
          q++;
        }
        final int perfEnd = q;
        int vramStart = q;
        int vramEnd = q;
        if (q + 1 < n && s.charAt(q) == gsep && isDigit(s.charAt(q + 1))) {
          vramStart = ++q;
          while (q < n && isDigit(s.charAt(q))) {
            q++;
          }
          vramEnd = q;
        }
        final int vpStart = q;
        while (q < n && s.charAt(q) == 'h') {
          q++;
        }
        String gen = genEnd == genStart ? "" : s.substring(genStart, genEnd);
        if (!gen.isEmpty() && !gv.isKnownGeneration(gen)) {
          throw err(s, genStart, gpuGenerationHint(gv, gen, sep2, gsep));
        }
        int cu = 0;
        if (cuEnd > cuStart) {
          long v = digits(s, cuStart, cuEnd);
          if (v == 0) {
            throw err(s, cuStart, "the number of GPU compute units (" + gv.computeUnitName()
                + ") must be a positive integer, got 0");
          }
          if (v > MAX_NUMBER) {
            throw err(s, cuStart, "the number of GPU compute units is too large (at most " + MAX_NUMBER + ")");
          }
          cu = (int) v;
        }
        if (perfEnd - perfStart > 2) {
          throw err(s, perfStart, "the GPU frequency modifier must be h or hh, got " + (perfEnd - perfStart)
              + " times h");
        }
        int vram = 0;
        if (vramEnd > vramStart) {
          long v = digits(s, vramStart, vramEnd);
          if (v == 0) {
            throw err(s, vramStart, "the GPU VRAM must be a positive number of GiB, got 0");
          }
          if (v > MAX_NUMBER) {
            throw err(s, vramStart, "the GPU VRAM is too large (at most " + MAX_NUMBER + " GiB)");
          }
          vram = (int) v;
        }
        if (q - vpStart > 2) {
          throw err(s, vpStart, "the GPU VRAM bandwidth modifier must be h or hh, got " + (q - vpStart)
              + " times h");
        }
        gpu = new Gpu(gt, gv, gen, cu, PerformanceLevel.values()[perfEnd - perfStart], vram,
            PerformanceLevel.values()[q - vpStart]);
        p = q;
        stage = 5;
      }
    }
    // ---- ib: SEP2(ib)
    boolean ib = false;
    if (p + 2 < n && s.charAt(p) == sep2 && s.charAt(p + 1) == 'i' && s.charAt(p + 2) == 'b') {
      ib = true;
      p += 3;
      stage = 6;
    }
    if (p != n) {
      throw err(s, p, trailingHint(s, p, stage, v1));
    }
    return new ScsFlavorName((int) cpus, cpuType, insecure, ramHalves, noEcc, oversubscribed, disk,
        hypervisor, hwv, brand, gpu, ib, v1 ? FlavorNameSyntax.V1 : FlavorNameSyntax.V2);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The value of the ASCII digits in [start, end); MAX_NUMBER + 1 when larger than MAX_NUMBER. */
  static long digits(String s, int start, int end) {
    int i = start;
    while (i < end && s.charAt(i) == '0') {
      i++;
    }
    if (end - i > 10) {
      return (long) MAX_NUMBER + 1;
    }
    long v = 0;
    for (; i < end; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return Math.min(v, (long) MAX_NUMBER + 1);
  }

  /** Parses the RAM token (what the reference's {@code float()} accepts), exactly, in half GiB. */
  private static long ramHalves(String s, int start, int end) {
    if (start == end) {
      throw err(s, start, "expected the RAM in GiB after '-', e.g. SCS-2V-4 or SCS-1V-0.5");
    }
    int dot = -1;
    for (int i = start; i < end; i++) {
      if (s.charAt(i) == '.') {
        if (dot >= 0) {
          throw err(s, i, "the RAM in GiB may contain only one decimal point, e.g. 3.5");
        }
        dot = i;
      }
    }
    final int intEnd = dot < 0 ? end : dot;
    if (intEnd == start && (dot < 0 || dot + 1 == end)) {
      throw err(s, start, "expected the RAM in GiB as a number, e.g. 4 or 3.5; got '.'");
    }
    long whole = digits(s, start, intEnd);
    if (whole > MAX_NUMBER) {
      throw err(s, start, "the RAM is too large (at most " + MAX_NUMBER + " GiB)");
    }
    int half = 0;
    if (dot >= 0) {
      for (int i = dot + 1; i < end; i++) {
        char c = s.charAt(i);
        boolean ok = c == '0' || (i == dot + 1 && c == '5');
        if (!ok) {
          throw err(s, start, "the RAM must be a positive multiple of 0.5 GiB, got "
              + s.substring(start, end));
        }
        if (c == '5') {
          half = 1;
        }
      }
    }
    long halves = whole * 2 + half;
    if (halves == 0) {
      throw err(s, start, "the RAM must be a positive multiple of 0.5 GiB, got " + s.substring(start, end));
    }
    return halves;
  }

  private static @Nullable Hypervisor hypervisorAt(String s, int i, boolean v1) {
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    char c = s.charAt(i + 2);
    switch (a) {
      case 'k':
        return b == 'v' && c == 'm' ? Hypervisor.KVM : null;
      case 'x':
        return b == 'e' && c == 'n' ? Hypervisor.XEN : null;
      case 'v':
        return b == 'm' && c == 'w' ? Hypervisor.VMW : null;
      case 'h':
        return b == 'y' && c == 'v' ? Hypervisor.HYV : null;
      case 'b':
        return b == 'm' && c == 's' ? Hypervisor.BMS : null;
      case 'c':
        return !v1 && b == 'h' && c == 'y' ? Hypervisor.CHY : null;
      default:
        return null;
    }
  }

  private static InvalidFlavorNameException err(String s, int position, String expected) {
    return new InvalidFlavorNameException(s, position, expected);
  }

  private static String cpuTypeHint(String s, int p) {
    char c = s.charAt(p);
    if (c == 'i' && p + 1 < s.length() && CpuType.ofLetter(s.charAt(p + 1)) != null) {
      return "the insecure flag 'i' goes after the CPU type letter (e.g. 2Ti, not 2iT)";
    }
    if (c == '-' || c == ':') {
      return "expected the CPU type letter L, V, T or C after the number of vCPUs, e.g. SCS-2V-4";
    }
    return "expected the CPU type letter L (crowded-core), V (shared-core), T (dedicated-thread) or"
        + " C (dedicated-core), got '" + c + "'";
  }

  private static String gpuGenerationHint(GpuVendor gv, String gen, char sep2, char gsep) {
    String shown = gen.length() > 20 ? gen.substring(0, 20) + "..." : gen;
    String hint = "the GPU generation for " + gv.description() + " ('" + gv.letter() + "') must be one of "
        + String.join(", ", gv.generations()) + ", got '" + shown + "'";
    if (gen.indexOf(sep2) >= 0) {
      hint += "; a GPU part without compute units cannot be followed by another extension, because"
          + " everything up to the next '" + gsep + "' or 'h' is read as the generation (write e.g. _GNa"
          + gsep + "64" + sep2 + "ib)";
    }
    return hint;
  }

  private static final String[] V2_PARTS = {
    "'-' and the disk part (e.g. -20s)",
    "a hypervisor (_kvm, _xen, _vmw, _hyv, _bms, _chy)",
    "_hwv",
    "a CPU vendor (_i, _z, _a or _r, with optional generation and h)",
    "a GPU (_G or _g, then N, A or I)",
    "_ib",
  };
  private static final String[] V1_PARTS = {
    "':' and the disk part (e.g. :20s)",
    "a hypervisor (-kvm, -xen, -vmw, -hyv, -bms)",
    "-hwv",
    "a CPU vendor (-i, -z, -a or -r, with optional generation and h)",
    "a GPU (-G or -g, then N, A or I)",
    "-ib",
  };

  private static String trailingHint(String s, int p, int stage, boolean v1) {
    final int n = s.length();
    final char c = s.charAt(p);
    final char sep1 = v1 ? ':' : '-';
    final char sep2 = v1 ? '-' : '_';
    if (stage == 0 && (c == 'u' || c == 'o')) {
      return "memory flags must be ordered 'uo' ('u' = no ECC before 'o' = oversubscribed), each at most once";
    }
    if (!v1 && c == ':') {
      return "':' belongs to the deprecated v1 syntax; in the current syntax parts are separated by '-'"
          + " and extensions start with '_' (e.g. SCS-2C-4-10n_bms_z3)";
    }
    if (v1 && c == '_') {
      return "'_' belongs to the current syntax, but this name started in the deprecated v1 syntax (':');"
          + " write it all in the current syntax, e.g. SCS-2C-4-10n_bms_z3";
    }
    if (stage == 1 && c == '.' && p > 0 && isDigit(s.charAt(p - 1))) {
      return "the disk size must be a whole number of GB";
    }
    if (stage == 0 && c == '.') {
      return "the RAM in GiB may contain only one decimal point";
    }
    if (c == sep1 && stage >= 1 && stage <= 4) {
      return "only one disk part is allowed, right after the RAM; extensions start with '" + sep2 + "'";
    }
    if (c == sep2 && p + 1 < n) {
      String word = s.substring(p + 1, Math.min(n, p + 4));
      if (word.length() == 3 && hypervisorAt(word, 0, v1) != null && stage >= 2) {
        return "the hypervisor comes first among the extensions, before " + sep2 + "hwv, CPU vendor, GPU and "
            + sep2 + "ib (order: hypervisor, hwv, CPU vendor, GPU, ib)";
      }
      if (v1 && word.equals("chy")) {
        return "the Cloud Hypervisor (chy) exists only in the current syntax: SCS-...-..._chy";
      }
      if (word.equals("hwv") && stage >= 3) {
        return sep2 + "hwv comes right after the hypervisor and before CPU vendor, GPU and " + sep2 + "ib";
      }
      char d = s.charAt(p + 1);
      if (isDigit(d)) {
        return "a CPU generation needs a vendor letter before it (i Intel, z AMD, a ARM, r RISC-V), e.g. "
            + sep2 + "z3";
      }
      if (CpuVendor.ofLetter(d) != null && !(d == 'i' && p + 2 < n && s.charAt(p + 2) == 'b')) {
        if (stage >= 4) {
          return "the CPU vendor comes after hypervisor and hwv and before GPU and " + sep2 + "ib, at most once";
        }
        return "a CPU vendor letter may only be followed by a generation number and h, hh or hhh, then '"
            + sep2 + "' or the end (e.g. " + sep2 + "z3h)";
      }
      if (d == 'G' || d == 'g') {
        if (stage >= 5) {
          return "at most one GPU part, before " + sep2 + "ib";
        }
        return "the GPU type letter (G or g) must be followed by the vendor N (nVidia), A (AMD) or I (Intel)";
      }
      if (d == 'i' && p + 2 < n && s.charAt(p + 2) == 'b' && stage >= 6) {
        return sep2 + "ib may appear only once, at the end";
      }
    }
    if (stage == 5 && c == (v1 ? ':' : '-')) {
      return "a GPU part has at most compute units and VRAM (e.g. " + sep2 + "GNa" + sep1 + "14" + sep1 + "6h)";
    }
    StringBuilder sb = new StringBuilder("expected the end of the name");
    String[] parts = v1 ? V1_PARTS : V2_PARTS;
    if (stage < parts.length) {
      sb.append(" or, in this order: ");
      for (int i = stage; i < parts.length; i++) {
        if (i > stage) {
          sb.append(", ");
        }
        sb.append(parts[i]);
      }
    }
    return sb.toString();
  }
}
