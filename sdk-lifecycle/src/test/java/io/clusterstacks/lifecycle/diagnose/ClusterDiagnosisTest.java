package io.clusterstacks.lifecycle.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Group;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Node;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Server;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Taint;
import io.clusterstacks.lifecycle.diagnose.Finding.Kind;
import io.clusterstacks.openstack.LoadBalancerHealth;
import io.clusterstacks.openstack.LoadBalancerHealth.ObjectStatus;
import io.clusterstacks.openstack.LoadBalancerHealth.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The analysis as a specification, from snapshots built by hand: a healthy cluster (3 control-plane members on
 * a local-SSD flavor over 3 hypervisors with the restart opt-in, 2 workers, Ready nodes, a healthy API load
 * balancer on pluscloud open) gives no finding, and each test breaks it in one way and expects that finding.
 */
class ClusterDiagnosisTest {
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  static final String OPT_IN = "ps_restart_after_maint";
  static final String LB_NAME = "k8s-clusterapi-cluster-default-prod-kubeapi";

  static final Group CP = new Group("control-plane", true, "g-cp", "clusterstacks-prod-control-plane", "anti-affinity", 3, 1);
  static final Group MD = new Group("md-0", false, "g-md", "clusterstacks-prod-md-0", "soft-anti-affinity", 2, 1);

  static Server cp(int i) {
    return Server.of("cp-id-" + i, "prod-cp-" + i, "control-plane", true, "g-cp", "ACTIVE", "host-" + i, "SCS-2V-4-20s")
        .withMetadata(Map.of(OPT_IN, "true"));
  }

  static Server md(int i) {
    return Server.of("md-id-" + i, "prod-md-0-" + i, "md-0", false, "g-md", "ACTIVE", "host-" + i, "SCS-4V-8");
  }

  static Node node(String name) {
    return new Node(name, "openstack:///" + name, name.contains("cp"), "True", "KubeletReady", "kubelet is posting ready status",
        List.of());
  }

  static LoadBalancerHealth lb(Verdict v, String provisioning, String operating, String member2) {
    return new LoadBalancerHealth(v, "lb-1", LB_NAME, "amphora", provisioning, operating,
        member2.equals("ERROR") ? List.of("member m2 of pool p1 is ERROR") : List.of(), "the action Octavia's state asks for",
        List.of(new ObjectStatus("loadbalancer", "lb-1", LB_NAME, provisioning, operating),
            new ObjectStatus("listener", "l-1", "l1", "ACTIVE", "ONLINE"), new ObjectStatus("pool", "p-1", "p1", "ACTIVE", operating),
            new ObjectStatus("member", "m-1", "m1", "ACTIVE", "ONLINE"), new ObjectStatus("member", "m-2", "m2", "ACTIVE", member2)));
  }

  /** The healthy cluster, with one change applied to each of its lists. */
  static ClusterObservations cluster(UnaryOperator<List<Server>> servers, UnaryOperator<List<Node>> nodes, LoadBalancerHealth lb) {
    List<Server> s = new ArrayList<>(List.of(cp(0), cp(1), cp(2), md(0), md(1)));
    List<Node> n = new ArrayList<>(List.of(node("prod-cp-0"), node("prod-cp-1"), node("prod-cp-2"), node("prod-md-0-0"),
        node("prod-md-0-1")));
    ClusterObservations.Builder b = ClusterObservations.builder("default", "prod", NOW).quirks(ProviderQuirks.PLUSCLOUD_OPEN)
        .addGroup(CP).addGroup(MD).apiLoadBalancer(lb);
    servers.apply(s).forEach(b::addServer);
    nodes.apply(n).forEach(b::addNode);
    return b.build();
  }

  static ClusterObservations healthy() {
    return cluster(s -> s, n -> n, lb(Verdict.HEALTHY, "ACTIVE", "ONLINE", "ONLINE"));
  }

  static ClusterObservations withServers(UnaryOperator<List<Server>> change) {
    return cluster(change, n -> n, lb(Verdict.HEALTHY, "ACTIVE", "ONLINE", "ONLINE"));
  }

  static ClusterObservations withNodes(UnaryOperator<List<Node>> change) {
    return cluster(s -> s, change, lb(Verdict.HEALTHY, "ACTIVE", "ONLINE", "ONLINE"));
  }

  static <T> UnaryOperator<List<T>> replace(int index, T value) {
    return l -> {
      l.set(index, value);
      return l;
    };
  }

  static Finding only(DiagnosisReport r, Kind kind) {
    List<Finding> f = r.findings(kind);
    assertEquals(1, f.size(), r.text());
    return f.get(0);
  }

  @Test
  void aHealthyClusterHasNoFinding() {
    DiagnosisReport r = ClusterDiagnosis.analyse(healthy());
    assertEquals(List.of(), r.findings(), r.text());
    assertTrue(r.ok());
    assertTrue(r.text().startsWith("Diagnosis of cluster default/prod at 2026-12-02T10:00:00Z: 0 critical, 0 warning, 0 info"
        + " (nothing needs attention)\n"), r.text());
  }

  @Test
  void aControlPlaneMemberOnANetworkStorageFlavorIsAnEtcdRisk() {
    Server volume = Server.of("cp-id-1", "prod-cp-1", "control-plane", true, "g-cp", "ACTIVE", "host-1", "SCS-2V-4")
        .withMetadata(Map.of(OPT_IN, "true"));
    Server untyped = Server.of("cp-id-2", "prod-cp-2", "control-plane", true, "g-cp", "ACTIVE", "host-2", "SCS-2V-4-20")
        .withMetadata(Map.of(OPT_IN, "true"));
    DiagnosisReport r = ClusterDiagnosis.analyse(withServers(l -> {
      l.set(1, volume);
      l.set(2, untyped);
      return l;
    }));
    List<Finding> f = r.findings(Kind.CONTROL_PLANE_NOT_ON_LOCAL_SSD);
    assertEquals(List.of("server prod-cp-1 (cp-id-1)", "server prod-cp-2 (cp-id-2)"), f.stream().map(Finding::subject).toList());
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertTrue(f.get(0).message().contains("etcd"), f.get(0).message());
    assertTrue(f.get(0).evidence().get(0).contains("no root disk"), f.get(0).evidence().toString());
    assertTrue(f.get(1).evidence().get(0).contains("type not given"), f.get(1).evidence().toString());
    assertTrue(f.get(0).fix().contains("SCS-2V-4-20s"), f.get(0).fix());
    // workers on SCS-4V-8 (no disk) are not the control plane: no finding for them
    assertTrue(f.stream().noneMatch(x -> x.subject().contains("md-0")));
  }

  @Test
  void theFlavorsExtraSpecsDecideBeforeItsNameAndAnUnknownDiskIsSaid() {
    Server spec = Server.of("cp-id-1", "prod-cp-1", "control-plane", true, "g-cp", "ACTIVE", "host-1", "local-large")
        .withFlavorExtraSpecs(Map.of("aggregate_instance_extra_specs:localdisk", "true")).withMetadata(Map.of(OPT_IN, "true"));
    Server unknown = Server.of("cp-id-2", "prod-cp-2", "control-plane", true, "g-cp", "ACTIVE", "host-2", "m1.large");
    DiagnosisReport r = ClusterDiagnosis.analyse(withServers(l -> {
      l.set(1, spec);
      l.set(2, unknown);
      return l;
    }));
    assertEquals(List.of(), r.findings(Kind.CONTROL_PLANE_NOT_ON_LOCAL_SSD), r.text());
    Finding f = only(r, Kind.CONTROL_PLANE_DISK_UNKNOWN);
    assertEquals("server prod-cp-2 (cp-id-2)", f.subject());
    assertEquals(Severity.INFO, f.severity());
    assertTrue(f.evidence().get(0).contains("not an SCS name"), f.evidence().toString());
  }

  @Test
  void membersSharingAHypervisorBeyondThePlanAreNamedWithTheHost() {
    DiagnosisReport r = ClusterDiagnosis.analyse(withServers(replace(4, Server.of("md-id-1", "prod-md-0-1", "md-0", false, "g-md",
        "ACTIVE", "host-0", "SCS-4V-8"))));
    Finding f = only(r, Kind.SHARED_HOST);
    assertEquals("server group clusterstacks-prod-md-0", f.subject());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("hostId host-0: prod-md-0-0, prod-md-0-1", f.evidence().get(0));
    assertTrue(f.fix().startsWith("soft anti-affinity is a preference"), f.fix());
    assertTrue(r.text().contains("    host-0: prod-md-0-0 ACTIVE, prod-md-0-1 ACTIVE  <- more than planned\n"), r.text());

    DiagnosisReport cp = ClusterDiagnosis.analyse(withServers(replace(1, Server.of("cp-id-1", "prod-cp-1", "control-plane", true,
        "g-cp", "ACTIVE", "host-0", "SCS-2V-4-20s").withMetadata(Map.of(OPT_IN, "true")))));
    Finding c = only(cp, Kind.SHARED_HOST);
    assertEquals(Severity.CRITICAL, c.severity(), "two of three etcd members on one host: its loss is quorum's");
    assertTrue(c.fix().startsWith("Nova enforces hard anti-affinity"), c.fix());
  }

  @Test
  void aMemberInErrorCarriesNovasFault() {
    String fault = "No valid host was found. There are not enough hosts available.";
    DiagnosisReport r = ClusterDiagnosis.analyse(withServers(replace(2, cp(2).withStatus("ERROR", fault))));
    Finding f = only(r, Kind.MEMBER_ERROR);
    assertEquals(Severity.CRITICAL, f.severity());
    assertEquals("server prod-cp-2 (cp-id-2)", f.subject());
    assertTrue(f.message().endsWith(fault), f.message());
    assertTrue(f.evidence().contains("fault: " + fault), f.evidence().toString());
    assertTrue(f.fix().contains("free or add hosts"), f.fix());
    assertFalse(r.ok());
  }

  @Test
  void fewerMembersThanPlannedAndAMissingGroupAreFindings() {
    DiagnosisReport r = ClusterDiagnosis.analyse(withServers(l -> {
      l.remove(4);
      return l;
    }));
    Finding f = only(r, Kind.MEMBERS_MISSING);
    assertTrue(f.message().contains("the plan has 2 members in clusterstacks-prod-md-0, Nova has 1"), f.message());

    ClusterObservations missing = ClusterObservations.builder("default", "prod", NOW)
        .addGroup(new Group("md-0", false, "", "", "soft-anti-affinity", 2, 1)).build();
    Finding g = only(ClusterDiagnosis.analyse(missing), Kind.SERVER_GROUP_MISSING);
    assertEquals(Severity.CRITICAL, g.severity());
    assertTrue(g.fix().contains("ServerGroups.ensure(plan)"), g.fix());
  }

  @Test
  void theApiLoadBalancersStatusTreeIsTheEvidence() {
    DiagnosisReport degraded = ClusterDiagnosis.analyse(cluster(s -> s, n -> n, lb(Verdict.DEGRADED, "ACTIVE", "DEGRADED", "ERROR")));
    Finding f = only(degraded, Kind.LOAD_BALANCER);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("load balancer " + LB_NAME, f.subject());
    assertEquals(List.of("loadbalancer " + LB_NAME + " ACTIVE/DEGRADED", "listener l1 ACTIVE/ONLINE", "pool p1 ACTIVE/DEGRADED",
        "member m1 ACTIVE/ONLINE", "member m2 ACTIVE/ERROR", "member m2 of pool p1 is ERROR"), f.evidence());
    assertEquals("the action Octavia's state asks for", f.fix());

    Finding error = only(ClusterDiagnosis.analyse(cluster(s -> s, n -> n, lb(Verdict.PROVISIONING_ERROR, "ERROR", "OFFLINE",
        "NO_MONITOR"))), Kind.LOAD_BALANCER);
    assertEquals(Severity.CRITICAL, error.severity());
    assertTrue(error.message().contains("provisioning ERROR"), error.message());

    DiagnosisReport noData = ClusterDiagnosis.analyse(cluster(s -> s, n -> n, lb(Verdict.NO_HEALTH_DATA, "ACTIVE", "OFFLINE",
        "NO_MONITOR")));
    assertEquals(Severity.INFO, only(noData, Kind.LOAD_BALANCER).severity());
    assertTrue(noData.ok(), "no health data is no failure: " + noData.text());

    LoadBalancerHealth none = new LoadBalancerHealth(Verdict.NOT_FOUND, "", LB_NAME, "", "", "", List.of(), "create it", List.of());
    Finding notFound = only(ClusterDiagnosis.analyse(cluster(s -> s, n -> n, none)), Kind.LOAD_BALANCER);
    assertEquals(Severity.CRITICAL, notFound.severity());
    assertTrue(notFound.message().contains("no API load balancer"), notFound.message());
  }

  @Test
  void aNodeWithoutCniIsNotReadyAndTheFixIsACni() {
    String msg = "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin "
        + "returns error: cni plugin not initialized";
    DiagnosisReport r = ClusterDiagnosis.analyse(withNodes(replace(3, new Node("prod-md-0-0", "", false, "False",
        "KubeletNotReady", msg, List.of(new Taint("node.kubernetes.io/not-ready", "", "NoSchedule"))))));
    Finding f = only(r, Kind.NODE_NOT_READY);
    assertEquals("node prod-md-0-0", f.subject());
    assertEquals(Severity.CRITICAL, f.severity());
    assertEquals(List.of("Ready=False KubeletNotReady: " + msg, "taint node.kubernetes.io/not-ready:NoSchedule"), f.evidence());
    assertTrue(f.message().contains("raw CAPI mode"), f.message());
    assertTrue(f.fix().startsWith("install a CNI"), f.fix());

    Finding gone = only(ClusterDiagnosis.analyse(withNodes(replace(0, new Node("prod-cp-0", "", true, "Unknown", "NodeStatusUnknown",
        "Kubelet stopped posting node status.", List.of())))), Kind.NODE_NOT_READY);
    assertTrue(gone.message().contains("stopped reporting"), gone.message());
  }

  @Test
  void aNodeWithTheUninitializedTaintHasNoCloudControllerManager() {
    DiagnosisReport r = ClusterDiagnosis.analyse(withNodes(replace(4, new Node("prod-md-0-1", "", false, "True", "KubeletReady", "",
        List.of(new Taint(ClusterDiagnosis.UNINITIALIZED_TAINT, "true", "NoSchedule"))))));
    Finding f = only(r, Kind.NODE_UNINITIALIZED);
    assertEquals("node prod-md-0-1", f.subject());
    assertEquals(List.of("taint node.cloudprovider.kubernetes.io/uninitialized=true:NoSchedule", "no spec.providerID"), f.evidence());
    assertTrue(f.fix().contains("openstack-cloud-controller-manager"), f.fix());
    assertEquals(List.of(), r.findings(Kind.NODE_NOT_READY), "the node is Ready");
  }

  @Test
  void theRestartOptInIsMissingOnlyWhereTheProviderStopsTheServer() {
    DiagnosisReport r = ClusterDiagnosis.analyse(withServers(replace(0, cp(0).withMetadata(Map.of()))));
    Finding f = only(r, Kind.MAINTENANCE_OPT_IN_MISSING);
    assertEquals("server prod-cp-0 (cp-id-0)", f.subject());
    assertTrue(f.evidence().contains("metadata ps_restart_after_maint not set"), f.evidence().toString());
    assertTrue(f.fix().contains("optIn(\"cp-id-0\")"), f.fix());
    // the workers (SCS-4V-8, no local disk) are live-migrated and have no opt-in: no finding for them
    assertTrue(r.findings(Kind.MAINTENANCE_OPT_IN_MISSING).stream().noneMatch(x -> x.subject().contains("md")));
    // a wrong value is no opt-in
    assertEquals(1, ClusterDiagnosis.analyse(withServers(replace(0, cp(0).withMetadata(Map.of(OPT_IN, "false")))))
        .findings(Kind.MAINTENANCE_OPT_IN_MISSING).size());
    // a provider without the opt-in: nothing to set
    ClusterObservations none = ClusterObservations.builder("default", "prod", NOW).addGroup(CP)
        .addServer(cp(0).withMetadata(Map.of())).build();
    assertEquals(List.of(), ClusterDiagnosis.analyse(none).findings(Kind.MAINTENANCE_OPT_IN_MISSING));
  }

  @Test
  void missingOptInSelectsExactlyTheServersTheFindingNames() {
    ClusterObservations two = withServers(l -> {
      l.set(0, cp(0).withMetadata(Map.of()));
      l.set(2, cp(2).withMetadata(Map.of(OPT_IN, "false", "ps_scheduled_downtime", "2026-12-09T02:00:00Z")));
      return l;
    });
    List<String> findings = ClusterDiagnosis.analyse(two).findings(Kind.MAINTENANCE_OPT_IN_MISSING).stream()
        .map(Finding::subject).toList();
    assertEquals(List.of("server prod-cp-0 (cp-id-0)", "server prod-cp-2 (cp-id-2)"), findings);
    assertEquals(List.of("cp-id-0", "cp-id-2"), ClusterDiagnosis.missingOptIn(two).stream().map(Server::id).toList());
    assertEquals(List.of(), ClusterDiagnosis.missingOptIn(healthy()), "every local-SSD server has it");
    ClusterObservations none = ClusterObservations.builder("default", "prod", NOW).addGroup(CP)
        .addServer(cp(0).withMetadata(Map.of())).build();
    assertEquals(List.of(), ClusterDiagnosis.missingOptIn(none), "a provider without the opt-in: nothing to set");
  }

  @Test
  void announcedMaintenanceIsPendingOrPast() {
    DiagnosisReport pending = ClusterDiagnosis.analyse(withServers(replace(1, cp(1).withMetadata(Map.of(OPT_IN, "true",
        "ps_scheduled_downtime", "2026-12-04T22:00:00+01:00")))));
    Finding f = only(pending, Kind.MAINTENANCE_ANNOUNCED);
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("for 2026-12-04T21:00:00Z (in 2 days)"), f.message());
    assertTrue(f.message().contains("stopped and restarted after it"), f.message());
    assertTrue(f.evidence().contains("metadata ps_scheduled_downtime=2026-12-04T22:00:00+01:00"), f.evidence().toString());

    Finding past = only(ClusterDiagnosis.analyse(withServers(replace(1, cp(1).withStatus("SHUTOFF", "").withMetadata(Map.of(OPT_IN,
        "true", "ps_automatic_maintenance", "2026-12-01T22:00:00"))))), Kind.MAINTENANCE_ANNOUNCED);
    assertEquals(Severity.INFO, past.severity());
    assertTrue(past.fix().contains("openstack server start cp-id-1"), past.fix());

    Finding garbage = only(ClusterDiagnosis.analyse(withServers(replace(1, cp(1).withMetadata(Map.of(OPT_IN, "true",
        "ps_scheduled_shutdown", "next tuesday"))))), Kind.MAINTENANCE_ANNOUNCED);
    assertTrue(garbage.message().contains("no ISO-8601"), garbage.message());
  }

  @Test
  void whatCouldNotBeReadIsSaidNotTakenForHealth() {
    ClusterObservations seen = ClusterObservations.builder("default", "prod", NOW)
        .notObserved("the workload cluster's nodes (KubernetesApiException: Secret default/prod-kubeconfig does not exist)").build();
    Finding f = only(ClusterDiagnosis.analyse(seen), Kind.NOT_OBSERVED);
    assertEquals(Severity.WARNING, f.severity());
    assertFalse(ClusterDiagnosis.analyse(seen).ok());
  }

  @Test
  void textAndJsonAreDeterministicOrderedAndHoldNoOtherMetadata() throws Exception {
    UnaryOperator<List<Server>> broken = l -> {
      l.set(0, cp(0).withMetadata(Map.of("db-password", "s3cr3t-value", "ps_scheduled_downtime", "2026-12-03T10:00:00Z")));
      l.set(2, cp(2).withStatus("ERROR", "Build of instance aborted"));
      return l;
    };
    DiagnosisReport a = ClusterDiagnosis.analyse(withServers(broken));
    DiagnosisReport b = ClusterDiagnosis.analyse(withServers(broken));
    assertEquals(a.text(), b.text());
    assertEquals(a.json(), b.json());
    assertEquals(List.of(Kind.MEMBER_ERROR, Kind.MAINTENANCE_OPT_IN_MISSING, Kind.MAINTENANCE_ANNOUNCED),
        a.findings().stream().map(Finding::kind).toList(), "critical first, then by kind");
    for (String out : List.of(a.text(), a.json(), a.toString(), a.observations().toString())) {
      assertFalse(out.contains("s3cr3t-value"), "metadata other than the provider's keys stays out: " + out);
    }
    JsonNode json = new ObjectMapper().readTree(a.json());
    assertEquals("prod", json.path("cluster").asText());
    assertEquals(1, json.path("counts").path("critical").asInt());
    assertEquals(2, json.path("counts").path("warning").asInt());
    assertEquals("MEMBER_ERROR", json.path("findings").get(0).path("kind").asText());
    assertEquals("Build of instance aborted", json.path("findings").get(0).path("evidence").get(1).asText().substring(7));
    assertEquals(3, json.path("placement").get(0).path("hosts").size());
    assertFalse(a.json().contains("\r"));
  }
}
