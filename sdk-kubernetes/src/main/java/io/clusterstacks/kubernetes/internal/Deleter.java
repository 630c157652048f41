package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.core.manifest.DeleteGuard;
import io.clusterstacks.core.manifest.DeleteStep;
import io.clusterstacks.core.manifest.DocumentId;
import io.clusterstacks.kubernetes.DeleteOptions;
import io.clusterstacks.kubernetes.DeleteOutcome;
import io.clusterstacks.kubernetes.DeleteResult;
import io.clusterstacks.kubernetes.DeleteTimeoutException;
import io.clusterstacks.kubernetes.DeleteVerdict;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.RemainingObject;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a plan's objects along sdk-core's delete plan ({@code Manifests.deletePlan()}), step by step,
 * each step waiting until its objects are gone (finalizers done) before the next starts.
 *
 * <p>An object owned (an ownerReference, read before anything is deleted) by another object of the plan
 * is not deleted by the SDK: the garbage collector removes it once its owner is gone, and the SDK waits
 * for that in the object's step. A step guarded by {@code NO_CLUSTER_USES_CLASSES} keeps each
 * ClusterStack that a Cluster in its namespace still uses; one guarded by {@code NAMESPACE_EMPTY} keeps a
 * namespace that still holds Clusters or ClusterStacks.
 */
public final class Deleter {
  private static final Logger LOG = LoggerFactory.getLogger(Deleter.class);

  private final Api api;
  private final String defaultNamespace;
  private final Clock clock;

  /**
   * A deleter.
   *
   * @param api the API
   * @param defaultNamespace for documents without a namespace
   * @param clock the clock
   */
  public Deleter(Api api, String defaultNamespace, Clock clock) {
    this.api = api;
    this.defaultNamespace = defaultNamespace;
    this.clock = clock;
  }

  /**
   * Deletes along the plan.
   *
   * @param plan the delete plan
   * @param options timeout and poll interval
   * @return what was done, in delete order
   * @throws DeleteTimeoutException when objects remain at the timeout
   */
  public DeleteResult delete(List<DeleteStep> plan, DeleteOptions options) {
    Instant deadline = clock.instant().plus(options.timeout());
    List<List<ObjectRef>> steps = new ArrayList<>();
    List<ObjectRef> order = new ArrayList<>();
    for (DeleteStep step : plan) {
      List<ObjectRef> refs = new ArrayList<>();
      for (DocumentId id : step.objects()) {
        ObjectRef r = resolve(ObjectRef.of(id));
        refs.add(r);
        order.add(r);
      }
      steps.add(refs);
    }
    Map<ObjectRef, DeleteOutcome> outcomes = new LinkedHashMap<>();
    // Ownership is read before anything is deleted: once an owner is gone, the garbage collector may
    // remove its dependents before their turn comes.
    Map<ObjectRef, Optional<GenericKubernetesResource>> live = new LinkedHashMap<>();
    Set<String> planUids = new HashSet<>();
    for (ObjectRef r : order) {
      Optional<GenericKubernetesResource> o = api.get(r);
      live.put(r, o);
      o.ifPresent(x -> planUids.add(x.getMetadata().getUid()));
    }
    for (int p = 0; p < plan.size(); p++) {
      Optional<DeleteGuard> guard = plan.get(p).guard();
      List<ObjectRef> waiting = new ArrayList<>();
      Map<ObjectRef, DeleteVerdict> verdicts = new LinkedHashMap<>();
      for (ObjectRef r : steps.get(p)) {
        Optional<GenericKubernetesResource> before = live.get(r);
        if (before.isEmpty()) {
          outcomes.put(r, new DeleteOutcome(r, DeleteVerdict.ABSENT, ""));
          continue;
        }
        if (ownedBy(before.get(), planUids)) {
          verdicts.put(r, DeleteVerdict.REMOVED_BY_OWNER);
          waiting.add(r);
          continue;
        }
        Optional<String> keep = guard.flatMap(g -> keepBecause(g, r, before.get()));
        if (keep.isPresent()) {
          outcomes.put(r, new DeleteOutcome(r, DeleteVerdict.KEPT_IN_USE, keep.get()));
          continue;
        }
        deleteOne(r);
        verdicts.put(r, DeleteVerdict.DELETED);
        waiting.add(r);
      }
      List<RemainingObject> remaining = awaitGone(waiting, deadline, options.pollInterval());
      for (Map.Entry<ObjectRef, DeleteVerdict> e : verdicts.entrySet()) {
        if (remaining.stream().noneMatch(x -> x.object().equals(e.getKey()))) {
          outcomes.put(e.getKey(), new DeleteOutcome(e.getKey(), e.getValue(), ""));
        }
      }
      if (!remaining.isEmpty()) {
        List<DeleteOutcome> partial = new ArrayList<>();
        for (ObjectRef r : order) {
          partial.add(outcomes.getOrDefault(r, new DeleteOutcome(r, DeleteVerdict.NOT_ATTEMPTED,
              verdicts.containsKey(r) ? "still there at the timeout" : "")));
        }
        throw new DeleteTimeoutException(options.timeout(), remaining, new DeleteResult(partial));
      }
    }
    List<DeleteOutcome> out = new ArrayList<>();
    for (ObjectRef r : order) {
      out.add(outcomes.get(r));
    }
    return new DeleteResult(out);
  }

  private ObjectRef resolve(ObjectRef r) {
    ResourceDefinitionContext rdc = api.resource(r);
    if (!rdc.isNamespaceScoped()) {
      return r.inNamespace("");
    }
    return r.namespace().isEmpty() ? r.inNamespace(defaultNamespace) : r;
  }

  /** Why a guarded object is kept, if it is. */
  private Optional<String> keepBecause(DeleteGuard guard, ObjectRef r, GenericKubernetesResource live) {
    if (guard.type() == DeleteGuard.Type.NO_CLUSTER_USES_CLASSES) {
      if (!r.kind().equals("ClusterStack")) {
        return Optional.empty();
      }
      List<String> classes = guard.classes().stream()
          .filter(c -> c.namespace().orElse("").equals(r.namespace()) || c.namespace().isEmpty())
          .map(DocumentId::name).toList();
      return clusterUsing(r, live, classes).map(c -> "used by " + c);
    }
    // NAMESPACE_EMPTY: the namespace still holds Clusters or ClusterStacks (of this plan or others).
    for (ObjectRef probe : List.of(StatusReader.clusterRef(r.name(), "any"),
        new ObjectRef(StatusReader.CLUSTER_STACK_API_VERSION, "ClusterStack", r.name(), "any"))) {
      try {
        List<GenericKubernetesResource> items = api.client().genericKubernetesResources(api.resource(probe))
            .inNamespace(r.name()).list().getItems();
        if (!items.isEmpty()) {
          return Optional.of("still holds " + probe.kind() + "/" + items.get(0).getMetadata().getName());
        }
      } catch (KubernetesClientException e) {
        throw api.fail(e, Optional.of(r), "list what is left in");
      }
    }
    return Optional.empty();
  }

  private static boolean ownedBy(GenericKubernetesResource r, Set<String> planUids) {
    List<OwnerReference> owners = r.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> planUids.contains(o.getUid()));
  }

  /**
   * The Cluster in the ClusterStack's namespace whose {@code topology.class} comes from it: one of the
   * classes the delete plan names, or any release of it ({@code <provider>-<name>-<major>-<minor>-...}).
   */
  private Optional<String> clusterUsing(ObjectRef stackRef, GenericKubernetesResource stack, List<String> classes) {
    Map<String, Object> spec = StatusReader.map(stack.getAdditionalProperties().get("spec"));
    String prefix = StatusReader.str(spec.get("provider")) + "-" + StatusReader.str(spec.get("name")) + "-"
        + StatusReader.str(spec.get("kubernetesVersion")).replace('.', '-') + "-";
    ObjectRef any = StatusReader.clusterRef(stackRef.namespace(), "any");
    List<GenericKubernetesResource> clusters;
    try {
      clusters = api.client().genericKubernetesResources(api.resource(any)).inNamespace(stackRef.namespace())
          .list().getItems();
    } catch (KubernetesClientException e) {
      throw api.fail(e, Optional.of(stackRef), "list the Clusters that may use");
    }
    for (GenericKubernetesResource c : clusters) {
      Map<String, Object> topology = StatusReader.map(
          StatusReader.map(c.getAdditionalProperties().get("spec")).get("topology"));
      String cls = StatusReader.str(topology.get("class"));
      String classNs = StatusReader.str(topology.get("classNamespace"));
      boolean sameNs = classNs.isEmpty() || classNs.equals(stackRef.namespace());
      if (sameNs && (cls.startsWith(prefix) || classes.contains(cls))) {
        return Optional.of("Cluster/" + c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()
            + " (class " + cls + ")");
      }
    }
    return Optional.empty();
  }

  private void deleteOne(ObjectRef r) {
    ResourceDefinitionContext rdc = api.resource(r);
    try {
      var ops = api.client().genericKubernetesResources(rdc);
      var res = rdc.isNamespaceScoped() ? ops.inNamespace(r.namespace()).withName(r.name())
          : ops.withName(r.name());
      res.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      LOG.debug("delete {}: requested", r);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw api.fail(e, Optional.of(r), "delete");
      }
    }
  }

  private List<RemainingObject> awaitGone(List<ObjectRef> refs, Instant deadline, Duration poll) {
    List<ObjectRef> left = new ArrayList<>(refs);
    while (true) {
      List<RemainingObject> remaining = new ArrayList<>();
      for (ObjectRef r : left) {
        Optional<GenericKubernetesResource> live;
        try {
          live = api.get(r);
        } catch (KubernetesApiException e) {
          if (e.code() != 0 && e.code() < 500) {
            throw e;
          }
          live = Optional.of(new GenericKubernetesResource());
          LOG.info("management cluster did not answer while waiting for {} to go; retrying", r);
        }
        if (live.isPresent()) {
          var md = live.get().getMetadata();
          remaining.add(new RemainingObject(r, md != null && md.getDeletionTimestamp() != null,
              md == null || md.getFinalizers() == null ? List.of() : md.getFinalizers()));
        }
      }
      if (remaining.isEmpty() || !clock.instant().isBefore(deadline)) {
        return remaining;
      }
      left = remaining.stream().map(RemainingObject::object).toList();
      try {
        Thread.sleep(Math.max(1, Math.min(poll.toMillis(), Duration.between(clock.instant(), deadline).toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return remaining;
      }
    }
  }
}
