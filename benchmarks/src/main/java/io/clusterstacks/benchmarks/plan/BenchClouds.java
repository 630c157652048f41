package io.clusterstacks.benchmarks.plan;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.WorkerRequest;
import java.util.ArrayList;
import java.util.List;

/** Inputs shared by the planner benchmarks. */
final class BenchClouds {

  private BenchClouds() {}

  /** A 3-node control plane and two worker deployments (3 and 10 workers, the latter above the member quota). */
  static ClusterRequest request(OutputMode mode) {
    return ClusterRequest.of(r -> r.clusterName("bench").kubernetesVersion("v1.34.7").mode(mode)
        .controlPlane(ControlPlaneRequest.of(c -> c.replicas(3)))
        .addWorkers(WorkerRequest.of("md-0", 3))
        .addWorkers(WorkerRequest.of("md-1", 10)));
  }

  /** The bundled reference cloud (31 flavors, 3 hypervisors) with quotas roomy enough for the request. */
  static CloudProfile reference() {
    return CloudProfile.builder().from(CloudProfiles.bundled("scs-reference")).quotas(roomy()).build();
  }

  static Quotas roomy() {
    return Quotas.of(q -> q.instances(Quota.of(1000)).cores(Quota.of(100_000)).ramMiB(Quota.of(100_000_000))
        .serverGroups(Quota.of(50)));
  }

  /**
   * A cloud with {@code n} distinct SCS flavors: 1..64 vCPUs, four CPU types, four RAM ratios, six disk
   * variants, plain and with a CPU-brand suffix; local-disk flavors are served by a smaller host class.
   */
  static CloudProfile withFlavors(int n) {
    String[] types = {"V", "T", "C", "L"};
    String[] cpuTypeSpec = {"shared-core", "dedicated-thread", "dedicated-core", "crowded-core"};
    int[] ratios = {2, 4, 8, 1};
    String[][] disks = {{"", "0", ""}, {"-20s", "20", "ssd"}, {"-50", "50", "network"}, {"-100p", "100", "nvme"},
        {"-200s", "200", "ssd"}, {"-10", "10", "network"}};
    String[] brands = {"", "_z3"};
    List<CloudFlavor> flavors = new ArrayList<>(n);
    outer:
    for (String brand : brands) {
      for (String[] disk : disks) {
        for (int t = 0; t < types.length; t++) {
          for (int ratio : ratios) {
            for (int c = 1; c <= 64; c++) {
              if (flavors.size() == n) {
                break outer;
              }
              String name = "SCS-" + c + types[t] + "-" + (c * ratio) + disk[0] + brand;
              int diskGB = Integer.parseInt(disk[1]);
              final int cpus = c;
              final int ram = c * ratio;
              final int type = t;
              flavors.add(CloudFlavor.of(f -> {
                f.name(name).id("id-" + name).vcpus(cpus).ramMiB(ram * 1024).diskGB(diskGB)
                    .putExtraSpecs("scs:name-v2", name).putExtraSpecs("scs:cpu-type", cpuTypeSpec[type]);
                if (diskGB > 0) {
                  f.putExtraSpecs("scs:disk0-type", disk[2]);
                }
                if (disk[2].equals("ssd") || disk[2].equals("nvme")) {
                  f.hostClass("local-ssd");
                }
              }));
            }
          }
        }
      }
    }
    if (flavors.size() < n) {
      throw new IllegalArgumentException("at most " + flavors.size() + " synthetic flavors");
    }
    return CloudProfile.builder().name("synthetic-" + n).addAvailabilityZones("nova")
        .hypervisors(Hypervisors.of(h -> h.total(HostCount.exact(6)).putByHostClass("local-ssd", HostCount.exact(3))))
        .computeMicroversions(MicroversionRange.of("2.1", "2.96"))
        .quotas(roomy())
        .flavors(flavors)
        .build();
  }
}
