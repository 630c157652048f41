package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.openstack.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Discovery of the lab's real Nova, Glance and Keystone into a CloudProfile. */
class DiscoveryIT {

  @Test
  void twoHundredFlavorsWithExtraSpecsInOneListCallAndAFixedNumberOfCalls() {
    // the lab seeds 200 public flavors (33 SCS ones with scs:* extra_specs, 167 bulk ones)
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN)) {
      admin.calls().reset();
      CloudDiscovery.Discovered d = admin.discovery().discover("lab");
      CloudProfile p = d.profile();
      assertTrue(p.flavors().size() >= 200, p.flavors().size() + " flavors");
      Map<String, Integer> byCall = new TreeMap<>();
      d.calls().forEach(c -> byCall.merge(c.method() + " " + c.service() + " " + c.path(), 1, Integer::sum));
      assertEquals(1, byCall.get("GET compute /flavors/detail"), byCall.toString());
      // each call listed: version, flavors, images, zones, limits, servers, hypervisors, services
      assertEquals(List.of("GET compute ", "GET compute /flavors/detail", "GET compute /limits",
          "GET compute /os-availability-zone", "GET compute /os-hypervisors/detail", "GET compute /os-services",
          "GET compute /servers/detail", "GET image /v2/images"), new ArrayList<>(byCall.keySet()), byCall.toString());
      assertTrue(d.calls().size() <= 12, d.calls().toString());
      assertEquals(d.calls().size(), admin.calls().total(), "no call outside the counted HTTP layer");
      // every flavor's extra_specs as Nova gives them one by one (checked after counting)
      int withSpecs = 0;
      for (io.clusterstacks.core.cloud.CloudFlavor f : p.flavors()) {
        JsonNode one = Lab.get(admin, "compute", "/flavors/" + f.id() + "/os-extra_specs", null).path("extra_specs");
        Map<String, String> want = new TreeMap<>();
        one.properties().forEach(e -> want.put(e.getKey(), e.getValue().asText()));
        assertEquals(want, f.extraSpecs(), f.name());
        withSpecs += want.isEmpty() ? 0 : 1;
      }
      assertTrue(withSpecs >= 33, withSpecs + " flavors with extra_specs");
      assertEquals("ssd", p.flavor("SCS-2V-4-20s").orElseThrow().extraSpecs().get("scs:disk0-type"));
      System.out.println("discovery as admin: " + d.calls().size() + " calls " + byCall + ", "
          + d.calls().stream().mapToLong(HttpCall::millis).sum() + " ms in calls");
    }
  }

  @Test
  void asMemberTheHypervisorsAreALowerBoundAndAsAdminExact() {
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      CloudProfile exact = admin.discovery().discover("lab").profile();
      assertEquals(HostKnowledge.EXACT, exact.hypervisors().total().knowledge());
      int up = 0;
      for (JsonNode s : Lab.get(admin, "compute", "/os-services?binary=nova-compute", "2.53").path("services")) {
        if (s.path("status").asText().equals("enabled") && s.path("state").asText().equals("up")) {
          up++;
        }
      }
      assertEquals(up, exact.hypervisors().total().count());
      CloudDiscovery.Discovered d = member.discovery().discover("lab");
      HostKnowledge k = d.profile().hypervisors().total().knowledge();
      assertTrue(k == HostKnowledge.LOWER_BOUND || k == HostKnowledge.UNKNOWN, k.toString());
      assertTrue(d.profile().hypervisors().total().count() <= exact.hypervisors().total().count());
      assertTrue(d.notes().stream().anyMatch(n -> n.contains("admin")), d.notes().toString());
    }
  }

  @Test
  void quotasAndUsageEqualTheOpenstackCommandLine() throws IOException, InterruptedException {
    try (OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      CloudProfile p = member.discovery().discover("lab").profile();
      ProcessBuilder pb = new ProcessBuilder("openstack", "--os-cloud", Lab.MEMBER, "limits", "show", "--absolute", "-f", "json");
      pb.environment().put("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
      java.nio.file.Path secure = Lab.dir().resolve("secure.yaml");
      if (java.nio.file.Files.exists(secure)) {
        pb.environment().put("OS_CLIENT_SECURE_FILE", secure.toString());
      }
      pb.redirectErrorStream(false);
      Process proc = pb.start();
      String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(0, proc.waitFor(), "openstack limits show failed: " + new String(proc.getErrorStream().readAllBytes()));
      Map<String, Long> cli = new TreeMap<>();
      for (JsonNode row : Json.parse(out)) {
        cli.put(row.path("Name").asText(), row.path("Value").asLong());
      }
      assertEquals(cli.get("maxTotalInstances"), p.quotas().instances().limit(), cli.toString());
      assertEquals(cli.get("totalInstancesUsed"), p.quotas().instances().used(), cli.toString());
      assertEquals(cli.get("maxTotalCores"), p.quotas().cores().limit(), cli.toString());
      assertEquals(cli.get("totalCoresUsed"), p.quotas().cores().used(), cli.toString());
      assertEquals(cli.get("maxTotalRAMSize"), p.quotas().ramMiB().limit(), cli.toString());
      assertEquals(cli.get("totalRAMUsed"), p.quotas().ramMiB().used(), cli.toString());
      assertEquals(cli.get("maxServerGroups"), p.quotas().serverGroups().limit(), cli.toString());
      assertEquals(cli.get("totalServerGroupsUsed"), p.quotas().serverGroups().used(), cli.toString());
      assertEquals(cli.get("maxServerGroupMembers"), p.quotas().serverGroupMembers(), cli.toString());
    }
  }
}
