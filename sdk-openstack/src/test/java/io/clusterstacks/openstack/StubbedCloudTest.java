package io.clusterstacks.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own logic of discovery (which calls, paging, mapping into the profile) and of server-group
 * rollback, against a stub. What Nova really does is checked by the *IT tests on the lab.
 */
class StubbedCloudTest {
  private WireMockServer wm;
  private String base;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    base = "http://127.0.0.1:" + wm.port();
    String token = """
        {"token": {"issued_at": "2026-01-01T10:00:00.000000Z", "expires_at": "2026-01-01T11:00:00.000000Z",
          "methods": ["password"], "user": {"id": "u1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
          "project": {"id": "p1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
          "roles": [{"id": "r1", "name": "member"}],
          "catalog": [
           {"type": "compute", "name": "nova", "id": "s1", "endpoints": [{"id": "e1", "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": "BASE/compute/v2.1"}]},
           {"type": "image", "name": "glance", "id": "s2", "endpoints": [{"id": "e2", "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": "BASE/image"}]}]}}
        """.replace("BASE", base);
    wm.stubFor(post("/v3/auth/tokens").willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-123456")
        .withHeader("Content-Type", "application/json").withBody(token)));
    wm.stubFor(get("/compute/v2.1").willReturn(aResponse().withStatus(200)
        .withBody("{\"version\": {\"id\": \"v2.1\", \"min_version\": \"2.1\", \"version\": \"2.93\"}}")));
    wm.stubFor(get(urlPathEqualTo("/compute/v2.1/limits")).willReturn(aResponse().withStatus(200).withBody("""
        {"limits": {"rate": [], "absolute": {"maxTotalInstances": 100, "totalInstancesUsed": 3, "maxTotalCores": 400,
         "totalCoresUsed": 6, "maxTotalRAMSize": 819200, "totalRAMUsed": 12288, "maxServerGroups": 50,
         "totalServerGroupsUsed": 1, "maxServerGroupMembers": 50}}}""")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private OpenStackClient client() {
    return OpenStackClient.connect(CloudConfig.of(b -> b.name("stub").authUrl(base + "/v3").username("demo")
        .userDomainName("Default").projectName("demo").projectDomainName("Default").password(Secret.of("pw"))
        .readTimeout(Duration.ofSeconds(30))));
  }

  @Test
  void discoveryReadsTwoHundredFlavorsWithExtraSpecsInOneCallAndPagesImages() {
    StringBuilder flavors = new StringBuilder("{\"flavors\": [");
    for (int i = 0; i < 200; i++) {
      flavors.append(i == 0 ? "" : ",").append("{\"id\": \"f").append(i).append("\", \"name\": \"SCS-2V-4-").append(20 + i)
          .append("s\", \"vcpus\": 2, \"ram\": 4096, \"disk\": ").append(20 + i)
          .append(", \"extra_specs\": {\"scs:disk0-type\": \"ssd\", \"scs:name-v2\": \"n").append(i).append("\"}}");
    }
    flavors.append("]}");
    wm.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).withHeader("OpenStack-API-Version", equalTo("compute 2.61"))
        .willReturn(aResponse().withStatus(200).withBody(flavors.toString())));
    wm.stubFor(get(urlPathEqualTo("/image/v2/images")).withQueryParam("marker", com.github.tomakehurst.wiremock.client.WireMock.absent())
        .willReturn(aResponse().withStatus(200).withBody("""
            {"images": [{"id": "11111111-1111-4111-8111-111111111111", "name": "ubuntu-capi-image-v1.34.1", "status": "active", "min_disk": 20, "min_ram": 0,
              "os_distro": "ubuntu", "os_version": "24.04", "os_purpose": "k8snode", "tags": ["a"]}],
             "next": "/v2/images?marker=11111111-1111-4111-8111-111111111111&limit=1000&status=active"}""")));
    wm.stubFor(get(urlPathEqualTo("/image/v2/images")).withQueryParam("marker", equalTo("11111111-1111-4111-8111-111111111111"))
        .willReturn(aResponse().withStatus(200).withBody("""
            {"images": [{"id": "22222222-2222-4222-8222-222222222222", "name": "Ubuntu 24.04", "status": "active", "os_distro": "ubuntu", "os_version": "24.04"}]}""")));
    wm.stubFor(get(urlPathEqualTo("/compute/v2.1/os-availability-zone")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"availabilityZoneInfo\": [{\"zoneName\": \"nova\", \"zoneState\": {\"available\": true}, \"hosts\": null}]}")));
    wm.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail")).willReturn(aResponse().withStatus(200).withBody("""
        {"servers": [{"id": "s1", "status": "ACTIVE", "hostId": "h-a", "OS-EXT-AZ:availability_zone": "nova"},
                     {"id": "s2", "status": "ACTIVE", "hostId": "h-b", "OS-EXT-AZ:availability_zone": "nova"},
                     {"id": "s3", "status": "ERROR", "hostId": "", "OS-EXT-AZ:availability_zone": ""}]}""")));
    try (OpenStackClient os = client()) {
      CloudDiscovery.Discovered d = os.discovery().discover("stub");
      CloudProfile p = d.profile();
      assertEquals(200, p.flavors().size());
      assertEquals("ssd", p.flavor("SCS-2V-4-219s").orElseThrow().extraSpecs().get("scs:disk0-type"));
      wm.verify(1, getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail")));
      wm.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/os-extra_specs")));
      assertEquals(2, p.images().size());
      assertEquals("k8snode", p.image("ubuntu-capi-image-v1.34.1").orElseThrow().osPurpose().orElseThrow());
      assertEquals(HostKnowledge.LOWER_BOUND, p.hypervisors().total().knowledge());
      assertEquals(2, p.hypervisors().total().count());
      assertEquals(1, p.quotas().serverGroups().used());
      assertEquals(1, p.quotas().instancesInError());
      assertEquals("2.93", p.computeMicroversions().max().toString());
      // version, flavors, 2 image pages, zones, limits, servers: 7 calls after the login
      assertEquals(7, d.calls().size(), d.calls().toString());
      assertTrue(d.notes().stream().anyMatch(n -> n.contains("lower bound")), d.notes().toString());
      CloudProfile back = CloudProfiles.fromJson(d.toJson());
      assertEquals(p.flavors(), back.flavors());
    }
  }

  @Test
  void aCreateFailingPartWayDeletesWhatThisCallCreated() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod")
        .className(io.clusterstacks.core.stack.ClusterClassName.of("scs2", "1.34", "v2"))
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3))).addWorkers(WorkerRequest.of("md-0", 3))),
        CloudProfiles.bundled("scs-reference"));
    int groups = plan.serverGroupsToCreate().size();
    assertTrue(groups >= 2, "the test needs a plan with two groups: " + plan.serverGroupsToCreate());
    wm.stubFor(get(urlPathEqualTo("/compute/v2.1/os-server-groups")).willReturn(aResponse().withStatus(200)
        .withBody("{\"server_groups\": []}")));
    wm.stubFor(post("/compute/v2.1/os-server-groups").inScenario("c").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(200).withBody("""
            {"server_group": {"id": "33333333-3333-4333-8333-333333333333", "name": "clusterstacks-prod-control-plane", "policy": "anti-affinity",
             "rules": {}, "members": [], "project_id": "p1"}}""")).willSetStateTo("second"));
    wm.stubFor(post("/compute/v2.1/os-server-groups").inScenario("c").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(403).withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded, too many server groups.\"}}")));
    wm.stubFor(delete("/compute/v2.1/os-server-groups/33333333-3333-4333-8333-333333333333").willReturn(aResponse().withStatus(204)));
    try (OpenStackClient os = client()) {
      ServerGroupException e = assertThrows(ServerGroupException.class, () -> os.serverGroups().ensure(plan));
      assertEquals(ServerGroupException.Reason.FAILED_PART_WAY, e.reason());
      assertTrue(e.leftOver().isEmpty(), e.getMessage());
      assertTrue(e.mayExist().isEmpty(), e.getMessage());
      assertTrue(e.getMessage().contains("deleted again"), e.getMessage());
      wm.verify(1, deleteRequestedFor(urlPathEqualTo("/compute/v2.1/os-server-groups/33333333-3333-4333-8333-333333333333")));
      wm.verify(postRequestedFor(urlPathEqualTo("/compute/v2.1/os-server-groups"))
          .withHeader("OpenStack-API-Version", equalTo("compute 2.64")));
    }
  }
}
