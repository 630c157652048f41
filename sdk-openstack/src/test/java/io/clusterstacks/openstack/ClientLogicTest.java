package io.clusterstacks.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's own logic (token reuse and renewal, 401 handling, retries, redaction, counting)
 * against a stub: these are claims about the SDK, not about OpenStack (those are in the *IT tests).
 */
class ClientLogicTest {
  private static final String PASSWORD = "pa55-word-never-shown";
  private static final String TOKEN = "gAAAAAtoken-never-shown-0123456789";
  private WireMockServer wm;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));

  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }
  }

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    String base = "http://127.0.0.1:" + wm.port();
    String token = """
        {"token": {"issued_at": "2026-01-01T10:00:00.000000Z", "expires_at": "2026-01-01T11:00:00.000000Z",
          "methods": ["password"], "user": {"id": "u1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
          "project": {"id": "p1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
          "roles": [{"id": "r1", "name": "member"}],
          "catalog": [{"type": "compute", "name": "nova", "id": "s1",
            "endpoints": [{"id": "e1", "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": "BASE/compute/v2.1"}]}]}}
        """.replace("BASE", base);
    wm.stubFor(post("/v3/auth/tokens").withRequestBody(containing(PASSWORD))
        .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", TOKEN).withHeader("Content-Type", "application/json").withBody(token)));
    wm.stubFor(post("/v3/auth/tokens").withRequestBody(containing("wrong")).willReturn(aResponse().withStatus(401)
        .withHeader("X-Openstack-Request-Id", "req-abc")
        .withBody("{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}")));
    wm.stubFor(get("/compute/v2.1").willReturn(aResponse().withStatus(200)
        .withBody("{\"version\": {\"id\": \"v2.1\", \"min_version\": \"2.1\", \"version\": \"2.93\", \"status\": \"CURRENT\"}}")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private CloudConfig config(String password) {
    return CloudConfig.of(b -> b.name("stub").authUrl("http://127.0.0.1:" + wm.port() + "/v3").username("demo")
        .userDomainName("Default").projectName("demo").projectDomainName("Default").password(Secret.of(password))
        .readTimeout(Duration.ofSeconds(30)));
  }

  @Test
  void logsInOnceAndReusesTheTokenAcrossCalls() {
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      os.computeMicroversions();
      os.identity();
      wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
      wm.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1")).withHeader("X-Auth-Token", equalTo(TOKEN)));
      assertEquals(2, os.calls().total(), os.calls().calls().toString());
      assertEquals("2.1..2.93", os.computeMicroversions().toString());
    }
  }

  @Test
  void renewsTheTokenBeforeItExpires() {
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      clock.advance(Duration.ofMinutes(40)); // 20 minutes left of 60: no renewal yet
      os.identity();
      wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
      clock.advance(Duration.ofMinutes(10)); // 10 minutes left: within the margin (a quarter, at most 5 min)... not yet
      os.identity();
      wm.verify(1, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
      clock.advance(Duration.ofMinutes(6)); // 4 minutes left: renew
      os.identity();
      wm.verify(2, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
      assertEquals(2, os.identity().logins());
      assertEquals(Instant.parse("2026-01-01T11:56:00Z"), os.identity().tokenExpiresAt());
    }
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
    wm.stubFor(get("/compute/v2.1/flavors/detail").inScenario("401").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
    wm.stubFor(get("/compute/v2.1/flavors/detail").inScenario("401").whenScenarioStateIs("renewed")
        .willReturn(aResponse().withStatus(200).withBody("{\"flavors\": []}")));
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      os.session().json(io.clusterstacks.openstack.internal.Session.Call.get("compute", "/flavors/detail"));
      wm.verify(2, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
    }
  }

  @Test
  void aWrongPasswordIsTypedAndNamesTheUserNotTheSecret() {
    OpenStackAuthenticationException e = assertThrows(OpenStackAuthenticationException.class,
        () -> OpenStackClient.connect(config("wrong-" + PASSWORD), clock));
    assertEquals(401, e.status());
    assertEquals("req-abc", e.requestId().orElseThrow());
    assertTrue(e.getMessage().contains("user demo in project demo"), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }

  @Test
  void idempotentCallsAreRetriedOnTransientStatusesAndCreatesAreNot() {
    wm.stubFor(get("/compute/v2.1/limits").inScenario("503").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.stubFor(get("/compute/v2.1/limits").inScenario("503").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("{\"limits\": {\"absolute\": {}}}")));
    wm.stubFor(post("/compute/v2.1/os-server-groups").willReturn(aResponse().withStatus(503)
        .withBody("{\"computeFault\": {\"code\": 503, \"message\": \"try later\"}}")));
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      os.session().json(io.clusterstacks.openstack.internal.Session.Call.get("compute", "/limits"));
      wm.verify(2, getRequestedFor(urlPathEqualTo("/compute/v2.1/limits")));
      OpenStackApiException e = assertThrows(OpenStackApiException.class, () -> os.session().json(
          io.clusterstacks.openstack.internal.Session.Call.of("compute", "POST", "/os-server-groups")
              .body(io.clusterstacks.openstack.internal.Json.object())));
      assertEquals(503, e.status());
      assertEquals("try later", e.cloudMessage());
      wm.verify(1, postRequestedFor(urlPathEqualTo("/compute/v2.1/os-server-groups")));
    }
  }

  @Test
  void aReadPastTheTimeoutIsATypedConnectionErrorWithUnknownOutcome() {
    wm.stubFor(post("/compute/v2.1/os-server-groups").willReturn(aResponse().withStatus(200).withFixedDelay(8000)));
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD).toBuilder().readTimeout(Duration.ofSeconds(3)).build(), clock)) {
      OpenStackConnectionException e = assertThrows(OpenStackConnectionException.class, () -> os.session().json(
          io.clusterstacks.openstack.internal.Session.Call.of("compute", "POST", "/os-server-groups")
              .body(io.clusterstacks.openstack.internal.Json.object())));
      assertEquals(OpenStackConnectionException.Kind.TIMEOUT, e.kind());
      assertTrue(e.outcomeUnknown());
      wm.verify(1, postRequestedFor(urlPathEqualTo("/compute/v2.1/os-server-groups")));
    }
  }

  @Test
  void aCloudMessageThatEchoesTheTokenIsScrubbed() {
    wm.stubFor(get("/compute/v2.1/servers/x").willReturn(aResponse().withStatus(400)
        .withBody("{\"badRequest\": {\"code\": 400, \"message\": \"bad token " + TOKEN + "\"}}")));
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      OpenStackApiException e = assertThrows(OpenStackApiException.class,
          () -> os.session().json(io.clusterstacks.openstack.internal.Session.Call.get("compute", "/servers/x")));
      assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
      assertTrue(e.getMessage().contains("<redacted>"), e.getMessage());
    }
  }

  @Test
  void aQueryWrittenIntoThePathIsSentAndCountedOnceAndThePathAlone() {
    wm.stubFor(get(urlPathEqualTo("/compute/v2.1/os-services")).willReturn(aResponse().withStatus(200)
        .withBody("{\"services\": []}")));
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      long mark = os.calls().total();
      os.session().json(io.clusterstacks.openstack.internal.Session.Call.get("compute", "/os-services?binary=nova-compute&host=a%20b"));
      wm.verify(1, getRequestedFor(urlPathEqualTo("/compute/v2.1/os-services"))
          .withQueryParam("binary", equalTo("nova-compute")).withQueryParam("host", equalTo("a b")));
      HttpCall call = os.calls().since(mark).get(0);
      assertEquals("/os-services", call.path());
      assertEquals("binary=nova-compute&host=a%20b", call.query());
      assertEquals("GET compute /os-services?binary=nova-compute&host=a%20b -> 200", call.toString().replaceAll(" \\(.*", ""));
    }
  }

  @Test
  void aServiceMissingFromTheCatalogNamesTheServicesThereAre() {
    try (OpenStackClient os = OpenStackClient.connect(config(PASSWORD), clock)) {
      OpenStackApiException e = assertThrows(OpenStackApiException.class, () -> os.session().endpoint("image"));
      assertTrue(e.getMessage().contains("[compute]"), e.getMessage());
    }
  }
}
