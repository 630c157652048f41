package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.openstack.LabProxy.Exchange;
import io.clusterstacks.openstack.LabProxy.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults at every call of {@link ServerGroups#ensure}, injected by the tests' own proxy ({@link LabProxy})
 * in front of the lab's real nova-api, and nova-api really stopped in the middle of an ensure.
 *
 * <p>For every call k that a fault-free ensure makes through the proxy and every fault (403 without
 * reaching Nova; 500, an answer held past the client's read timeout, and a TCP reset, each after Nova
 * acted on the request), one ensure runs with that fault at call k only. Then what Nova holds (as admin,
 * {@code GET /os-server-groups?all_projects=True}) is compared with what the SDK said: the groups it
 * returned, or the groups its {@link ServerGroupException} names as left over or possibly existing, or
 * none when it failed before creating anything. A second ensure without faults must then converge: one
 * group per planned name, no duplicates.
 */
class ServerGroupFaultsIT {
  /** The client's read timeout behind the proxy; the proxy's delay is longer. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  static OpenStackClient admin;
  static OpenStackClient member;
  static CloudProfile cloud;
  static LabProxy proxy;
  static String computeUrl;

  @BeforeAll
  static void lab() throws IOException {
    admin = Lab.connect(Lab.ADMIN);
    member = Lab.connect(Lab.MEMBER);
    cloud = member.discovery().discover("lab").profile();
    computeUrl = member.session().endpoint("compute");
    java.net.URI u = java.net.URI.create(computeUrl);
    proxy = LabProxy.plain(u.getScheme() + "://" + u.getHost() + ":" + u.getPort());
    proxy.delay(READ_TIMEOUT.plusSeconds(3));
  }

  @AfterAll
  static void close() throws IOException {
    proxy.close();
    member.close();
    admin.close();
  }

  /** A new member client whose compute calls go through the proxy (login goes to Keystone directly). */
  static OpenStackClient throughProxy() {
    OpenStackClient os = OpenStackClient.connect(Lab.cloud(Lab.MEMBER).toBuilder()
        .endpointOverride("compute", proxy.via(computeUrl)).readTimeout(READ_TIMEOUT).build());
    Lab.remember(os);
    return os;
  }

  /** The groups Nova holds under the plan's convention names, any project, as admin sees them. */
  static Map<String, List<String>> novaHolds(Set<String> names) {
    Map<String, List<String>> out = new TreeMap<>();
    JsonNode groups = Lab.get(admin, "compute", "/os-server-groups?all_projects=True&limit=1000", "2.64").path("server_groups");
    for (JsonNode g : groups) {
      if (names.contains(g.path("name").asText())) {
        out.computeIfAbsent(g.path("name").asText(), k -> new ArrayList<>()).add(g.path("id").asText());
      }
    }
    return out;
  }

  static Set<String> ids(Map<String, List<String>> byName) {
    Set<String> out = new TreeSet<>();
    byName.values().forEach(out::addAll);
    return out;
  }

  /** What one faulty ensure told its caller, checked against Nova, then the converging second run. */
  static String checkReportedAndConverge(ClusterPlan plan, Set<String> names, Object result, String what) {
    Map<String, List<String>> held = novaHolds(names);
    String outcome;
    if (result instanceof ServerGroupSet set) {
      assertEquals(new TreeSet<>(set.idsByPlanName().values()), ids(held), what + ": returned " + set + ", Nova holds " + held);
      outcome = "ok (" + set.created().size() + " created)";
    } else if (result instanceof ServerGroupException e) {
      Set<String> told = new TreeSet<>();
      e.leftOver().forEach(g -> told.add(g.id()));
      for (Map.Entry<String, List<String>> h : held.entrySet()) {
        for (String id : h.getValue()) {
          assertTrue(told.contains(id) || e.mayExist().contains(h.getKey()),
              what + ": group " + h.getKey() + " " + id + " exists but the exception does not name it: " + e.getMessage());
          assertTrue(e.getMessage().contains(id) || e.getMessage().contains(h.getKey()), what + ": " + e.getMessage());
        }
      }
      assertEquals(ServerGroupException.Reason.FAILED_PART_WAY, e.reason(), what + ": " + e.getMessage());
      outcome = "ServerGroupException, left over " + told + ", may exist " + e.mayExist() + ", Nova holds " + held.size();
    } else if (result instanceof OpenStackApiException || result instanceof OpenStackConnectionException) {
      // failed before any create: nothing may exist
      assertEquals(Map.of(), held, what + ": failed with " + result + " but Nova holds groups");
      outcome = result.getClass().getSimpleName() + " before any create";
    } else {
      throw new AssertionError(what + ": untyped failure " + result, (Throwable) result);
    }
    // the second run, on a client without faults, converges: every planned name once, no duplicates
    ServerGroupSet again = member.serverGroups().ensure(plan);
    Map<String, List<String>> after = novaHolds(names);
    assertEquals(names, after.keySet(), what + ": after the second run Nova holds " + after);
    after.forEach((n, list) -> assertEquals(1, list.size(), what + ": duplicates of " + n + ": " + list));
    assertEquals(ids(after), new TreeSet<>(again.idsByPlanName().values()), what);
    return outcome;
  }

  static Object ensureCatching(OpenStackClient os, ClusterPlan plan) {
    try {
      return os.serverGroups().ensure(plan);
    } catch (RuntimeException e) {
      return e;
    }
  }

  static String clusterName(String tag) {
    return "it-ft-" + tag + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
  }

  @Test
  void aFaultAtAnyCallOfACreationLeavesNothingUnreportedAndASecondRunConverges() {
    // the calls of a fault-free creation of a plan's groups, as the proxy sees them
    ClusterPlan probe = ServerGroupsIT.plan(cloud, clusterName("probe"));
    List<Exchange> calls;
    proxy.reset();
    try (OpenStackClient os = throughProxy()) {
      os.serverGroups().ensure(probe);
      calls = proxy.exchanges();
    } finally {
      member.serverGroups().deleteFor(probe);
    }
    assertTrue(calls.stream().filter(c -> c.method().equals("POST")).count() >= 2, calls.toString());
    List<String> report = new ArrayList<>();
    for (int k = 1; k <= calls.size(); k++) {
      for (Fault fault : List.of(Fault.FORBIDDEN, Fault.SERVER_ERROR, Fault.DELAY, Fault.RESET)) {
        String what = fault + " at call " + k + " (" + calls.get(k - 1).method() + " " + calls.get(k - 1).target() + ")";
        ClusterPlan plan = ServerGroupsIT.plan(cloud, clusterName(k + fault.name().substring(0, 1).toLowerCase()));
        Set<String> names = ServerGroupsIT.novaNames(member.serverGroups(), plan);
        int at = k;
        try (OpenStackClient os = throughProxy()) {
          proxy.reset();
          proxy.rule((n, m, t) -> n == at ? fault : Fault.NONE);
          Object result = ensureCatching(os, plan);
          List<Exchange> seen = proxy.exchanges();
          assertTrue(seen.stream().anyMatch(x -> x.n() == at && x.fault() == fault), what + ": the fault was not injected: " + seen);
          report.add(what + ": " + checkReportedAndConverge(plan, names, result, what) + "; calls " + seen);
        } finally {
          proxy.reset();
          member.serverGroups().deleteFor(plan);
        }
      }
    }
    report.forEach(System.out::println);
  }

  @Test
  void novaApiStoppedMidCreationLeavesNothingUnreportedAndASecondRunConverges() throws Exception {
    Path service = repoRoot().resolve("lab/openstack/service");
    // stopped just before the second create reaches it, after the first group was created
    ClusterPlan plan = ServerGroupsIT.plan(cloud, clusterName("stop"));
    Set<String> names = ServerGroupsIT.novaNames(member.serverGroups(), plan);
    try (OpenStackClient os = throughProxy()) {
      proxy.reset();
      int[] posts = {0};
      proxy.rule((n, m, t) -> {
        if (m.equals("POST") && ++posts[0] == 2) {
          run(service.toString(), "stop", "nova-api");
        }
        return Fault.NONE;
      });
      Object result = ensureCatching(os, plan);
      List<Exchange> seen = proxy.exchanges();
      proxy.reset();
      run(service.toString(), "start", "nova-api");
      assertTrue(result instanceof ServerGroupException, "expected a ServerGroupException, got " + result + "; calls " + seen);
      ServerGroupException e = (ServerGroupException) result;
      assertTrue(seen.stream().anyMatch(x -> x.status() == 503), seen.toString());
      System.out.println("nova-api stopped before the 2nd create: " + e.getMessage() + "; calls " + seen);
      System.out.println(checkReportedAndConverge(plan, names, result, "nova-api stopped"));
    } finally {
      proxy.reset();
      run(service.toString(), "start", "nova-api");
      member.serverGroups().deleteFor(plan);
    }
  }

  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("lab/openstack/service"))) {
        return p;
      }
    }
    throw new AssertionError("lab/openstack/service not found above " + Path.of("").toAbsolutePath());
  }

  static void run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        fail(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new AssertionError(String.join(" ", cmd) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
