package io.clusterstacks.benchmarks.plan;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
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
 * The planner's cost as the replica count grows: one whole {@link Planner#plan} of a 3-node control plane
 * and one worker deployment of 3, 10^6 or 2,147,483,646 workers on the bundled reference cloud with its
 * quotas lifted, so that every size gets a plan. Run with {@code -prof gc} for the allocation per plan.
 *
 * <ul>
 *   <li>{@code quota = unlimited}: no quota at all (topology mode): one deployment in one server group,
 *       anti-affinity with a per-host limit that grows with the workers.</li>
 *   <li>{@code quota = members10}: Nova's default of 10 members per server group (raw CAPI mode): 3 workers
 *       fit one group; 10^6 and more would need more than the 1,000 deployments a split makes at most, so
 *       they are planned without a server group.</li>
 * </ul>
 *
 * <p>The cost must depend on the groups and hypervisors, not on the replicas.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerCostBenchmark {

  /** A request of a given size on a cloud with room for it. */
  @State(Scope.Benchmark)
  public static class Sized {
    /** The workers of the one deployment. */
    @Param({"3", "1000000", "2147483646"})
    public int workers;

    /** Which quotas the cloud has. */
    @Param({"unlimited", "members10"})
    public String quota;

    CloudProfile cloud;
    ClusterRequest request;

    /** Builds the inputs once. */
    @Setup(Level.Trial)
    public void setUp() {
      boolean split = quota.equals("members10");
      CloudProfile reference = CloudProfiles.bundled("scs-reference");
      cloud = reference.toBuilder().quotas(Quotas.of(q -> q.instances(Quota.UNLIMITED).cores(Quota.UNLIMITED)
          .ramMiB(Quota.UNLIMITED).serverGroups(Quota.UNLIMITED).serverGroupMembers(split ? 10 : -1))).build();
      request = ClusterRequest.of(r -> r.clusterName("cost").kubernetesVersion("v1.34.7")
          .mode(split ? OutputMode.RAW_CAPI : OutputMode.TOPOLOGY).addWorkers(WorkerRequest.of("md-0", workers)));
    }
  }

  /**
   * One whole plan.
   *
   * @param s the inputs
   * @return the plan
   */
  @Benchmark
  public ClusterPlan plan(Sized s) {
    return Planner.plan(s.request, s.cloud);
  }
}
