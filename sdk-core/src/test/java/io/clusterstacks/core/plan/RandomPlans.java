package io.clusterstacks.core.plan;

import static io.clusterstacks.core.plan.TestClouds.scs;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random small clouds and requests for property and oracle tests. */
final class RandomPlans {

  private static final String[] MICROVERSIONS = {"2.1", "2.14", "2.15", "2.60", "2.64", "2.96"};
  private static final long[] MEMBER_QUOTAS = {2, 3, 4, 5, 10, -1};

  private RandomPlans() {}

  static HostCount hosts(Random rnd) {
    int n = 1 + rnd.nextInt(6);
    return switch (rnd.nextInt(4)) {
      case 0 -> HostCount.exact(n);
      case 1 -> HostCount.lowerBound(n);
      case 2 -> HostCount.declared(n);
      default -> HostCount.unknown();
    };
  }

  /** A cloud of 1..6 hypervisors (random knowledge) in 1..3 zones, a random flavor subset, some flavors in a smaller SSD host class. */
  static CloudProfile cloud(Random rnd) {
    List<CloudFlavor> pool = new ArrayList<>(List.of(
        scs("SCS-2V-4-20s", 2, 4, 20, "ssd"), scs("SCS-4V-16-100s", 4, 16, 100, "ssd"), scs("SCS-2V-4-20p", 2, 4, 20, "nvme"),
        scs("SCS-2V-4", 2, 4, 0, ""), scs("SCS-2V-8", 2, 8, 0, ""), scs("SCS-4V-8", 4, 8, 0, ""),
        scs("SCS-2V-4-10", 2, 4, 10, "network"), scs("SCS-2V-4-20", 2, 4, 20, "network"), scs("SCS-2L-4-20s", 2, 4, 20, "ssd"),
        scs("SCS-1V-2", 1, 2, 0, ""), scs("SCS-2V-4-20h", 2, 4, 20, "hdd"),
        CloudFlavor.builder().from(scs("SCS-4V-8-20s", 2, 8, 20, "ssd")).build()));
    HostCount total = hosts(rnd);
    boolean ssdClass = rnd.nextBoolean();
    HostCount ssdHosts = hosts(rnd);
    Hypervisors.Builder hv = Hypervisors.builder().total(total);
    if (ssdClass) {
      hv.putByHostClass("ssd", ssdHosts);
    }
    List<CloudFlavor> chosen = new ArrayList<>();
    for (CloudFlavor f : pool) {
      if (rnd.nextInt(3) > 0) {
        boolean local = f.extraSpecs().getOrDefault("scs:disk0-type", "").matches("ssd|nvme");
        chosen.add(ssdClass && local ? CloudFlavor.builder().from(f).hostClass("ssd").build() : f);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(pool.get(3));
    }
    long groupsLimit = new long[] {1, 2, 3, 10}[rnd.nextInt(4)];
    List<String> zones = List.of("az1", "az2", "az3").subList(0, 1 + rnd.nextInt(3));
    return CloudProfile.builder()
        .name("random")
        .availabilityZones(zones)
        .hypervisors(hv.build())
        .computeMicroversions(MicroversionRange.of("2.1", MICROVERSIONS[rnd.nextInt(MICROVERSIONS.length)]))
        .quotas(Quotas.of(q -> q.instances(Quota.of(1000)).cores(Quota.of(10_000)).ramMiB(Quota.of(100_000_000))
            .serverGroups(Quota.of(groupsLimit)).serverGroupMembers(MEMBER_QUOTAS[rnd.nextInt(MEMBER_QUOTAS.length)])))
        .flavors(chosen)
        .build();
  }

  /** A request with 1, 3 or 5 control-plane replicas, 0..2 worker deployments of 0..12 replicas, random mode, tolerance and pins. */
  static ClusterRequest request(Random rnd) {
    int cpReplicas = new int[] {1, 3, 5}[rnd.nextInt(3)];
    OutputMode mode = rnd.nextBoolean() ? OutputMode.TOPOLOGY : OutputMode.RAW_CAPI;
    HostFailureTolerance tolerance = HostFailureTolerance.values()[rnd.nextInt(3)];
    ClusterRequest.Builder b = ClusterRequest.builder().kubernetesVersion("v1.34.7").mode(mode)
        .hostFailureTolerance(tolerance);
    ControlPlaneRequest.Builder cp = ControlPlaneRequest.builder().replicas(cpReplicas).allowNetworkStorage(rnd.nextInt(5) > 0);
    if (rnd.nextInt(6) == 0) {
      cp.policy(randomPolicy(rnd));
    }
    b.controlPlane(cp.build());
    int workers = rnd.nextInt(3);
    for (int i = 0; i < workers; i++) {
      WorkerRequest.Builder w = WorkerRequest.builder().name("md-" + i).replicas(rnd.nextInt(13)).maxSurge(rnd.nextInt(3));
      if (rnd.nextInt(6) == 0) {
        w.policy(randomPolicy(rnd));
      }
      if (rnd.nextInt(4) == 0) {
        w.requirements(RoleRequirements.of(q -> q.minVcpus(1).minRamMiB(2048)));
      }
      b.addWorkers(w.build());
    }
    return b.build();
  }

  static PlacementPolicy randomPolicy(Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> PlacementPolicy.antiAffinity();
      case 1 -> PlacementPolicy.maxPerHost(2 + rnd.nextInt(3));
      case 2 -> PlacementPolicy.softAntiAffinity();
      default -> PlacementPolicy.none();
    };
  }
}
