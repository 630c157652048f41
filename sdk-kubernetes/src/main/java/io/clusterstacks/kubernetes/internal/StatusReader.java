package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.Condition;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.RoleStatus;
import io.clusterstacks.kubernetes.WorkloadApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a Cluster's status (and its ClusterStack's) into a {@link ClusterStatus}. */
public final class StatusReader {
  /** The Cluster kind. */
  public static final String CLUSTER_API_VERSION = "cluster.x-k8s.io/v1beta1";
  /** The ClusterStack kind's apiVersion. */
  public static final String CLUSTER_STACK_API_VERSION = "clusterstack.x-k8s.io/v1alpha1";

  private final Api api;
  private final Workload workload;
  private final Clock clock;

  /**
   * A reader.
   *
   * @param api the API
   * @param workload workload probe
   * @param clock the clock for timestamps
   */
  public StatusReader(Api api, Workload workload, Clock clock) {
    this.api = api;
    this.workload = workload;
    this.clock = clock;
  }

  /**
   * The Cluster's reference.
   *
   * @param namespace namespace
   * @param name name
   * @return the reference
   */
  public static ObjectRef clusterRef(String namespace, String name) {
    return new ObjectRef(CLUSTER_API_VERSION, "Cluster", namespace, name);
  }

  /**
   * Reads the status once.
   *
   * @param cluster the Cluster
   * @param clusterStack the ClusterStack's name, if one is waited for
   * @param probe whether to probe the workload API when the conditions are ready
   * @return the status
   */
  public ClusterStatus read(ObjectRef cluster, Optional<String> clusterStack, boolean probe) {
    Optional<ObjectRef> stackRef = clusterStack.map(
        n -> new ObjectRef(CLUSTER_STACK_API_VERSION, "ClusterStack", cluster.namespace(), n));
    boolean stackReady = stackRef.map(r -> api.get(r).map(StatusReader::stackReady).orElse(false)).orElse(true);
    Optional<GenericKubernetesResource> c = api.get(cluster);
    if (c.isEmpty()) {
      return new ClusterStatus(clock.instant(), cluster, false, "", false, false, List.of(),
          RoleStatus.notReported("control plane"), RoleStatus.notReported("workers"), stackRef, stackReady,
          WorkloadApi.NOT_CHECKED, "");
    }
    Map<String, Object> st = map(c.get().getAdditionalProperties().get("status"));
    List<Condition> conditions = conditions(st.get("conditions"));
    Map<String, Object> v1beta2 = map(st.get("v1beta2"));
    ClusterStatus s = new ClusterStatus(clock.instant(), cluster, true, str(st.get("phase")),
        Boolean.TRUE.equals(st.get("infrastructureReady")), Boolean.TRUE.equals(st.get("controlPlaneReady")),
        conditions, role("control plane", v1beta2.get("controlPlane")), role("workers", v1beta2.get("workers")),
        stackRef, stackReady, WorkloadApi.NOT_CHECKED, "");
    if (probe && s.conditionsReady()) {
      Workload.Probe p = workload.probe(cluster);
      s = new ClusterStatus(s.observedAt(), cluster, true, s.phase(), s.infrastructureReady(),
          s.controlPlaneReady(), conditions, s.controlPlane(), s.workers(), stackRef, stackReady, p.state(),
          p.version());
    }
    return s;
  }

  /**
   * Whether a ClusterStack is ready: its {@code Ready} condition is True, or, without one, every entry
   * of {@code status.summary} is ready (and there is at least one).
   *
   * @param stack the ClusterStack
   * @return true when ready
   */
  static boolean stackReady(GenericKubernetesResource stack) {
    Map<String, Object> st = map(stack.getAdditionalProperties().get("status"));
    for (Condition c : conditions(st.get("conditions"))) {
      if (c.type().equals("Ready")) {
        return c.isTrue();
      }
    }
    Object summary = st.get("summary");
    if (summary instanceof List<?> l && !l.isEmpty()) {
      return l.stream().allMatch(e -> Boolean.TRUE.equals(map(e).get("ready")));
    }
    return false;
  }

  private static RoleStatus role(String role, Object o) {
    if (!(o instanceof Map<?, ?>)) {
      return RoleStatus.notReported(role);
    }
    Map<String, Object> m = map(o);
    return new RoleStatus(role, true, num(m.get("desiredReplicas")), num(m.get("replicas")),
        num(m.get("readyReplicas")), num(m.get("upToDateReplicas")), num(m.get("availableReplicas")));
  }

  private static List<Condition> conditions(Object o) {
    List<Condition> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        Map<String, Object> m = map(e);
        out.add(new Condition(str(m.get("type")), str(m.get("status")), str(m.get("reason")), str(m.get("message"))));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static int num(Object o) {
    return o instanceof Number n ? n.intValue() : 0;
  }
}
