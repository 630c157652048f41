package io.clusterstacks.benchmarks.plan;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whole plans through the public API only: on the reference cloud, and as the flavor count grows. (The
 * brute-force oracle, an internal peer, is compared with the search by sdk-core's property tests.)
 *
 * <ul>
 *   <li>{@code planWithSearch}: a whole {@link Planner#plan} (every role, explanations, alternatives,
 *       quotas) on the bundled reference cloud.</li>
 *   <li>{@code scaling}: one whole plan on a synthetic cloud of 100, 1000 or 10,000 flavors, planned
 *       again and again (warm: the flavors' facts of the profile planned last are reused).</li>
 *   <li>{@code scalingCold}: the same, alternating between two equal profile values that share their
 *       flavor values, so that every plan reads every flavor's facts again (the SCS names stay parsed:
 *       a flavor value parses its name once), without measuring the profile's construction.</li>
 *   <li>{@code scalingFresh}: the same on a new profile of new flavor values before every plan (built
 *       in an untimed per-invocation setup), so that every plan also parses every name.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {

  /** The reference cloud and a topology request with three roles. */
  @State(Scope.Benchmark)
  public static class Reference {
    CloudProfile cloud;
    ClusterRequest request;

    /** Builds the inputs once. */
    @Setup(Level.Trial)
    public void setUp() {
      cloud = BenchClouds.reference();
      request = BenchClouds.request(OutputMode.TOPOLOGY);
    }
  }

  /** A synthetic cloud of a given size. */
  @State(Scope.Benchmark)
  public static class Synthetic {
    /** The number of flavors. */
    @Param({"100", "1000", "10000"})
    public int flavors;

    CloudProfile cloud;
    CloudProfile[] copies;
    int next;
    ClusterRequest request;

    /** Builds the cloud once, and two equal copies that {@code scalingCold} plans in turn. */
    @Setup(Level.Trial)
    public void setUp() {
      cloud = BenchClouds.withFlavors(flavors);
      copies = new CloudProfile[] {CloudProfile.builder().from(cloud).build(), CloudProfile.builder().from(cloud).build()};
      request = BenchClouds.request(OutputMode.TOPOLOGY);
    }
  }

  /**
   * A whole plan with the planner's search.
   *
   * @param s the inputs
   * @return the plan
   */
  @Benchmark
  public ClusterPlan planWithSearch(Reference s) {
    return Planner.plan(s.request, s.cloud);
  }

  /**
   * One whole plan on a synthetic cloud.
   *
   * @param s the inputs
   * @return the plan
   */
  @Benchmark
  public ClusterPlan scaling(Synthetic s) {
    return Planner.plan(s.request, s.cloud);
  }

  /** A new profile of new flavor values before every invocation. */
  @State(Scope.Thread)
  public static class Fresh {
    /** The number of flavors. */
    @Param({"100", "1000", "10000"})
    public int flavors;

    CloudProfile source;
    CloudProfile cloud;
    ClusterRequest request;

    /** Builds the cloud once. */
    @Setup(Level.Trial)
    public void setUp() {
      source = BenchClouds.withFlavors(flavors);
      request = BenchClouds.request(OutputMode.TOPOLOGY);
    }

    /** Copies every flavor value and the profile (not timed). */
    @Setup(Level.Invocation)
    public void copy() {
      List<CloudFlavor> copies = new ArrayList<>(source.flavors().size());
      for (CloudFlavor f : source.flavors()) {
        copies.add(CloudFlavor.builder().from(f).build());
      }
      cloud = CloudProfile.builder().from(source).flavors(copies).build();
    }
  }

  /**
   * One whole plan on a new profile of new flavor values (every name parsed, every fact read).
   *
   * @param s the inputs
   * @return the plan
   */
  @Benchmark
  public ClusterPlan scalingFresh(Fresh s) {
    return Planner.plan(s.request, s.cloud);
  }

  /**
   * One whole plan on a synthetic cloud whose flavors' facts are not cached (two equal profiles in turn).
   *
   * @param s the inputs
   * @return the plan
   */
  @Benchmark
  public ClusterPlan scalingCold(Synthetic s) {
    CloudProfile cloud = s.copies[s.next];
    s.next = 1 - s.next;
    return Planner.plan(s.request, cloud);
  }

}
