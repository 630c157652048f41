package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.flavor.CpuType;
import io.clusterstacks.core.flavor.DiskType;
import io.clusterstacks.core.plan.RoleRequirements;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a flavor must meet for a role, judged on its real values. {@link #failures} is the one
 * place that decides; {@link FlavorTable} calls it with its arrays ({@link Values}), {@link #violations}
 * with one flavor's facts and then words each failed rule.
 */
enum Requirement {
  VCPUS {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return f.flavor.vcpus() + " vCPU, needs at least " + ctx.requirements().minVcpus();
    }
  },
  RAM {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return f.flavor.ramMiB() + " MiB RAM, needs at least " + ctx.requirements().minRamMiB();
    }
  },
  DISK {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return "a " + f.flavor.diskGB() + " GB root disk, needs at least " + ctx.requirements().minDiskGB()
          + " (a flavor with a disk boots from it; diskless flavors get a root volume)";
    }
  },
  ARCHITECTURE {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return "architecture " + f.flavor.architecture() + ", needs " + ctx.requirements().architecture();
    }
  },
  CPU_TYPE {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return Wording.cpuWords(f.cpuType) + ", not among the allowed CPU types";
    }
  },
  RAM_OVERSUBSCRIPTION {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return "oversubscribed RAM (o)";
    }
  },
  DISK_TYPE {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return "disk type " + (f.diskTypeForMinimum < 0 ? "not stated" : DiskType.values()[f.diskTypeForMinimum].extraSpecValue())
          + ", needs at least " + ctx.requirements().minDiskType().orElseThrow().extraSpecValue();
    }
  },
  ETCD_STORAGE {
    @Override
    String violation(FlavorFacts f, RoleContext ctx) {
      return f.storage.description() + ", and etcd must be on local SSD/NVMe (network storage is not allowed)";
    }
  };

  private static final Requirement[] ALL = values();

  /**
   * The rules a pinned flavor must still meet: the explicit refusals. A pin replaces the planner's choice,
   * so the minimums it chooses by (vCPUs, RAM, disk, CPU and disk type, RAM oversubscription, architecture)
   * become warnings; an explicit "no" is never overridden: {@code allowNetworkStorage(false)} refuses etcd
   * on a flavor without a local SSD/NVMe disk, pinned or not.
   */
  static final int NOT_OVERRIDDEN_BY_A_PIN = 1 << 7; // ETCD_STORAGE, checked below

  static {
    if (NOT_OVERRIDDEN_BY_A_PIN != 1 << ETCD_STORAGE.ordinal()) {
      throw new IllegalStateException("NOT_OVERRIDDEN_BY_A_PIN must name ETCD_STORAGE");
    }
  }

  /**
   * Words the failed rule for one flavor.
   *
   * @param f the flavor
   * @param ctx the role
   * @return one clause
   */
  abstract String violation(FlavorFacts f, RoleContext ctx);

  /** A role's requirements in the form {@link #failures} checks them. */
  static final class Filter {
    final int minVcpus;
    final int minRamMiB;
    final int minDiskGB;
    final String architecture;
    final int cpuTypes;
    final boolean allowRamOversubscription;
    final boolean needsEtcdGrade;
    final int minDiskType;

    Filter(RoleContext ctx) {
      RoleRequirements r = ctx.requirements();
      minVcpus = r.minVcpus();
      minRamMiB = r.minRamMiB();
      minDiskGB = r.minDiskGB();
      architecture = r.architecture();
      int mask = 0;
      for (CpuType t : r.cpuTypes()) {
        mask |= 1 << t.ordinal();
      }
      cpuTypes = mask;
      allowRamOversubscription = r.allowRamOversubscription();
      needsEtcdGrade = ctx.controlPlane() && !ctx.allowNetworkStorage();
      minDiskType = r.minDiskType().map(DiskType::ordinal).orElse(-1);
    }
  }

  /**
   * A flavor's values the rules read: row {@code i} of a {@link FlavorTable}, or one flavor's facts
   * ({@link #of(FlavorFacts)}, which ignores the index).
   */
  interface Values {
    int vcpus(int i);

    int ramMiB(int i);

    /** 0 when diskless. */
    int diskGB(int i);

    String architecture(int i);

    /** {@link CpuType#ordinal()}, -1 when unknown (accepted). */
    int cpuType(int i);

    /** The {@link DiskType#ordinal()} a minimum disk type is checked against, -1 when not stated. */
    int diskTypeForMinimum(int i);

    boolean ramOversubscribed(int i);

    /** Whether the root disk is local SSD/NVMe. */
    boolean etcdGrade(int i);
  }

  /**
   * One flavor's values.
   *
   * @param f the flavor
   * @return its values, at any index
   */
  static Values of(FlavorFacts f) {
    return new Values() {
      @Override
      public int vcpus(int i) {
        return f.flavor.vcpus();
      }

      @Override
      public int ramMiB(int i) {
        return f.flavor.ramMiB();
      }

      @Override
      public int diskGB(int i) {
        return f.flavor.diskGB();
      }

      @Override
      public String architecture(int i) {
        return f.flavor.architecture();
      }

      @Override
      public int cpuType(int i) {
        return f.cpuType == null ? -1 : f.cpuType.ordinal();
      }

      @Override
      public int diskTypeForMinimum(int i) {
        return f.diskTypeForMinimum;
      }

      @Override
      public boolean ramOversubscribed(int i) {
        return f.ramOversubscribed;
      }

      @Override
      public boolean etcdGrade(int i) {
        return f.storage.isEtcdGrade();
      }
    };
  }

  /**
   * The rules a flavor fails: the one definition of every requirement. Each rule reads only the values it
   * checks, when it checks them: with {@code firstOnly} most flavors of a large profile are refused on
   * their vCPUs or RAM, and the search's scan then reads two of the table's arrays, not all seven.
   *
   * @param r the role's requirements
   * @param v the flavors' values
   * @param i the flavor's index in {@code v}
   * @param firstOnly stop at the first failed rule: the search only asks whether a flavor fits, and checking
   *     every rule of every flavor made its scan over a large profile about 1.5 times slower
   * @return a bit per failed rule ({@code 1 << ordinal()}; only the first one with {@code firstOnly}), 0 when
   *     the flavor fits
   */
  static int failures(Filter r, Values v, int i, boolean firstOnly) {
    int m = 0;
    if (v.vcpus(i) < r.minVcpus) {
      m |= 1 << VCPUS.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    if (v.ramMiB(i) < r.minRamMiB) {
      m |= 1 << RAM.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    int diskGB = v.diskGB(i);
    if (diskGB > 0 && diskGB < r.minDiskGB) {
      m |= 1 << DISK.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    if (!v.architecture(i).equals(r.architecture)) {
      m |= 1 << ARCHITECTURE.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    int cpuType = v.cpuType(i);
    if (cpuType >= 0 && (r.cpuTypes & (1 << cpuType)) == 0) {
      m |= 1 << CPU_TYPE.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    if (!r.allowRamOversubscription && v.ramOversubscribed(i)) {
      m |= 1 << RAM_OVERSUBSCRIPTION.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    if (r.minDiskType >= 0 && v.diskTypeForMinimum(i) < r.minDiskType) {
      m |= 1 << DISK_TYPE.ordinal();
      if (firstOnly) {
        return m;
      }
    }
    if (r.needsEtcdGrade && !v.etcdGrade(i)) {
      m |= 1 << ETCD_STORAGE.ordinal();
    }
    return m;
  }

  /**
   * The rules one flavor fails.
   *
   * @param r the role's requirements
   * @param f the flavor
   * @return the bit mask of {@link #failures}
   */
  static int failures(Filter r, FlavorFacts f) {
    return failures(r, of(f), 0, false);
  }

  /**
   * The failed rules of one flavor, worded.
   *
   * @param ctx the role
   * @param f the flavor
   * @return one clause per failed rule, empty when the flavor fits
   */
  static List<String> violations(RoleContext ctx, FlavorFacts f) {
    return violations(ctx, f, -1);
  }

  /**
   * The failed rules of one flavor among some rules, worded.
   *
   * @param ctx the role
   * @param f the flavor
   * @param rules the bit mask of the rules to check
   * @return one clause per failed rule, empty when the flavor meets them
   */
  static List<String> violations(RoleContext ctx, FlavorFacts f, int rules) {
    return violations(ctx, new Filter(ctx), f, rules);
  }

  /**
   * The failed rules of one flavor among some rules, worded, with the role's filter already built.
   *
   * @param ctx the role
   * @param filter {@code new Filter(ctx)}
   * @param f the flavor
   * @param rules the bit mask of the rules to check
   * @return one clause per failed rule, empty when the flavor meets them
   */
  static List<String> violations(RoleContext ctx, Filter filter, FlavorFacts f, int rules) {
    int m = failures(filter, f) & rules;
    if (m == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(Integer.bitCount(m));
    for (Requirement q : ALL) {
      if ((m & (1 << q.ordinal())) != 0) {
        out.add(q.violation(f, ctx));
      }
    }
    return out;
  }
}
