package io.clusterstacks.core.plan;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import java.util.function.Consumer;

/** Small clouds for the planner's scenario, property and oracle tests. */
final class TestClouds {

  private TestClouds() {}

  /** A flavor with scs-0103 extra_specs derived from its SCS name. */
  static CloudFlavor scs(String name, int vcpus, int ramGiB, int diskGB, String diskType) {
    return CloudFlavor.of(f -> {
      f.name(name).vcpus(vcpus).ramMiB(ramGiB * 1024).diskGB(diskGB)
          .putExtraSpecs("scs:name-v2", name)
          .putExtraSpecs("scs:cpu-type", name.contains("L") && name.indexOf('L') < 6 ? "crowded-core" : "shared-core");
      if (diskGB > 0) {
        f.putExtraSpecs("scs:disk0-type", diskType);
      }
    });
  }

  /** The flavors most scenarios use: two local-SSD, three diskless, one network-disk. */
  static void standardFlavors(CloudProfile.Builder b) {
    b.addFlavors(scs("SCS-2V-4-20s", 2, 4, 20, "ssd"))
        .addFlavors(scs("SCS-4V-16-100s", 4, 16, 100, "ssd"))
        .addFlavors(scs("SCS-2V-4", 2, 4, 0, ""))
        .addFlavors(scs("SCS-2V-8", 2, 8, 0, ""))
        .addFlavors(scs("SCS-4V-8", 4, 8, 0, ""))
        .addFlavors(scs("SCS-2V-4-10", 2, 4, 10, "network"));
  }

  /** Generous quotas so that scenarios are about placement, not quota. */
  static Quotas roomy(long members) {
    return Quotas.of(q -> q.instances(Quota.of(500)).cores(Quota.of(5000)).ramMiB(Quota.of(10_000_000))
        .serverGroups(Quota.of(50)).serverGroupMembers(members));
  }

  /** A one-zone cloud with the standard flavors, compute 2.1..2.96, member quota 10 and roomy other quotas. */
  static CloudProfile cloud(HostCount hosts) {
    return cloud(hosts, "2.96", 10, b -> {});
  }

  /** A one-zone cloud with the standard flavors and the given host count, microversion and member quota. */
  static CloudProfile cloud(HostCount hosts, String maxMicroversion, long memberQuota, Consumer<CloudProfile.Builder> extra) {
    CloudProfile.Builder b = CloudProfile.builder()
        .name("test-" + hosts.knowledge().jsonName() + "-" + hosts.count())
        .addAvailabilityZones("nova")
        .hypervisors(Hypervisors.of(hosts))
        .computeMicroversions(MicroversionRange.of("2.1", maxMicroversion))
        .quotas(roomy(memberQuota))
        .quirks(ProviderQuirks.NONE);
    standardFlavors(b);
    extra.accept(b);
    return b.build();
  }
}
