package io.clusterstacks.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kamaji.placement.KamajiDeployment;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.PodRules;
import io.clusterstacks.kamaji.placement.RuleStrength;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import io.clusterstacks.kubernetes.lab.FakeKubelet;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SchedulerSimulation} against the real kube-scheduler (v1.20.2) of the Kubernetes lab, pod by pod, on
 * small generated fleets (under 100 nodes, so both score every feasible node). Each worker is a Node
 * (FakeKubelet; no containers run) labelled with its hypervisor; each tenant gets a headless Service selecting
 * its pods, as Kamaji's API-server Service does, so the default topology spread applies as it does to a
 * Deployment's pods; the pods carry the rules {@link KamajiDeployment} renders for the spread (required hostname
 * and hypervisor anti-affinity for hard, preferred of weight 100 for soft). Pods are created one at a time; the
 * real scheduler's node must be one of the simulation's highest-scored feasible nodes (its tie is random), and
 * a pod the simulation finds no node for must stay Unschedulable. The simulation then binds the pod where the
 * real scheduler did, and the next pod follows.
 */
class SchedulerSimulationAgreementIT {

  @Test
  void theSimulationChoosesAsTheRealSchedulerPodByPod() throws Exception {
    Random rnd = new Random(1420);
    List<String> failures = new ArrayList<>();
    int pods = 0;
    int pending = 0;
    int ties = 0;
    int instances = 6;
    try (KubernetesClient client = KubernetesLab.get().newClient()) {
      for (int c = 0; c < instances; c++) {
        String run = "simx" + c + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        FleetInstance inst = instance(rnd, run);
        SchedulerSimulation.Cluster sim = new SchedulerSimulation.Cluster(inst, 1);
        Map<String, Integer> idx = inst.workerIndex();
        FakeKubelet.Builder kb = FakeKubelet.builder(KubernetesLab.get().http()).runPods(false);
        for (ManagementWorker w : inst.workers()) {
          kb.node(w.name(), Map.of(Kamaji.HYPERVISOR_LABEL, w.hypervisor()));
        }
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(run).endMetadata().build())
            .create();
        try (FakeKubelet kubelet = kb.start()) {
          kubelet.awaitSchedulable(Duration.ofSeconds(60));
          for (TenantRequest t : inst.tenants()) {
            client.services().inNamespace(run).resource(service(client, run, t)).create();
          }
          Thread.sleep(1_000);
          for (int ti = 0; ti < inst.tenants().size(); ti++) {
            TenantRequest t = inst.tenants().get(ti);
            for (int r = 0; r < t.replicas(); r++) {
              Set<String> expected = new TreeSet<>();
              for (int node : sim.choices(ti)) {
                expected.add(sim.names[node]);
              }
              String name = t.name() + "-" + r;
              client.pods().inNamespace(run).resource(pod(client, run, t, name, kubelet.id())).create();
              String node = awaitDecision(client, run, name);
              pods++;
              ties += expected.size() > 1 ? 1 : 0;
              if (node == null) {
                pending++;
                if (!expected.isEmpty()) {
                  failures.add(run + " " + name + ": real scheduler left it Unschedulable, simulation chose " + expected);
                }
              } else {
                if (!expected.contains(node)) {
                  failures.add(run + " " + name + ": real scheduler chose " + node + ", simulation " + expected);
                }
                sim.bind(ti, idx.get(node));
              }
            }
          }
        } finally {
          client.namespaces().withName(run).delete();
        }
      }
    }
    System.out.println("SchedulerSimulationAgreementIT: " + instances + " fleets, " + pods + " pods (" + pending
        + " Unschedulable, " + ties + " with a tie), " + failures.size() + " disagreements");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** 2-4 hypervisors, 4-9 workers of the lab's default Node size (4 CPUs, 8 GiB), 4-9 tenants of 1-3 replicas. */
  private static FleetInstance instance(Random rnd, String run) {
    int hvs = 2 + rnd.nextInt(3);
    int nw = 4 + rnd.nextInt(6);
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < nw; i++) {
      String name = run + "-w" + i;
      // skewed: a third of the workers on the first hypervisor, the rest round-robin
      String hv = run + "-hv" + (i % 3 == 0 ? 0 : i % hvs);
      ws.add(ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(4_000).allocatableMemoryMiB(8_192)));
    }
    List<TenantRequest> ts = new ArrayList<>();
    int nt = 4 + rnd.nextInt(6);
    for (int i = 0; i < nt; i++) {
      String name = run + "-t" + i;
      int r = 1 + rnd.nextInt(3);
      Spread s = rnd.nextInt(3) == 0 ? Spread.SOFT : Spread.HARD;
      long cpu = 250 + 250L * rnd.nextInt(6);
      long mem = 512 + 512L * rnd.nextInt(6);
      ts.add(TenantRequest.of(t -> t.name(name).replicas(r).spread(s).cpuMillicores(cpu).memoryMiB(mem)));
    }
    return new FleetInstance(run, null, 0, ts, ws);
  }

  /** The pod's node once bound, or null once its PodScheduled condition says Unschedulable. */
  private static String awaitDecision(KubernetesClient client, String ns, String name) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      Pod p = client.pods().inNamespace(ns).withName(name).get();
      if (p != null && p.getSpec().getNodeName() != null && !p.getSpec().getNodeName().isEmpty()) {
        return p.getSpec().getNodeName();
      }
      if (p != null && p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
          .stream().anyMatch(x -> "PodScheduled".equals(x.getType()) && "Unschedulable".equals(x.getReason()))) {
        return null;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("pod " + ns + "/" + name + " neither bound nor Unschedulable after 60 s");
  }

  private static Service service(KubernetesClient client, String ns, TenantRequest t) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "v1");
    d.put("kind", "Service");
    d.put("metadata", Map.of("name", t.name(), "namespace", ns));
    d.put("spec", Map.of("clusterIP", "None", "selector", Map.of(KamajiDeployment.TENANT_POD_LABEL, t.name()),
        "ports", List.of(Map.of("name", "https", "port", 6443))));
    return client.getKubernetesSerialization().unmarshal(ManifestDocument.of(d).toJson(), Service.class);
  }

  private static Pod pod(KubernetesClient client, String ns, TenantRequest t, String name, String kubeletId) {
    RuleStrength s = t.spread() == Spread.HARD ? RuleStrength.REQUIRED : RuleStrength.PREFERRED;
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("nodeSelector", Map.of(FakeKubelet.LABEL, kubeletId));
    spec.put("terminationGracePeriodSeconds", 0);
    spec.put("containers", List.of(Map.of("name", "kube-apiserver", "image", "registry.k8s.io/pause:3.2",
        "resources", Map.of("requests", Map.of("cpu", t.cpuMillicores().getAsLong() + "m",
            "memory", t.memoryMiB().getAsLong() + "Mi")))));
    spec.putAll(KamajiDeployment.podFields(PodRules.of(x -> x.hostnameAntiAffinity(s).hypervisorAntiAffinity(s)),
        Map.of(KamajiDeployment.TENANT_POD_LABEL, t.name())));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", "v1");
    d.put("kind", "Pod");
    d.put("metadata", Map.of("name", name, "namespace", ns, "labels", Map.of(KamajiDeployment.TENANT_POD_LABEL, t.name())));
    d.put("spec", spec);
    return client.getKubernetesSerialization().unmarshal(ManifestDocument.of(d).toJson(), Pod.class);
  }
}
