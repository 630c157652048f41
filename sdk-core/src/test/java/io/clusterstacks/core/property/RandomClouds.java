package io.clusterstacks.core.property;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.flavor.ScsFlavorName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random cloud profiles through the public builders: SCS flavors generated from their names
 * (with and without a disk, local SSD/NVMe or network or HDD disks), a few non-SCS flavors, 1 to 12
 * hypervisors known exactly, as a lower bound, as declared or not at all, split over 1 to 3 zones and
 * sometimes a local-SSD host class, quotas from tight to generous, and compute microversions from
 * 2.1 to 2.96. Most profiles are consistent; a few break a profile rule on purpose (zones that do not
 * add up), which the builder must refuse.
 */
final class RandomClouds {

  private static final String[] MICROVERSIONS = {"2.1", "2.14", "2.15", "2.25", "2.60", "2.64", "2.79", "2.96"};
  private static final int[] VCPUS = {1, 2, 4, 8, 16};
  private static final int[] RAM_GIB = {1, 2, 4, 8, 16, 32, 64};
  private static final int[] DISKS = {5, 10, 20, 50, 100, 200};
  private static final String[] CPU_LETTERS = {"V", "V", "V", "L", "T", "C"};
  private static final String[] DISK_SUFFIX = {"s", "s", "p", "n", "h", ""};

  private RandomClouds() {}

  /** One SCS flavor built from a random name, its extra_specs derived from the name as scs-0103 says. */
  static CloudFlavor scsFlavor(Random rnd) {
    int vcpus = VCPUS[rnd.nextInt(VCPUS.length)];
    int ram = RAM_GIB[rnd.nextInt(RAM_GIB.length)];
    String cpu = CPU_LETTERS[rnd.nextInt(CPU_LETTERS.length)];
    int disk = rnd.nextInt(3) == 0 ? 0 : DISKS[rnd.nextInt(DISKS.length)];
    String suffix = disk == 0 ? "" : DISK_SUFFIX[rnd.nextInt(DISK_SUFFIX.length)];
    String name = "SCS-" + vcpus + cpu + "-" + ram + (disk == 0 ? "" : "-" + disk + suffix);
    Map<String, String> specs = new LinkedHashMap<>(ScsFlavorName.parse(name).toExtraSpecs());
    specs.put("scs:name-v2", name);
    boolean uuidId = rnd.nextInt(4) == 0;
    return CloudFlavor.of(f -> {
      f.name(name).vcpus(vcpus).ramMiB(ram * 1024).diskGB(disk).putAllExtraSpecs(specs);
      if (uuidId) {
        f.id(Ids.uuid(rnd));
      }
    });
  }

  /** A flavor with a provider's own name and no SCS extra_specs. */
  static CloudFlavor plainFlavor(Random rnd) {
    int vcpus = VCPUS[rnd.nextInt(VCPUS.length)];
    int ram = RAM_GIB[rnd.nextInt(RAM_GIB.length)];
    int disk = rnd.nextBoolean() ? 0 : DISKS[rnd.nextInt(DISKS.length)];
    return CloudFlavor.of(f -> f.name("m1." + vcpus + "c" + ram + "g" + (disk == 0 ? "" : disk + "d")).vcpus(vcpus)
        .ramMiB(ram * 1024).diskGB(disk));
  }

  static HostCount hosts(Random rnd, int n) {
    return switch (rnd.nextInt(5)) {
      case 0, 1 -> HostCount.exact(n);
      case 2 -> HostCount.lowerBound(n);
      case 3 -> HostCount.declared(n);
      default -> HostCount.unknown();
    };
  }

  /** One random profile; {@code sound} is false for the few profiles built to break a profile rule. */
  static CloudProfile cloud(Random rnd) {
    List<CloudFlavor> flavors = new ArrayList<>();
    int scs = 1 + rnd.nextInt(8);
    java.util.Set<String> names = new java.util.HashSet<>();
    // most clouds offer a mandatory scs-0103 flavor that fits a control plane; the others may offer none that fits
    if (rnd.nextInt(3) > 0) {
      String name = rnd.nextBoolean() ? "SCS-2V-4-20s" : "SCS-4V-8";
      flavors.add(CloudFlavor.of(f -> f.name(name).vcpus(name.startsWith("SCS-2") ? 2 : 4).ramMiB(name.startsWith("SCS-2")
          ? 4096 : 8192).diskGB(name.endsWith("s") ? 20 : 0).putAllExtraSpecs(ScsFlavorName.parse(name).toExtraSpecs())
          .putExtraSpecs("scs:name-v2", name)));
      names.add(name);
    }
    for (int i = 0; i < scs; i++) {
      CloudFlavor f = scsFlavor(rnd);
      if (names.add(f.name())) {
        flavors.add(f);
      }
    }
    if (rnd.nextInt(4) == 0) {
      CloudFlavor f = plainFlavor(rnd);
      if (names.add(f.name())) {
        flavors.add(f);
      }
    }
    int n = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(12) : 3 + rnd.nextInt(4);
    HostCount total = hosts(rnd, n);
    List<String> zones = List.of("az1", "az2", "az3").subList(0, 1 + rnd.nextInt(3));
    Hypervisors.Builder hv = Hypervisors.builder().total(total);
    if (zones.size() > 1 && rnd.nextBoolean() && total.count() >= zones.size()) {
      // split the total over the zones, as Nova's host aggregates would report it
      int left = total.count();
      for (int z = 0; z < zones.size(); z++) {
        int here = z == zones.size() - 1 ? left : 1 + rnd.nextInt(left - (zones.size() - z - 1));
        left -= here;
        hv.putByZone(zones.get(z), HostCount.exact(here));
      }
      if (rnd.nextInt(20) == 0) {
        hv.putByZone(zones.get(0), HostCount.exact(total.count() + 1)); // does not add up: the builder refuses
      }
    }
    boolean ssdClass = rnd.nextInt(4) == 0;
    if (ssdClass) {
      hv.putByHostClass("ssd", HostCount.exact(1 + rnd.nextInt(Math.max(1, n))));
      List<CloudFlavor> classed = new ArrayList<>();
      for (CloudFlavor f : flavors) {
        boolean local = f.extraSpecs().getOrDefault("scs:disk0-type", "").matches("ssd|nvme");
        classed.add(local ? CloudFlavor.builder().from(f).hostClass("ssd").build() : f);
      }
      flavors = classed;
    }
    List<CloudImage> images = new ArrayList<>();
    if (rnd.nextBoolean()) {
      for (String v : List.of("v1.34.7", "v1.33.4", "v1.32.9", "v1.30.14", "v1.29.10")) {
        if (rnd.nextBoolean()) {
          String id = Ids.uuid(rnd);
          images.add(CloudImage.of(i -> i.name("ubuntu-capi-image-" + v).id(id).minDiskGiB(rnd.nextInt(3) * 10)));
        }
      }
      if (rnd.nextBoolean()) {
        String id = Ids.uuid(rnd);
        images.add(CloudImage.of(i -> i.name("Ubuntu 24.04").id(id).putProperties("os_distro", "ubuntu")
            .putProperties("os_version", "24.04")));
      }
      if (rnd.nextBoolean()) {
        String id = Ids.uuid(rnd);
        images.add(CloudImage.of(i -> i.name("Flatcar Container Linux").id(id).putProperties("os_distro", "flatcar")));
      }
    }
    long instances = rnd.nextInt(12) == 0 ? 1 + rnd.nextInt(10) : 1000;
    long cores = rnd.nextInt(12) == 0 ? 2 + rnd.nextInt(40) : 10_000;
    long ram = rnd.nextInt(12) == 0 ? 4096L * (1 + rnd.nextInt(20)) : 100_000_000L;
    long groups = new long[] {1, 2, 3, 10, 10, -1, 0}[rnd.nextInt(rnd.nextInt(10) == 0 ? 7 : 6)];
    long members = new long[] {3, 5, 10, 10, 20, -1, 1, 2}[rnd.nextInt(rnd.nextInt(5) == 0 ? 8 : 6)];
    String max = rnd.nextBoolean() ? "2.96" : MICROVERSIONS[rnd.nextInt(MICROVERSIONS.length)];
    List<CloudFlavor> chosen = flavors;
    return CloudProfile.of(c -> c.name("random-" + rnd.nextInt(1000)).availabilityZones(zones).hypervisors(hv.build())
        .computeMicroversions(MicroversionRange.of("2.1", max))
        .quotas(Quotas.of(q -> q.instances(Quota.of(instances)).cores(Quota.of(cores)).ramMiB(Quota.of(ram))
            .serverGroups(Quota.of(groups)).serverGroupMembers(members)))
        .flavors(chosen).images(images));
  }
}
