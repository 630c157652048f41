package io.clusterstacks.benchmarks.plan;

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
 *   <li>{@code scaling}: one whole plan on a synthetic cloud of 100, 1000 or 10,000 flavors.</li>
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
    ClusterRequest request;

    /** Builds the cloud once. */
    @Setup(Level.Trial)
    public void setUp() {
      cloud = BenchClouds.withFlavors(flavors);
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
}
