package io.clusterstacks.core.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.flavor.CpuType;
import io.clusterstacks.core.flavor.DiskType;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.RoleRequirements;
import io.clusterstacks.core.plan.WorkerRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The search's primitive table must judge and order flavors exactly as {@link Scoring} and
 * {@link Search#COST} do, on requirements the planner property test does not vary (architecture, CPU
 * types, RAM oversubscription, minimum disk type).
 */
class FlavorTableTest {

  private static final String[] CPU = {"L", "V", "T", "C"};
  private static final String[] DISK = {"", "-10", "-20s", "-50n", "-100p", "-30h", "-40"};
  private static final String[] SPEC_CPU = {null, "shared-core", "dedicated-core", "crowded-core", "dedicated-thread"};
  private static final String[] SPEC_DISK = {null, "ssd", "network", "nvme", "hdd"};

  private static CloudProfile randomCloud(Random rnd, int n) {
    List<CloudFlavor> flavors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int c = 1 + rnd.nextInt(8);
      int ram = c * (1 + rnd.nextInt(4));
      String name = "SCS-" + c + CPU[rnd.nextInt(4)] + (rnd.nextInt(4) == 0 ? "o" : "") + "-" + ram + DISK[rnd.nextInt(DISK.length)]
          + (rnd.nextBoolean() ? "" : "_" + i);
      if (!names.add(name)) {
        continue;
      }
      int realCpu = rnd.nextInt(5) == 0 ? Math.max(1, c - 1) : c;
      int realRam = (rnd.nextInt(5) == 0 ? ram - 1 : ram) * 1024 + 1;
      int disk = name.contains("-10") ? 10 : name.contains("-20") ? 20 : name.contains("-50") ? 50 : name.contains("-100") ? 100
          : name.contains("-30") ? 30 : name.contains("-40") ? 40 : rnd.nextInt(3) == 0 ? 25 : 0;
      String specCpu = SPEC_CPU[rnd.nextInt(SPEC_CPU.length)];
      String specDisk = SPEC_DISK[rnd.nextInt(SPEC_DISK.length)];
      int local = rnd.nextInt(3);
      String arch = rnd.nextInt(4) == 0 ? "aarch64" : "x86_64";
      boolean ssdHosts = rnd.nextBoolean();
      flavors.add(CloudFlavor.of(f -> {
        f.name(name).id("id-" + name).vcpus(realCpu).ramMiB(Math.max(1, realRam)).diskGB(disk).architecture(arch);
        if (specCpu != null) {
          f.putExtraSpecs("scs:cpu-type", specCpu);
        }
        if (specDisk != null && disk > 0) {
          f.putExtraSpecs("scs:disk0-type", specDisk);
        }
        if (local < 2) {
          f.localDiskDeclared(local == 0);
        }
        if (ssdHosts) {
          f.hostClass("ssd");
        }
      }));
    }
    return CloudProfile.builder().name("random").addAvailabilityZones("nova")
        .hypervisors(Hypervisors.of(h -> h.total(HostCount.exact(5)).putByHostClass("ssd", HostCount.exact(2))))
        .flavors(flavors).build();
  }

  private static RoleRequirements randomRequirements(Random rnd) {
    Set<CpuType> cpus = EnumSet.noneOf(CpuType.class);
    for (CpuType t : CpuType.values()) {
      if (rnd.nextInt(3) > 0) {
        cpus.add(t);
      }
    }
    if (cpus.isEmpty()) {
      cpus.add(CpuType.SHARED_CORE);
    }
    return RoleRequirements.of(r -> {
      r.minVcpus(1 + rnd.nextInt(6)).minRamMiB(1024 * (1 + rnd.nextInt(12))).minDiskGB(1 + rnd.nextInt(60))
          .architecture(rnd.nextInt(4) == 0 ? "aarch64" : "x86_64").cpuTypes(cpus).allowRamOversubscription(rnd.nextBoolean());
      if (rnd.nextBoolean()) {
        r.minDiskType(DiskType.values()[rnd.nextInt(DiskType.values().length)]);
      }
    });
  }

  @Test
  void fitsAndCostAgreeWithScoringOnRandomFlavorsAndRequirements() {
    Random rnd = new Random(20261125);
    int fitting = 0;
    int checked = 0;
    for (int round = 0; round < 200; round++) {
      CloudProfile cloud = randomCloud(rnd, 40);
      RoleRequirements req = randomRequirements(rnd);
      ClusterRequest request = ClusterRequest.of(r -> r.clusterName("t").kubernetesVersion("v1.34.7")
          .mode(rnd.nextBoolean() ? OutputMode.TOPOLOGY : OutputMode.RAW_CAPI)
          .controlPlane(ControlPlaneRequest.of(c -> c.replicas(3).requirements(req).allowNetworkStorage(rnd.nextBoolean())))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(2).requirements(req))));
      List<FlavorFacts> facts = FlavorFacts.of(cloud);
      FlavorTable table = FlavorTable.of(facts);
      assertSame(facts, table, "the profile's facts are already a table");
      FlavorTable copy = FlavorTable.of(new ArrayList<>(facts));
      for (RoleContext ctx : List.of(PlanAssembler.controlPlaneContext(request, cloud),
          PlanAssembler.workerContext(request, cloud, request.workers().get(0)))) {
        Requirement.Filter filter = new Requirement.Filter(ctx);
        for (int i = 0; i < table.size(); i++) {
          boolean expected = Scoring.flavorViolations(ctx, facts.get(i)).isEmpty();
          assertEquals(Scoring.fits(ctx, facts.get(i)), expected, "Scoring.fits and flavorViolations disagree");
          assertEquals(expected, table.fits(filter, i), "fits: " + facts.get(i).flavor() + " for " + req);
          assertEquals(expected, copy.fits(filter, i));
          fitting += expected ? 1 : 0;
          checked++;
        }
      }
      for (int i = 0; i < table.size(); i++) {
        for (int j = 0; j < table.size(); j++) {
          assertEquals(Integer.signum(Search.COST.compare(facts.get(i), facts.get(j))), Integer.signum(table.compareCost(i, j)));
        }
      }
    }
    // both outcomes must have been exercised, else the comparison proves nothing
    assertTrue(fitting > checked / 20 && fitting < checked - checked / 20, fitting + " of " + checked + " fit");
  }
}
