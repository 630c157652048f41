package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.WorkloadApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workload cluster: its kubeconfig Secret and a probe of its API. */
public final class Workload {
  private static final Logger LOG = LoggerFactory.getLogger(Workload.class);

  private final Api api;

  /**
   * Over an API.
   *
   * @param api the management cluster
   */
  public Workload(Api api) {
    this.api = api;
  }

  /**
   * The result of one probe.
   *
   * @param state the state
   * @param version the gitVersion when it answered
   */
  public record Probe(WorkloadApi state, String version) {}

  /**
   * The Secret's reference.
   *
   * @param cluster the Cluster
   * @return {@code Secret <namespace>/<cluster>-kubeconfig}
   */
  public static ObjectRef secretRef(ObjectRef cluster) {
    return new ObjectRef("v1", "Secret", cluster.namespace(), cluster.name() + "-kubeconfig");
  }

  /**
   * The kubeconfig text from the Secret's {@code data.value}.
   *
   * @param cluster the Cluster
   * @return the text, empty when the Secret or its key is absent
   */
  public Optional<String> kubeconfigText(ObjectRef cluster) {
    Optional<GenericKubernetesResource> s = api.get(secretRef(cluster));
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Object data = s.get().getAdditionalProperties().get("data");
    Object value = data instanceof Map<?, ?> m ? m.get("value") : null;
    if (!(value instanceof String b64)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new KubernetesApiException(secretRef(cluster) + ": data.value is not base64; CAPI writes the"
          + " kubeconfig there base64-encoded, so the Secret was written by something else", 0, "", List.of(),
          Optional.of(secretRef(cluster)), null);
    }
  }

  /**
   * A client for the workload cluster.
   *
   * @param kubeconfig the kubeconfig text
   * @param timeoutMillis connect and request timeout
   * @return the client
   */
  public static KubernetesClient client(String kubeconfig, int timeoutMillis) {
    Config c = Config.fromKubeconfig(kubeconfig);
    if (timeoutMillis > 0) {
      c.setConnectionTimeout(timeoutMillis);
      c.setRequestTimeout(timeoutMillis);
      c.setRequestRetryBackoffLimit(0);
    }
    return new KubernetesClientBuilder().withConfig(c).build();
  }

  /**
   * Asks the workload API for {@code /version}.
   *
   * @param cluster the Cluster
   * @return what answered
   */
  public Probe probe(ObjectRef cluster) {
    Optional<String> kc = kubeconfigText(cluster);
    if (kc.isEmpty()) {
      return new Probe(WorkloadApi.NO_KUBECONFIG, "");
    }
    try (KubernetesClient c = client(kc.get(), 5000)) {
      String v = c.getKubernetesVersion().getGitVersion();
      return new Probe(WorkloadApi.ANSWERS, v == null ? "" : v);
    } catch (RuntimeException e) {
      LOG.debug("workload API of {} did not answer: {}", cluster, e.getClass().getSimpleName());
      return new Probe(WorkloadApi.UNREACHABLE, "");
    }
  }
}
