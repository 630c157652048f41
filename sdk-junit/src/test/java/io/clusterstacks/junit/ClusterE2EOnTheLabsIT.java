package io.clusterstacks.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.WorkloadAccess;
import io.clusterstacks.kubernetes.lab.FakeCapiController;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Replicas;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.clusterstacks.lifecycle.cluster.ClusterCreated;
import io.clusterstacks.lifecycle.cluster.ClusterDeleted;
import io.clusterstacks.lifecycle.cluster.ClusterLifecycle;
import io.clusterstacks.lifecycle.cluster.LifecycleListener;
import io.clusterstacks.lifecycle.lab.OpenStackLab;
import io.clusterstacks.openstack.OpenStackClient;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link ClusterE2E} on both labs, through JUnit's EngineTestKit: three example classes, each with the same
 * small plan (one control-plane machine, one worker) created in the OpenStack lab's Nova (its server groups) and
 * on the Kubernetes lab's kube-apiserver as the management cluster, under a token bound only to the SDK's Role.
 *
 * <p>No Cluster API controllers run here. While create waits, the test plays CAPI's cluster controller: it
 * writes the Cluster's status ({@link FakeCapiController}) and the kubeconfig Secret (the lab's own apiserver
 * stands in for the workload cluster). It boots no servers (CAPO does not run either), so the placement check
 * finds the groups empty and reports a warning; what is checked here is the extension, not the placement.
 */
class ClusterE2EOnTheLabsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  static String cluster;
  static String ns;
  static ClusterPlan plan;
  static KubernetesClient admin;
  static OpenStackClient member;
  static ManagementCluster mgmt;

  @BeforeAll
  static void labs() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    cluster = "e2e-" + run;
    ns = "e2e-it-" + run;
    admin = KubernetesLab.get().newClient();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    member = OpenStackLab.connect("lab-member");
    mgmt = ManagementCluster.builder().kubeconfig(RoleBoundToken.kubeconfig(admin, ns, "sdk", dir)).build();
    try (OpenStackClient a = OpenStackLab.connect("lab-admin")) {
      CloudProfile lab = a.discovery().discover("lab").profile().toBuilder().quirks(ProviderQuirks.PLUSCLOUD_OPEN).build();
      plan = Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster).className(ClusterClassName.of("scs2", "1.34", "v2"))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(1).policy(PlacementPolicy.antiAffinity())))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(1).policy(PlacementPolicy.softAntiAffinity())))), lab);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    try {
      if (mgmt != null) {
        mgmt.close();
      }
      if (admin != null) {
        admin.namespaces().withName(ns).delete();
        admin.close();
      }
      if (member != null) {
        member.close();
      }
    } finally {
      OpenStackLab.deleteLeftovers(List.of(), plan);
    }
  }

  static ClusterE2E e2e(boolean keep, Path reports) {
    return ClusterE2E.builder().plan(plan).namespace(ns).lifecycle(() -> ClusterLifecycle.of(member, mgmt))
        .keep(keep).reportDirectory(reports).build();
  }

  /** A test that passes, with all three parameters. */
  static class Passes {
    @RegisterExtension
    static ClusterE2E e2e;

    @Test
    void workloadAnswers(KubernetesClient workload, WorkloadAccess access, ClusterCreated created) {
      assertNotNull(workload.namespaces().withName("default").get(), "the workload's apiserver answers");
      assertEquals(cluster, access.cluster().name());
      assertEquals(cluster, created.report().cluster());
    }
  }

  /** A test that fails. */
  static class Fails {
    @RegisterExtension
    static ClusterE2E e2e;

    @Test
    void workloadCheckFails(KubernetesClient workload) {
      throw new AssertionError("the daily check failed on " + workload.getMasterUrl());
    }
  }

  /** A passing test whose cluster is kept. */
  static class Kept {
    @RegisterExtension
    static ClusterE2E e2e;

    @Test
    void passes(ClusterCreated created) {
      assertTrue(created.status().usable());
    }
  }

  /** Plays CAPI's cluster controller while create waits: once the Cluster is applied, it reports it available. */
  static Thread playCapi() {
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          if (admin.genericKubernetesResources("cluster.x-k8s.io/v1beta1", "Cluster").inNamespace(ns).withName(cluster)
              .get() != null) {
            new FakeCapiController(KubernetesLab.get().http()).writeCluster(ns, cluster, Stage.AVAILABLE, Replicas.of(1, 1),
                Replicas.of(1, 1));
            KubernetesLab.get().writeKubeconfigSecret(ns, cluster);
            return;
          }
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "capi-player");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static Map<String, TestExecutionResult> run(Class<?> examples, ClusterE2E e2e) throws Exception {
    examples.getDeclaredField("e2e").set(null, e2e); // JUnit reads the field when it runs the class
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    Thread capi = playCapi();
    try {
      EngineTestKit.engine("junit-jupiter").selectors(selectClass(examples)).execute().allEvents().finished().stream()
          .forEach(e -> results.put(e.getTestDescriptor().getDisplayName(), e.getRequiredPayload(TestExecutionResult.class)));
    } finally {
      capi.interrupt();
      capi.join();
    }
    return results;
  }

  void assertNothingLeft() {
    assertNull(admin.genericKubernetesResources("cluster.x-k8s.io/v1beta1", "Cluster").inNamespace(ns).withName(cluster).get(),
        "the Cluster is gone");
    for (ServerGroupRef.ToCreate g : plan.serverGroupsToCreate()) {
      assertTrue(member.serverGroups().find(g.name()).isEmpty(), "no server group " + g.name() + " in Nova");
    }
  }

  @Test
  void aPassingAFailingAndAKeptClass() throws Exception {
    Path reports = dir.resolve("reports");

    Map<String, TestExecutionResult> passes = run(Passes.class, e2e(false, reports));
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, passes.get("workloadAnswers(KubernetesClient, WorkloadAccess, ClusterCreated)")
        .getStatus(), passes.toString());
    assertNothingLeft();
    JsonNode json = JSON.readTree(Files.readString(reports.resolve(Passes.class.getName() + ".json")));
    System.out.println(json.toPrettyString());
    assertTrue(json.get("create").get("succeeded").asBoolean(), json.toString());
    assertEquals(8, json.get("create").get("steps").size(), json.toString());
    assertEquals("passed", json.get("tests").get(0).get("status").asText());
    assertEquals("DELETE_SERVER_GROUPS", json.get("delete").get("steps").get(2).get("step").asText(), json.toString());
    assertEquals(0, json.get("delete").get("remaining").size(), json.toString());

    Map<String, TestExecutionResult> fails = run(Fails.class, e2e(false, reports));
    TestExecutionResult failed = fails.get("workloadCheckFails(KubernetesClient)");
    assertEquals(TestExecutionResult.Status.FAILED, failed.getStatus(), fails.toString());
    assertTrue(failed.getThrowable().orElseThrow().getMessage().startsWith("the daily check failed"));
    assertNothingLeft();
    json = JSON.readTree(Files.readString(reports.resolve(Fails.class.getName() + ".json")));
    assertEquals("failed", json.get("tests").get(0).get("status").asText());
    assertFalse(json.get("kept").asBoolean());

    Map<String, TestExecutionResult> kept = run(Kept.class, e2e(true, reports));
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, kept.get("passes(ClusterCreated)").getStatus(), kept.toString());
    assertNotNull(admin.genericKubernetesResources("cluster.x-k8s.io/v1beta1", "Cluster").inNamespace(ns).withName(cluster).get(),
        "the kept Cluster is still there");
    for (ServerGroupRef.ToCreate g : plan.serverGroupsToCreate()) {
      assertTrue(member.serverGroups().find(g.name()).isPresent(), "the kept group " + g.name());
    }
    json = JSON.readTree(Files.readString(reports.resolve(Kept.class.getName() + ".json")));
    assertTrue(json.get("kept").asBoolean());
    assertTrue(json.get("delete").isNull());
    ClusterDeleted d = ClusterLifecycle.of(member, mgmt).delete(plan, ns, LifecycleListener.NONE);
    assertEquals(List.of(), d.remaining(), d.report().text());
    assertNothingLeft();
  }
}
