package io.clusterstacks.benchmarks.plan;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.internal.BruteForce;
import io.clusterstacks.core.plan.internal.FlavorFacts;
import io.clusterstacks.core.plan.internal.PlanAssembler;
import io.clusterstacks.core.plan.internal.RoleContext;
import io.clusterstacks.core.plan.internal.RoleOutcome;
import io.clusterstacks.core.plan.internal.Search;
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
 * The planner against its brute-force oracle on the same inputs, and one plan as the flavor count grows.
 *
 * <ul>
 *   <li>{@code plan*}: a whole {@link Planner#plan} (every role, explanations, alternatives, quotas) on
 *       the bundled reference cloud, with the planner's search and with the oracle's exhaustive search.</li>
 *   <li>{@code search*}: only the control plane's candidate search on the same cloud.</li>
 *   <li>{@code scaling}: one whole plan on a synthetic cloud of 100, 1000 or 10,000 flavors, planned
 *       again and again (warm: the flavors' facts of the profile planned last are reused).</li>
 *   <li>{@code scalingCold}: the same, alternating between two equal profile values that share their
 *       flavor values, so that every plan reads every flavor's facts again (the SCS names stay parsed:
 *       a flavor value parses its name once), without measuring the profile's construction.</li>
 *   <li>{@code scalingFresh}: the same on a new profile of new flavor values before every plan (built
 *       in an untimed per-invocation setup), so that every plan also parses every name.</li>
 *   <li>{@code searchScaling*}: only the control plane's or the 10-worker deployment's search on the
 *       synthetic cloud.</li>
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
    RoleContext cpContext;
    List<FlavorFacts> facts;

    /** Builds the inputs once. */
    @Setup(Level.Trial)
    public void setUp() {
      cloud = BenchClouds.reference();
      request = BenchClouds.request(OutputMode.TOPOLOGY);
      cpContext = PlanAssembler.controlPlaneContext(request, cloud);
      facts = FlavorFacts.of(cloud);
      String a = Planner.plan(request, cloud).toString();
      String b = PlanAssembler.assemble(request, cloud, BruteForce::run).toString();
      if (!a.equals(b)) {
        throw new IllegalStateException("planner and oracle disagree on the benchmark input");
      }
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
    RoleContext cpContext;
    RoleContext workerContext;
    List<FlavorFacts> facts;

    /** Builds the cloud once, and two equal copies that {@code scalingCold} plans in turn. */
    @Setup(Level.Trial)
    public void setUp() {
      cloud = BenchClouds.withFlavors(flavors);
      copies = new CloudProfile[] {CloudProfile.builder().from(cloud).build(), CloudProfile.builder().from(cloud).build()};
      request = BenchClouds.request(OutputMode.TOPOLOGY);
      cpContext = PlanAssembler.controlPlaneContext(request, cloud);
      workerContext = PlanAssembler.workerContext(request, cloud, request.workers().get(1));
      facts = FlavorFacts.of(cloud);
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
   * A whole plan with the brute-force oracle.
   *
   * @param s the inputs
   * @return the plan
   */
  @Benchmark
  public ClusterPlan planWithOracle(Reference s) {
    return PlanAssembler.assemble(s.request, s.cloud, BruteForce::run);
  }

  /**
   * The control plane's search alone.
   *
   * @param s the inputs
   * @return the outcome
   */
  @Benchmark
  public RoleOutcome searchControlPlane(Reference s) {
    return Search.run(s.cpContext, s.facts);
  }

  /**
   * The control plane's exhaustive search alone.
   *
   * @param s the inputs
   * @return the outcome
   */
  @Benchmark
  public RoleOutcome oracleControlPlane(Reference s) {
    return BruteForce.run(s.cpContext, s.facts);
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

  /**
   * The control plane's search alone on a synthetic cloud.
   *
   * @param s the inputs
   * @return the outcome
   */
  @Benchmark
  public RoleOutcome searchScalingControlPlane(Synthetic s) {
    return Search.run(s.cpContext, s.facts);
  }

  /**
   * The 10-worker deployment's search alone on a synthetic cloud.
   *
   * @param s the inputs
   * @return the outcome
   */
  @Benchmark
  public RoleOutcome searchScalingWorker(Synthetic s) {
    return Search.run(s.workerContext, s.facts);
  }
}
