package io.clusterstacks.benchmarks.flavor;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.flavor.ScsFlavorName;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hand-written {@link ScsFlavorName#parse(String)} against the regex peer
 * ({@link RegexFlavorNameParser}) on the same mix of valid and invalid names.
 *
 * <p>One operation parses the whole set: {@code mix} is 40 names (28 valid in current syntax, 4 valid v1
 * names, 8 invalid), catching the SDK's exceptions for the invalid ones; {@code valid} is the 28 valid
 * current-syntax names only (no exception costs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FlavorNameParseBenchmark {

  /** The names parsed per operation; from the SCS standard's own examples plus typical invalid ones. */
  public static final String[] MIX = {
    // valid, current syntax
    "SCS-1V-4", "SCS-2V-8", "SCS-4V-16", "SCS-8V-32", "SCS-1V-2", "SCS-2V-4", "SCS-4V-8", "SCS-8V-16",
    "SCS-16V-32", "SCS-1L-1", "SCS-2V-4-20s", "SCS-4V-16-100s", "SCS-1V-4-10", "SCS-8V-32-100",
    "SCS-2C-4-10n", "SCS-2Li-4-10n", "SCS-2C-3.5-10n", "SCS-2C-4uo-10n", "SCS-2C-4-3x10s_bms_z3",
    "SCS-2C-4-_bms_z3h_GNa-64_ib", "SCS-2C-4-10_kvm_hwv", "SCS-2C-4-10n_bms_z3hh", "SCS-8Ti-32-50p_i1",
    "SCS-1L-1u-5", "SCS-16T-64-200s_GNa-72-24_ib", "SCS-4C-16-2x200p_a1", "SCS-16V-64-500s_GNa-14-6h",
    "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib",
    // valid, deprecated v1 syntax
    "SCS-2C:4:10n", "SCS-2C:4:10s-bms-z3", "SCS-8Ti:32:50p-i1", "SCS-16T:64:200s-GNa:64-ib",
    // invalid
    "SCS-2-4-10n", "SCS-2iT-4-10n", "SCS-2C-4ou-10n", "SCS-2C-4-n_bms_3", "SCS-2C-4-1.5n",
    "SCS-2C-4-10_hwv_xen", "SCS-2T-4_ic", "SCS-2V-4_GNa_ib",
  };

  /** Which names: {@code mix} (valid, v1 and invalid) or {@code valid} (current syntax only). */
  @Param({"mix", "valid"})
  public String set;

  private String[] names;

  /** Selects the names for {@link #set}. */
  @Setup
  public void setUp() {
    names = set.equals("valid") ? java.util.Arrays.copyOf(MIX, 28) : MIX.clone();
  }

  /**
   * Parses the set with the hand-written parser.
   *
   * @param bh sink for results
   */
  @Benchmark
  public void handWritten(Blackhole bh) {
    for (String name : names) {
      try {
        bh.consume(ScsFlavorName.parse(name));
      } catch (ClusterStacksException e) {
        bh.consume(e);
      }
    }
  }

  /**
   * Parses the set with the regex peer.
   *
   * @param bh sink for results
   */
  @Benchmark
  public void regexPeer(Blackhole bh) {
    for (String name : names) {
      try {
        bh.consume(RegexFlavorNameParser.parse(name));
      } catch (ClusterStacksException e) {
        bh.consume(e);
      }
    }
  }
}
