package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.flavor.CpuType;

/** Words the planner uses in several places: hypervisor counts, CPU types, plurals. */
final class Wording {

  private Wording() {}

  static String describeHosts(HostCount h) {
    return switch (h.knowledge()) {
      case EXACT -> plural(h.count(), "hypervisor");
      case DECLARED -> h.count() + " declared " + (h.count() == 1 ? "hypervisor" : "hypervisors");
      case LOWER_BOUND -> "at least " + h.count() + " known " + (h.count() == 1 ? "hypervisor" : "hypervisors");
      case UNKNOWN -> "an unknown number of hypervisors (only 1 is certain)";
    };
  }

  static String cpuWords(CpuType t) {
    return switch (t) {
      case CROWDED_CORE -> "crowded cores (L: heavily oversubscribed vCPUs)";
      case SHARED_CORE -> "shared cores (V)";
      case DEDICATED_THREAD -> "dedicated threads (T)";
      case DEDICATED_CORE -> "dedicated cores (C)";
    };
  }

  /** {@code 1 member}, {@code 2 members}. */
  static String plural(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
