package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.kubernetes.ApplyConflictException;
import io.clusterstacks.kubernetes.InvalidObjectException;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.KubernetesApiException.Cause;
import io.clusterstacks.kubernetes.ObjectRef;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Discovery cache and error translation around one fabric8 client. */
public final class Api {
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]*)\"");

  private final KubernetesClient client;
  private final Map<String, Map<String, APIResource>> discovery = new ConcurrentHashMap<>();

  /**
   * Wraps a client.
   *
   * @param client the client
   */
  public Api(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The client.
   *
   * @return the client
   */
  public KubernetesClient client() {
    return client;
  }

  /**
   * The resource of a kind, from discovery (once per group version).
   *
   * @param ref the object
   * @return the resource definition
   * @throws KubernetesApiException when the server does not serve the kind
   */
  public ResourceDefinitionContext resource(ObjectRef ref) {
    Map<String, APIResource> kinds = discovery.computeIfAbsent(ref.apiVersion(), gv -> {
      APIResourceList list;
      try {
        list = client.getApiResources(gv);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          list = null;
        } else {
          throw fail(e, Optional.of(ref), "discover " + gv + " for");
        }
      }
      Map<String, APIResource> m = new ConcurrentHashMap<>();
      if (list != null) {
        for (APIResource r : list.getResources()) {
          if (!r.getName().contains("/")) {
            m.put(r.getKind(), r);
          }
        }
      }
      return m;
    });
    APIResource r = kinds.get(ref.kind());
    if (r == null) {
      discovery.remove(ref.apiVersion());
      throw new KubernetesApiException(ref + ": the management cluster does not serve kind " + ref.kind()
          + " in " + ref.apiVersion() + "; install its CRD (or the provider that brings it) first",
          404, "NotFound", List.of(), Optional.of(ref), null);
    }
    return new ResourceDefinitionContext.Builder()
        .withGroup(ref.group())
        .withVersion(ref.apiVersion().substring(ref.apiVersion().indexOf('/') + 1))
        .withKind(ref.kind())
        .withPlural(r.getName())
        .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
        .build();
  }

  /**
   * Reads an object.
   *
   * @param ref the object, with its namespace when namespaced
   * @return the object, or empty when absent
   */
  public Optional<GenericKubernetesResource> get(ObjectRef ref) {
    ResourceDefinitionContext rdc = resource(ref);
    try {
      var ops = client.genericKubernetesResources(rdc);
      GenericKubernetesResource r = rdc.isNamespaceScoped()
          ? ops.inNamespace(ref.namespace()).withName(ref.name()).get()
          : ops.withName(ref.name()).get();
      return Optional.ofNullable(r);
    } catch (KubernetesClientException e) {
      throw fail(e, Optional.of(ref), "read");
    }
  }

  /**
   * The API server's URL, for messages.
   *
   * @return e.g. {@code https://127.0.0.1:16443/}
   */
  public String server() {
    return client.getConfiguration().getMasterUrl();
  }

  /**
   * {@link #translate(KubernetesClientException, Optional, String, String)} for this client's server.
   *
   * @param e the failure
   * @param ref the object, if any
   * @param action what was done, e.g. {@code apply}
   * @return the typed exception
   */
  public KubernetesApiException fail(KubernetesClientException e, Optional<ObjectRef> ref, String action) {
    return translate(e, ref, action, server());
  }

  /**
   * Turns a fabric8 failure into the SDK's typed exception, with every cause the server listed.
   *
   * @param e the failure
   * @param ref the object, if any
   * @param action what was done, e.g. {@code apply}
   * @param server the API server's URL, named when it did not answer
   * @return the typed exception
   */
  public static KubernetesApiException translate(KubernetesClientException e, Optional<ObjectRef> ref,
      String action, String server) {
    int code = Math.max(0, e.getCode());
    Status s = e.getStatus();
    String reason = s != null && s.getReason() != null ? s.getReason() : "";
    String serverMessage = s != null && s.getMessage() != null ? s.getMessage() : "";
    List<Cause> causes = new ArrayList<>();
    if (s != null && s.getDetails() != null && s.getDetails().getCauses() != null) {
      for (StatusCause c : s.getDetails().getCauses()) {
        causes.add(new Cause(nz(c.getField()), nz(c.getReason()), nz(c.getMessage())));
      }
    }
    String what = action + " " + ref.map(ObjectRef::toString).orElse("");
    if (code == 422 && ref.isPresent()) {
      StringBuilder sb = new StringBuilder(what).append(": the API server rejected it (422 ").append(reason)
          .append("), ").append(causes.size()).append(" cause(s): ");
      for (int i = 0; i < causes.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(causes.get(i));
      }
      if (causes.isEmpty()) {
        sb.append(serverMessage);
      }
      sb.append(". Fix these fields in the plan and apply again.");
      return new InvalidObjectException(sb.toString(), reason, causes, ref.get(), e);
    }
    if (code == 409 && ref.isPresent() && causes.stream().anyMatch(c -> c.reason().equals("FieldManagerConflict"))) {
      List<ApplyConflictException.FieldConflict> conflicts = new ArrayList<>();
      for (Cause c : causes) {
        Matcher m = MANAGER.matcher(c.message());
        conflicts.add(new ApplyConflictException.FieldConflict(c.field(), m.find() ? m.group(1) : "",
            c.message()));
      }
      StringBuilder sb = new StringBuilder(what).append(": ").append(conflicts.size())
          .append(" field(s) owned by another field manager: ");
      for (int i = 0; i < conflicts.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(conflicts.get(i));
      }
      sb.append(". Apply with force to take them over, or remove them from the plan.");
      return new ApplyConflictException(sb.toString(), causes, conflicts, ref.get(), e);
    }
    String msg;
    if (code == 0) {
      msg = what + ": the management cluster's API server " + server + " did not answer (" + rootMessage(e)
          + "); check that it runs and that the kubeconfig's server URL is right";
    } else if (code == 401 || code == 403) {
      msg = what + ": " + code + " " + reason + ": " + serverMessage
          + ". The credentials lack a permission; see ManagementCluster.leastPrivilegeRole()";
    } else if (serverMessage.contains("field not declared in schema")) {
      msg = what + ": " + code + " " + reason + ": " + serverMessage + ". The object has a field its CRD does"
          + " not declare (Kubernetes before 1.25 answers a server-side apply of one this way); find every such"
          + " field offline with sdk-core's strict CrdValidator";
    } else {
      msg = what + ": " + code + " " + reason + ": " + serverMessage;
    }
    return new KubernetesApiException(msg, code, reason, causes, ref, e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
