package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.PlacementPrediction;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.openstack.internal.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Availability zones on the lab's real Nova: with {@code lab/openstack/zones 3+1} (compute1-3 in az1,
 * compute4 in az2, host aggregates mirrored into Placement by nova-api), discovery reports the hypervisors
 * per zone, and the planner's per-zone prediction ({@link PlacementPrediction#sequentialCreate} with the
 * discovered zone's host count) is what Nova does with one anti-affinity group whose members are booted
 * into az2, az2 and az1. The zones are removed again at the end ({@code zones off}).
 */
class ZonesIT {

  @Test
  void discoveryReportsHostsPerZoneAndThePlannersZonePredictionMatchesNova() {
    Path lab = ServerGroupFaultsIT.repoRoot().resolve("lab/openstack");
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      NovaLab nova = new NovaLab(admin, member);
      List<String> servers = new ArrayList<>();
      String group = null;
      try {
        ServerGroupFaultsIT.run(lab.resolve("hypervisors").toString(), "4");
        ServerGroupFaultsIT.run(lab.resolve("zones").toString(), "3+1");
        CloudProfile cloud = admin.discovery().discover("lab-zones").profile();
        assertEquals(List.of("az1", "az2"), cloud.availabilityZones());
        assertEquals(HostKnowledge.EXACT, cloud.hypervisors().total().knowledge());
        assertEquals(4, cloud.hypervisors().total().count(), cloud.hypervisors().toString());
        HostCount az1 = cloud.hypervisors().byZone().get("az1");
        HostCount az2 = cloud.hypervisors().byZone().get("az2");
        assertEquals(HostCount.exact("compute1", "compute2", "compute3").toString(), az1.toString());
        assertEquals(HostCount.exact("compute4").toString(), az2.toString());

        // The planner on the discovered profile: a 3-node control plane in topology mode spreads 3 + 1 surge
        // members over the two zones fewest-first, up to 2 into az2 with its one host, so it does not plan hard
        // anti-affinity and says why, naming the zone.
        ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("it-zones").mode(OutputMode.TOPOLOGY)
            .className(ClusterClassName.of("scs2", "1.34", "v2")).controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))),
            cloud);
        RolePlan cp = plan.roles().get(0);
        assertTrue(!cp.placement().policy().equals(PlacementPolicy.antiAffinity()), cp.placement().toString());
        assertTrue(cp.placement().alternatives().stream().anyMatch(a -> a.toString().contains("az2"))
            || cp.placement().reasons().stream().anyMatch(s -> s.contains("az2")), cp.placement().toString());

        // Nova: one hard anti-affinity group, members booted into az2, az2, az1 one after another.
        String name = "it-zones-" + Long.toString(System.nanoTime() % 100_000, 36);
        group = nova.createGroup(name, "anti-affinity", null);
        List<String> zones = List.of("az2", "az2", "az1");
        Map<String, List<String>> statusesByZone = new LinkedHashMap<>();
        Map<String, Set<String>> hostsByZone = new LinkedHashMap<>();
        for (int i = 0; i < zones.size(); i++) {
          String id = boot(member, nova, name + "-" + i, group, zones.get(i));
          servers.add(id);
          statusesByZone.computeIfAbsent(zones.get(i), z -> new ArrayList<>()).add(nova.status(id));
          String host = nova.host(id);
          if (!host.isEmpty()) {
            hostsByZone.computeIfAbsent(zones.get(i), z -> new TreeSet<>()).add(host);
          }
        }
        // The prediction per zone, from the discovered host counts of each zone.
        for (Map.Entry<String, List<String>> e : statusesByZone.entrySet()) {
          int hosts = cloud.hypervisors().byZone().get(e.getKey()).count();
          PlacementPrediction p = PlacementPrediction.sequentialCreate(PlacementPolicy.antiAffinity(), e.getValue().size(), hosts);
          List<String> predicted = new ArrayList<>();
          for (int m = 0; m < p.members(); m++) {
            predicted.add(m < p.activeMembers() ? "ACTIVE" : "ERROR");
          }
          assertEquals(predicted, e.getValue(), "zone " + e.getKey() + " (" + hosts + " hosts): " + p);
        }
        assertEquals(Set.of("compute4"), hostsByZone.get("az2"), hostsByZone.toString());
        assertTrue(az1.names().containsAll(hostsByZone.get("az1")), hostsByZone.toString());
        String fault = nova.fault(servers.get(1));
        assertTrue(fault.contains("No valid host"), fault);

        // As the member, without admin rights: the zones, and per zone a lower bound from the servers' hostIds.
        CloudDiscovery.Discovered d = member.discovery().discover("lab-zones");
        assertEquals(List.of("az1", "az2"), d.profile().availabilityZones());
        HostCount m2 = d.profile().hypervisors().byZone().get("az2");
        assertEquals(HostKnowledge.LOWER_BOUND, m2.knowledge(), d.profile().hypervisors().toString());
        assertTrue(m2.count() >= 1 && d.profile().hypervisors().byZone().get("az1").count() >= 1, d.profile().hypervisors().toString());
        System.out.println("zones 3+1: discovered " + cloud.hypervisors() + "; Nova " + statusesByZone + " on " + hostsByZone
            + "; az2 fault: " + fault + "; planner: " + cp.placement().policy() + " " + cp.placement().reasons());
      } finally {
        nova.deleteServers(servers);
        if (group != null) {
          nova.deleteGroup(group);
        }
        ServerGroupFaultsIT.run(lab.resolve("zones").toString(), "off");
      }
    }
  }

  static String boot(OpenStackClient member, NovaLab nova, String name, String groupId, String zone) {
    ObjectNode body = Json.object();
    body.putObject("server").put("name", name).put("imageRef", nova.imageId).put("flavorRef", nova.flavorId)
        .put("networks", "none").put("availability_zone", zone);
    body.putObject("os:scheduler_hints").put("group", groupId);
    String id = Lab.call(member, "POST", "compute", "/servers", "2.37", body).path("server").path("id").asText();
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      String status = nova.status(id);
      if (status.equals("ACTIVE") || status.equals("ERROR")) {
        return id;
      }
      NovaLab.sleep(250);
    }
    throw new AssertionError("server " + id + " neither ACTIVE nor ERROR after 180 s");
  }
}
