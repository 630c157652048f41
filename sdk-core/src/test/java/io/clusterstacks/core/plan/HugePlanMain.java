package io.clusterstacks.core.plan;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;

/**
 * Plans 2,147,483,646 workers on clouds with and without room for them and prints one line per case:
 * the answer's type and size. Run by {@link PlannerCostTest} in a JVM with a 64 MiB heap; exits 0 when
 * every case got a typed answer (a plan, or a {@link ClusterStacksException}).
 */
public final class HugePlanMain {

  /** The most workers a request can ask for with one surge machine still counted in an int. */
  static final int WORKERS = Integer.MAX_VALUE - 1;

  private HugePlanMain() {}

  /**
   * Runs the cases.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    CloudProfile reference = CloudProfiles.bundled("scs-reference");
    // The same cloud with every quota unlimited except Nova's default of 10 members per server group.
    CloudProfile roomy = reference.toBuilder().quotas(Quotas.of(q -> q.instances(Quota.UNLIMITED).cores(Quota.UNLIMITED)
        .ramMiB(Quota.UNLIMITED).serverGroups(Quota.UNLIMITED).serverGroupMembers(10))).build();
    CloudProfile unlimitedMembers = roomy.toBuilder().quotas(roomy.quotas().toBuilder().serverGroupMembers(-1).build())
        .build();
    run("reference quotas", reference, OutputMode.TOPOLOGY);
    run("unlimited quotas, 10 members per group", roomy, OutputMode.RAW_CAPI);
    run("unlimited quotas and members", unlimitedMembers, OutputMode.TOPOLOGY);
    // as many hypervisors as an int counts: the map lists 200 per section and sums the rest
    CloudProfile everyHost = unlimitedMembers.toBuilder()
        .hypervisors(io.clusterstacks.core.cloud.Hypervisors.of(io.clusterstacks.core.cloud.HostCount.exact(Integer.MAX_VALUE)))
        .build();
    run("2147483647 hypervisors", everyHost, OutputMode.TOPOLOGY);
  }

  private static void run(String name, CloudProfile cloud, OutputMode mode) {
    try {
      ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7").mode(mode)
          .addWorkers(WorkerRequest.of("md-0", WORKERS))), cloud);
      RolePlan w = plan.worker("md-0").orElseThrow();
      long length = plan.report().length() + plan.placementMap().toText().length() + plan.placementMap().toSvg().length();
      PlacementMap.Section first = plan.placementMap().sections().get(0);
      System.out.println(name + ": plan " + w.replicas() + " workers, " + w.placement().policy() + ", "
          + w.deployments().size() + " deployment(s), worst " + w.placement().worstCasePerHost() + " per host, report+map "
          + length + " chars, map lists " + first.hostNames().size() + " hosts and " + first.moreHosts() + " more");
    } catch (ClusterStacksException e) {
      String m = e.getMessage().replace('\n', ' ');
      System.out.println(name + ": " + e.getClass().getSimpleName() + " " + e.getMessage().length() + " chars: "
          + m.substring(0, Math.min(300, m.length())));
    }
  }
}
