package io.clusterstacks.benchmarks.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Supplier;

/**
 * A result with the wall time, the bytes the calling thread allocated (HotSpot's per-thread counter,
 * {@code com.sun.management.ThreadMXBean}) and the heap's peak above the post-GC baseline (the sum of
 * the heap pools' peaks after resetting them, an upper bound of the live peak: it includes garbage not
 * yet collected and pools peak at different times).
 *
 * @param value the result
 * @param nanos wall time
 * @param allocatedBytes bytes allocated by the calling thread
 * @param peakHeapBytes heap peak above the baseline
 * @param <T> the result type
 */
public record Measured<T>(T value, long nanos, long allocatedBytes, long peakHeapBytes) {

  /**
   * Runs and measures a computation on the calling thread.
   *
   * @param run the computation
   * @param <T> the result type
   * @return the result and its costs
   */
  public static <T> Measured<T> of(Supplier<T> run) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    long base = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long a0 = threads.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    T v = run.get();
    long t1 = System.nanoTime();
    long a1 = threads.getCurrentThreadAllocatedBytes();
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Measured<>(v, t1 - t0, a1 - a0, Math.max(0, peak - base));
  }
}
