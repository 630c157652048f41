package io.clusterstacks.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own logic of {@link OpenStackClient#servers()} against a stub: which microversion it asks for, how it
 * finds flavor names on a cloud older than 2.47, and the fault of a server in ERROR that the list leaves out.
 * What Nova really answers is checked on the lab by sdk-lifecycle's DiagnoseOnTheLabsIT (Zed: 2.47 embedded flavors).
 */
class ServerDetailsTest {
  private WireMockServer wm;

  private OpenStackClient client(String maxMicroversion) {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    String base = "http://127.0.0.1:" + wm.port();
    String token = """
        {"token": {"issued_at": "2026-01-01T10:00:00.000000Z", "expires_at": "2026-01-01T11:00:00.000000Z",
          "methods": ["password"], "user": {"id": "u1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
          "project": {"id": "p1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
          "roles": [{"id": "r1", "name": "member"}],
          "catalog": [
           {"type": "compute", "name": "nova", "id": "s1", "endpoints": [{"id": "e1", "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": "BASE/compute/v2.1"}]}]}}
        """.replace("BASE", base);
    wm.stubFor(post("/v3/auth/tokens").willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-123456")
        .withHeader("Content-Type", "application/json").withBody(token)));
    wm.stubFor(get("/compute/v2.1").willReturn(aResponse().withStatus(200)
        .withBody("{\"version\": {\"id\": \"v2.1\", \"min_version\": \"2.1\", \"version\": \"" + maxMicroversion + "\"}}")));
    return OpenStackClient.connect(CloudConfig.of(b -> b.name("stub").authUrl(base + "/v3").username("demo")
        .userDomainName("Default").projectName("demo").projectDomainName("Default").password(Secret.of("pw"))
        .readTimeout(Duration.ofSeconds(30))));
  }

  @AfterEach
  void stop() {
    if (wm != null) {
      wm.stop();
    }
  }

  @Test
  void atMicroversion247TheFlavorComesWithTheServerAndAnErrorsFaultIsFetched() {
    try (OpenStackClient os = client("2.93")) {
      wm.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail")).withHeader("OpenStack-API-Version", equalTo("compute 2.47"))
          .willReturn(aResponse().withStatus(200).withBody("""
              {"servers": [
               {"id": "s-1", "name": "prod-cp-0", "status": "ACTIVE", "hostId": "h1",
                "flavor": {"original_name": "SCS-2V-4-20s", "extra_specs": {"aggregate_instance_extra_specs:localdisk": "true"}},
                "metadata": {"ps_restart_after_maint": "true", "note": "private"}},
               {"id": "s-2", "name": "prod-cp-1", "status": "ERROR", "hostId": "",
                "flavor": {"original_name": "SCS-2V-4-20s", "extra_specs": {}}, "metadata": {}}]}""")));
      wm.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/s-2")).willReturn(aResponse().withStatus(200).withBody("""
          {"server": {"id": "s-2", "status": "ERROR", "fault": {"code": 500, "message": "No valid host was found. "}}}""")));
      List<ServerDetails> servers = os.servers();
      assertEquals(List.of("s-1", "s-2"), servers.stream().map(ServerDetails::id).toList());
      ServerDetails a = servers.get(0);
      assertEquals("SCS-2V-4-20s", a.flavorName());
      assertEquals(Map.of("aggregate_instance_extra_specs:localdisk", "true"), a.flavorExtraSpecs());
      assertEquals(Map.of("note", "private", "ps_restart_after_maint", "true"), a.metadata());
      assertEquals("", a.fault());
      assertEquals("No valid host was found. ", servers.get(1).fault());
      assertFalse(a.toString().contains("private"), "metadata values stay out of toString: " + a);
      wm.verify(0, getRequestedFor(urlPathEqualTo("/compute/v2.1/servers/s-1")));
      wm.verify(0, getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/SCS-2V-4-20s")));
    }
  }

  @Test
  void onAnOlderCloudEachFlavorIsReadOnceAndADeletedOneIsNamedByItsId() {
    try (OpenStackClient os = client("2.38")) {
      wm.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail")).withHeader("OpenStack-API-Version", absent())
          .willReturn(aResponse().withStatus(200).withBody("""
              {"servers": [
               {"id": "s-1", "name": "a", "status": "ACTIVE", "hostId": "h1", "flavor": {"id": "f-1"}, "metadata": {}},
               {"id": "s-2", "name": "b", "status": "ACTIVE", "hostId": "h2", "flavor": {"id": "f-1"}, "metadata": {}},
               {"id": "s-3", "name": "c", "status": "ACTIVE", "hostId": "h3", "flavor": {"id": "f-gone"}, "metadata": {}}]}""")));
      wm.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/f-1")).willReturn(aResponse().withStatus(200)
          .withBody("{\"flavor\": {\"id\": \"f-1\", \"name\": \"SCS-1L-1-5\"}}")));
      wm.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/f-gone")).willReturn(aResponse().withStatus(404)
          .withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor f-gone could not be found.\"}}")));
      List<ServerDetails> servers = os.servers();
      assertEquals(List.of("SCS-1L-1-5", "SCS-1L-1-5", "f-gone"), servers.stream().map(ServerDetails::flavorName).toList());
      assertEquals(Map.of(), servers.get(0).flavorExtraSpecs(), "no extra_specs before 2.47");
      wm.verify(1, getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/f-1")));
    }
  }
}
