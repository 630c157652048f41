package io.clusterstacks.benchmarks.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Alternating peer measurement for a shared, noisy machine: runs strict and plain networknt
 * validation of the same manifest set in short alternating slices (so both see the same load), and
 * prints the median throughput of each and the median of the per-round ratios.
 *
 * <p>Run: {@code java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
 * io.clusterstacks.benchmarks.validation.ValidationRatio [rounds] [sliceMillis]}
 */
public final class ValidationRatio {

  private ValidationRatio() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: rounds (default 30) and slice length in milliseconds (default 200)
   * @throws Exception when the benchmark set cannot be prepared
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long slice = args.length > 1 ? Long.parseLong(args[1]) : 200;
    System.out.println("set       strict sets/s   networknt sets/s   networknt/strict (median of rounds)");
    for (String set : List.of("topology", "rawCapi")) {
      StrictValidationBenchmark b = new StrictValidationBenchmark();
      b.set = set;
      b.setUp();
      IntSupplier strict = () -> b.strict().violations().size();
      IntSupplier plain = b::networknt;
      for (int i = 0; i < 10; i++) {
        rate(strict, slice);
        rate(plain, slice);
      }
      double[] s = new double[rounds];
      double[] n = new double[rounds];
      double[] r = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        s[i] = rate(strict, slice);
        n[i] = rate(plain, slice);
        r[i] = n[i] / s[i];
      }
      System.out.printf(Locale.ROOT, "%-9s %13.0f   %16.0f   %.2f%n", set, median(s), median(n), median(r));
    }
  }

  private static double rate(IntSupplier op, long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long ops = 0;
    int sink = 0;
    long start = System.nanoTime();
    long now;
    do {
      sink += op.getAsInt();
      ops++;
      now = System.nanoTime();
    } while (now < end);
    if (sink < 0) {
      throw new IllegalStateException();
    }
    return ops / ((now - start) / 1e9);
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

}
