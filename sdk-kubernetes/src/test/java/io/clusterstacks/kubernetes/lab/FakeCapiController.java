package io.clusterstacks.kubernetes.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Cluster API and Cluster Stack Operator controllers, which do not run in the lab: writes the
 * status subresource of Cluster, MachineDeployment and ClusterStack objects the way those controllers
 * do, so that waits and status reads can be tested against a real API server, which validates each write
 * against the CRD's status schema (an invalid shape is a 422, not a silent success).
 *
 * <p>Shapes and names, all from {@value #CAPI} unless noted:
 * <ul>
 *   <li>Cluster {@code status} fields: {@code api/v1beta1/cluster_types.go} ({@code ClusterStatus},
 *       {@code ClusterV1Beta2Status}, {@code ClusterControlPlaneStatus}, {@code WorkersStatus}).</li>
 *   <li>Phases and when they apply: {@code api/v1beta1/cluster_phase_types.go} and
 *       {@code internal/controllers/cluster/cluster_controller_phases.go} ({@code reconcilePhase}:
 *       Provisioning once an infrastructure or control-plane ref is set, Provisioned as soon as the
 *       infrastructure is ready and the control-plane endpoint is valid, i.e. before the control plane
 *       is usable; Failed on a failureReason/Message; Deleting once deletionTimestamp is set).</li>
 *   <li>v1beta1 conditions ({@code Ready}, {@code InfrastructureReady}, {@code ControlPlaneInitialized},
 *       {@code ControlPlaneReady}; reasons {@code WaitingForInfrastructure},
 *       {@code WaitingForControlPlane}, {@code Deleting}; severity only when False):
 *       {@code api/v1beta1/condition_consts.go}, {@code api/v1beta1/condition_types.go}.</li>
 *   <li>v1beta2 conditions ({@code metav1.Condition}: reason and message required; types
 *       {@code Available}, {@code InfrastructureReady}, {@code ControlPlaneInitialized},
 *       {@code ControlPlaneAvailable}, {@code WorkersAvailable}, {@code RemoteConnectionProbe},
 *       {@code Deleting}; reasons {@code Available}/{@code NotAvailable}, {@code Ready}/{@code NotReady},
 *       {@code Initialized}/{@code NotInitialized}, {@code NoWorkers}, {@code NotDeleting}):
 *       {@code api/v1beta1/cluster_types.go} and {@code api/v1beta1/v1beta2_condition_consts.go};
 *       {@code NoWorkers} with status True: {@code internal/controllers/cluster/cluster_controller_status.go}
 *       ({@code setWorkersAvailableCondition}).</li>
 *   <li>MachineDeployment status: {@code api/v1beta1/machinedeployment_types.go}
 *       ({@code MachineDeploymentStatus}, {@code MachineDeploymentV1Beta2Status}; phases ScalingUp,
 *       ScalingDown, Running).</li>
 *   <li>ClusterStack status: {@value #CSO} {@code api/v1alpha1/clusterstack_types.go}
 *       ({@code ClusterStackStatus}, {@code ClusterStackReleaseSummary}, phase {@code "done"}) and the
 *       {@code Ready} summary condition set by {@code conditions.SetSummary} in
 *       {@code internal/controller/clusterstack_controller.go}.</li>
 * </ul>
 * This is a test double of controllers, not of the API server: every write goes through the real
 * {@code /status} subresource.
 */
public final class FakeCapiController {
  /** The Cluster API source the shapes follow. */
  public static final String CAPI = "kubernetes-sigs/cluster-api v1.10.10 (commit 5757c1c5ddd28861d933277f10fda3aa98538883)";
  /** The Cluster Stack Operator source the ClusterStack shape follows. */
  public static final String CSO = "SovereignCloudStack/cluster-stack-operator v0.2.0-alpha.1 (commit b3680fbbd4ebd89dfaabfe9a598cde00d1a1ab88)";

  private static final Logger LOG = LoggerFactory.getLogger(FakeCapiController.class);

  /** Stages of a Cluster's life as CAPI's cluster controller reports them. */
  public enum Stage {
    /** Created, nothing referenced yet: phase Pending. */
    PENDING,
    /** Infrastructure being created: phase Provisioning, nothing ready. */
    PROVISIONING,
    /** Infrastructure ready (phase Provisioned, as CAPI says), control plane not yet initialized. */
    INFRASTRUCTURE_READY,
    /** Control plane initialized and ready to receive requests; workers may still come up. */
    CONTROL_PLANE_READY,
    /** Everything available (needs all workers available, else it reports WorkersAvailable False). */
    AVAILABLE,
    /** deletionTimestamp set: phase Deleting. */
    DELETING,
    /** failureReason/failureMessage set: phase Failed. */
    FAILED
  }

  /** Machine counts of one role, as in {@code ClusterControlPlaneStatus} / {@code WorkersStatus}. */
  public record Replicas(int desired, int replicas, int ready, int upToDate, int available) {
    /** {@code n} desired and {@code ready} of them ready, up to date and available. */
    public static Replicas of(int desired, int ready) {
      return new Replicas(desired, desired, ready, ready, ready);
    }
  }

  private final LabHttp http;

  /** A controller writing through {@code http}. */
  public FakeCapiController(LabHttp http) {
    this.http = http;
    LOG.info("FakeCapiController plays the Cluster API / CSO controllers (none run in the lab); shapes from {}", CAPI);
  }

  /** The path of a Cluster. */
  public static String clusterPath(String namespace, String name) {
    return "/apis/cluster.x-k8s.io/v1beta1/namespaces/" + namespace + "/clusters/" + name;
  }

  /**
   * Writes the Cluster's whole status for {@code stage} with these machine counts; conditions whose
   * status did not change keep their lastTransitionTime. Returns the object the server stored.
   */
  public JsonNode writeCluster(String namespace, String name, Stage stage, Replicas controlPlane, Replicas workers) {
    JsonNode current = http.get(clusterPath(namespace, name)).ok("get Cluster " + namespace + "/" + name).json();
    long generation = current.path("metadata").path("generation").asLong();
    ObjectNode status = clusterStatus(stage, controlPlane, workers, generation, Instant.now(), current.path("status"));
    JsonNode stored = writeStatus(clusterPath(namespace, name), status);
    LOG.info("FakeCapiController: Cluster {}/{} -> {} (control plane {}, workers {})", namespace, name, stage, controlPlane, workers);
    return stored;
  }

  /**
   * Replaces {@code status} through the object's /status subresource in one write (GET, then PUT with
   * the resourceVersion read, retried on a 409 conflict), as controller-runtime's status update does.
   */
  public JsonNode writeStatus(String objectPath, ObjectNode status) {
    for (int attempt = 1; ; attempt++) {
      ObjectNode obj = (ObjectNode) http.get(objectPath).ok("get " + objectPath).json();
      obj.set("status", status);
      LabHttp.Response r = http.send("PUT", objectPath + "/status", LabHttp.JSON_TYPE, obj);
      if (r.status() != 409 || attempt == 5) {
        return r.ok("write status of " + objectPath).json();
      }
    }
  }

  /** The Cluster status CAPI's controller would write for {@code stage} (pure; no request). */
  public static ObjectNode clusterStatus(Stage stage, Replicas cp, Replicas workers, long generation,
      Instant now, JsonNode previous) {
    boolean infra = stage.compareTo(Stage.INFRASTRUCTURE_READY) >= 0 && stage != Stage.FAILED;
    boolean cpReady = stage.compareTo(Stage.CONTROL_PLANE_READY) >= 0 && stage != Stage.FAILED;
    boolean deleting = stage == Stage.DELETING;
    boolean workersOk = workers.desired() == 0 || workers.available() >= workers.desired();
    boolean available = cpReady && infra && workersOk && !deleting && stage == Stage.AVAILABLE;
    String phase = switch (stage) {
      case PENDING -> "Pending";
      case PROVISIONING -> "Provisioning";
      case INFRASTRUCTURE_READY, CONTROL_PLANE_READY, AVAILABLE -> "Provisioned";
      case DELETING -> "Deleting";
      case FAILED -> "Failed";
    };
    ObjectNode st = LabHttp.object();
    st.put("phase", phase).put("infrastructureReady", infra).put("controlPlaneReady", cpReady)
        .put("observedGeneration", generation);
    if (stage == Stage.FAILED) {
      st.put("failureReason", "InvalidConfiguration").put("failureMessage", "set by FakeCapiController for a test");
    }
    String ts = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, String> oldV1 = transitions(previous.path("conditions"));
    Map<String, String> oldV2 = transitions(previous.path("v1beta2").path("conditions"));

    // v1beta1 conditions (Condition in api/v1beta1/condition_types.go; severity only when False).
    ArrayNode c1 = st.putArray("conditions");
    boolean ready = infra && cpReady && !deleting;
    v1(c1, oldV1, ts, "Ready", ready, deleting ? "Deleting" : infra ? "WaitingForControlPlane" : "WaitingForInfrastructure", "Info");
    v1(c1, oldV1, ts, "InfrastructureReady", infra, "WaitingForInfrastructure", "Info");
    v1(c1, oldV1, ts, "ControlPlaneInitialized", cpReady, "WaitingForControlPlaneProviderInitialized", "Info");
    v1(c1, oldV1, ts, "ControlPlaneReady", cpReady, "WaitingForControlPlane", "Info");

    // status.v1beta2 (ClusterV1Beta2Status in api/v1beta1/cluster_types.go).
    ObjectNode v2 = st.putObject("v1beta2");
    ArrayNode c2 = v2.putArray("conditions");
    v2(c2, oldV2, ts, generation, "Available", available, available ? "Available" : "NotAvailable");
    v2(c2, oldV2, ts, generation, "InfrastructureReady", infra, infra ? "Ready" : "NotReady");
    v2(c2, oldV2, ts, generation, "ControlPlaneInitialized", cpReady, cpReady ? "Initialized" : "NotInitialized");
    v2(c2, oldV2, ts, generation, "ControlPlaneAvailable", cpReady, cpReady ? "Available" : "NotAvailable");
    v2(c2, oldV2, ts, generation, "WorkersAvailable", workersOk,
        workers.desired() == 0 ? "NoWorkers" : workersOk ? "Available" : "NotAvailable");
    v2(c2, oldV2, ts, generation, "RemoteConnectionProbe", cpReady, cpReady ? "ProbeSucceeded" : "ProbeFailed");
    v2(c2, oldV2, ts, generation, "Deleting", deleting, deleting ? "Deleting" : "NotDeleting");
    replicas(v2.putObject("controlPlane"), cp);
    replicas(v2.putObject("workers"), workers);
    return st;
  }

  private static Map<String, String> transitions(JsonNode conditions) {
    Map<String, String> m = new LinkedHashMap<>();
    for (JsonNode c : conditions) {
      m.put(c.path("type").asText() + "=" + c.path("status").asText(), c.path("lastTransitionTime").asText());
    }
    return m;
  }

  private static void v1(ArrayNode list, Map<String, String> old, String ts, String type, boolean ok,
      String falseReason, String severity) {
    String status = ok ? "True" : "False";
    ObjectNode c = list.addObject().put("type", type).put("status", status)
        .put("lastTransitionTime", old.getOrDefault(type + "=" + status, ts));
    if (!ok) {
      c.put("reason", falseReason).put("severity", severity);
    }
  }

  private static void v2(ArrayNode list, Map<String, String> old, String ts, long generation, String type,
      boolean ok, String reason) {
    String status = ok ? "True" : "False";
    list.addObject().put("type", type).put("status", status).put("observedGeneration", generation)
        .put("lastTransitionTime", old.getOrDefault(type + "=" + status, ts)).put("reason", reason)
        // CAPI often leaves the message of a True condition empty; this writes a text either way, because
        // the lab's first build (BUILD_REV r1) refused "" in any custom-resource string field.
        .put("message", (ok ? "" : "not ") + type.toLowerCase(java.util.Locale.ROOT)
            + " (set by FakeCapiController: no Cluster API controller runs in the lab)");
  }

  private static void replicas(ObjectNode o, Replicas r) {
    o.put("desiredReplicas", r.desired()).put("replicas", r.replicas()).put("readyReplicas", r.ready())
        .put("upToDateReplicas", r.upToDate()).put("availableReplicas", r.available());
  }

  /** Writes a MachineDeployment's status for these counts (v1beta1 fields plus {@code status.v1beta2}). */
  public JsonNode writeMachineDeployment(String namespace, String name, Replicas r) {
    String path = "/apis/cluster.x-k8s.io/v1beta1/namespaces/" + namespace + "/machinedeployments/" + name;
    JsonNode current = http.get(path).ok("get MachineDeployment " + namespace + "/" + name).json();
    long generation = current.path("metadata").path("generation").asLong();
    String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, String> oldV1 = transitions(current.path("status").path("conditions"));
    Map<String, String> oldV2 = transitions(current.path("status").path("v1beta2").path("conditions"));
    boolean ok = r.available() >= r.desired();
    ObjectNode st = LabHttp.object();
    st.put("observedGeneration", generation).put("replicas", r.replicas()).put("updatedReplicas", r.upToDate())
        .put("readyReplicas", r.ready()).put("availableReplicas", r.available())
        .put("unavailableReplicas", Math.max(0, r.replicas() - r.available()))
        .put("phase", r.replicas() < r.desired() ? "ScalingUp" : r.replicas() > r.desired() ? "ScalingDown" : "Running");
    ArrayNode c1 = st.putArray("conditions");
    v1(c1, oldV1, ts, "Ready", ok, "WaitingForAvailableMachines", "Warning");
    v1(c1, oldV1, ts, "Available", ok, "WaitingForAvailableMachines", "Warning");
    v1(c1, oldV1, ts, "MachineSetReady", ok, "WaitingForMachineSet", "Info");
    ObjectNode v2 = st.putObject("v1beta2");
    v2(v2.putArray("conditions"), oldV2, ts, generation, "Available", ok, ok ? "Available" : "NotAvailable");
    v2.put("readyReplicas", r.ready()).put("availableReplicas", r.available()).put("upToDateReplicas", r.upToDate());
    return writeStatus(path, st);
  }

  /**
   * Writes a ClusterStack's status as CSO does once its releases are processed: one summary entry per
   * release (phase {@code "done"} when ready), {@code latestRelease}, and the {@code Ready} condition.
   */
  public JsonNode writeClusterStack(String namespace, String name, boolean ready, List<String> releases) {
    String path = "/apis/clusterstack.x-k8s.io/v1alpha1/namespaces/" + namespace + "/clusterstacks/" + name;
    http.get(path).ok("get ClusterStack " + namespace + "/" + name);
    String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode st = LabHttp.object();
    st.put("latestRelease", releases.isEmpty() ? "" : releases.get(releases.size() - 1));
    ArrayNode summary = st.putArray("summary");
    for (String rel : releases) {
      ObjectNode s = summary.addObject().put("name", rel).put("ready", ready)
          .put("phase", ready ? "done" : "downloading release assets");
      if (!ready) {
        s.put("message", "set by FakeCapiController (no Cluster Stack Operator runs in the lab)");
      }
    }
    ObjectNode c = st.putArray("conditions").addObject().put("type", "Ready").put("status", ready ? "True" : "False")
        .put("lastTransitionTime", ts);
    if (!ready) {
      c.put("reason", "ReleaseAssetsNotDownloadedYet").put("severity", "Info");
    }
    return writeStatus(path, st);
  }
}
