package io.clusterstacks.core.manifest.internal;

import io.clusterstacks.core.manifest.ApplyStep;
import io.clusterstacks.core.manifest.DeleteGuard;
import io.clusterstacks.core.manifest.DeleteStep;
import io.clusterstacks.core.manifest.DocumentId;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestPhase;
import io.clusterstacks.core.manifest.WaitCondition;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackException;
import io.clusterstacks.core.stack.StackVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the apply order and the delete plan of a set of documents from their {@link ManifestPhase}
 * (see there for the reasons of the order). Pure: the same documents give the same steps.
 */
public final class LifecycleOrder {
  private static final String CSO_GROUP = "clusterstack.x-k8s.io";
  private static final String CAPI_GROUP = "cluster.x-k8s.io";

  private LifecycleOrder() {}

  /**
   * The apply steps: one per phase that has documents, in phase order.
   *
   * @param documents the documents, in render order
   * @return the steps
   */
  public static List<ApplyStep> applyOrder(List<ManifestDocument> documents) {
    Map<ManifestPhase, List<ManifestDocument>> byPhase = byPhase(documents);
    List<ApplyStep> out = new ArrayList<>();
    for (Map.Entry<ManifestPhase, List<ManifestDocument>> e : byPhase.entrySet()) {
      List<ManifestDocument> docs = e.getValue();
      ApplyStep.Builder b = ApplyStep.builder().phase(e.getKey());
      switch (e.getKey()) {
        case NAMESPACES:
          b.reason("namespaces first: every other object lives in one");
          break;
        case CONFIGURATION:
          b.reason("Secrets and ConfigMaps before the objects that read them: providers look up cloud "
              + "credentials as soon as an object refers to them");
          break;
        case CLUSTER_STACKS: {
          // the CSPO template a ClusterStack's providerRef names goes first
          List<ManifestDocument> sorted = new ArrayList<>();
          docs.stream().filter(d -> !d.kind().equals("ClusterStack")).forEach(sorted::add);
          docs.stream().filter(d -> d.kind().equals("ClusterStack")).forEach(sorted::add);
          docs = sorted;
          List<DocumentId> releases = new ArrayList<>();
          for (ManifestDocument d : docs) {
            if (isClusterStack(d.id())) {
              for (ClusterClassName c : classesOf(d)) {
                releases.add(csoId("ClusterStackRelease", d.namespace(), c.releaseName()));
              }
            }
          }
          if (!releases.isEmpty()) {
            b.waitFor(WaitCondition.ready(releases));
          }
          b.reason("ClusterStacks before the Clusters using their classes: the cluster stack operator creates "
              + "a ClusterStackRelease and a ClusterClass per version, and the Cluster webhooks (CAPI's class "
              + "lookup, CSO's exact Kubernetes version) check fully only once the release is ready");
          break;
        }
        case SUPPORTING:
          b.reason("templates, ORC objects and ClusterResourceSets before the Cluster that refers to them");
          break;
        case CLUSTER_OWNED:
          b.reason("the infrastructure cluster, control plane and machine deployments before the Cluster, so its "
              + "references resolve when it appears; CAPI then makes the Cluster own them");
          break;
        case CLUSTERS:
          b.waitFor(WaitCondition.ready(ids(docs)));
          b.reason("the Cluster last: it starts provisioning, and every object it refers to exists by then");
          break;
        default:
          throw new IllegalStateException("unhandled phase " + e.getKey());
      }
      out.add(b.documents(docs).build());
    }
    return List.copyOf(out);
  }

  /**
   * The delete steps, following Cluster API ownership.
   *
   * @param documents the documents, in render order
   * @return the steps
   */
  public static List<DeleteStep> deletePlan(List<ManifestDocument> documents) {
    Map<ManifestPhase, List<ManifestDocument>> byPhase = byPhase(documents);
    List<DeleteStep> out = new ArrayList<>();
    add(out, byPhase, ManifestPhase.CLUSTERS, Optional.empty(), "delete the Cluster first and wait until it is "
        + "gone: CAPI deletes what it owns (control plane, infrastructure cluster, machine deployments, machines "
        + "and, in topology mode, the templates it cloned); deleting owned objects first only makes the topology "
        + "controller create them again");
    add(out, byPhase, ManifestPhase.CLUSTER_OWNED, Optional.empty(), "objects CAPI made the Cluster own are "
        + "normally gone with it; any left (never adopted) are deleted now");
    add(out, byPhase, ManifestPhase.SUPPORTING, Optional.empty(), "then the objects the Cluster referred to "
        + "without owning them (templates, ORC objects, ClusterResourceSets); some may already be gone through "
        + "owner references CAPI set");
    List<DocumentId> classes = new ArrayList<>();
    for (ManifestDocument d : byPhase.getOrDefault(ManifestPhase.CLUSTER_STACKS, List.of())) {
      if (isClusterStack(d.id())) {
        for (ClusterClassName c : classesOf(d)) {
          classes.add(DocumentId.of(CAPI_GROUP + "/v1beta1", "ClusterClass", d.namespace(), c.format()));
        }
      }
    }
    add(out, byPhase, ManifestPhase.CLUSTER_STACKS,
        Optional.of(DeleteGuard.builder().type(DeleteGuard.Type.NO_CLUSTER_USES_CLASSES).classes(classes).build()),
        "the ClusterStack only when no Cluster uses its classes (the cluster stack operator refuses the delete "
            + "otherwise; other clusters may share the stack)");
    add(out, byPhase, ManifestPhase.CONFIGURATION, Optional.empty(), "credential Secrets and ConfigMaps last: "
        + "the providers' finalizers (CAPO, ORC, CSPO) need the cloud credentials to clean up");
    add(out, byPhase, ManifestPhase.NAMESPACES,
        Optional.of(DeleteGuard.builder().type(DeleteGuard.Type.NAMESPACE_EMPTY).build()),
        "the namespace only when nothing else is left in it: deleting a namespace deletes all it holds");
    return List.copyOf(out);
  }

  private static void add(List<DeleteStep> out, Map<ManifestPhase, List<ManifestDocument>> byPhase,
      ManifestPhase phase, Optional<DeleteGuard> guard, String reason) {
    List<ManifestDocument> docs = byPhase.get(phase);
    if (docs == null) {
      return;
    }
    // reverse apply order within the phase (a ClusterStack before the CSPO template it points at)
    List<DocumentId> ids = new ArrayList<>();
    for (int i = docs.size() - 1; i >= 0; i--) {
      ids.add(docs.get(i).id());
    }
    if (phase == ManifestPhase.CLUSTER_STACKS) {
      List<DocumentId> sorted = new ArrayList<>();
      ids.stream().filter(LifecycleOrder::isClusterStack).forEach(sorted::add);
      ids.stream().filter(i -> !isClusterStack(i)).forEach(sorted::add);
      ids = sorted;
    }
    out.add(DeleteStep.builder().phase(phase).objects(ids).waitFor(WaitCondition.gone(ids)).guard(guard)
        .reason(reason).build());
  }

  private static Map<ManifestPhase, List<ManifestDocument>> byPhase(List<ManifestDocument> documents) {
    Map<ManifestPhase, List<ManifestDocument>> out = new EnumMap<>(ManifestPhase.class);
    for (ManifestDocument d : documents) {
      out.computeIfAbsent(d.phase(), p -> new ArrayList<>()).add(d);
    }
    return out;
  }

  private static List<DocumentId> ids(List<ManifestDocument> docs) {
    return docs.stream().map(ManifestDocument::id).toList();
  }

  private static boolean isClusterStack(DocumentId id) {
    return id.group().equals(CSO_GROUP) && id.kind().equals("ClusterStack");
  }

  private static DocumentId csoId(String kind, Optional<String> namespace, String name) {
    return DocumentId.of(CSO_GROUP + "/v1alpha1", kind, namespace, name);
  }

  /** The classes a ClusterStack document installs; none when its spec does not name them validly. */
  private static List<ClusterClassName> classesOf(ManifestDocument d) {
    Object spec = d.toMap().get("spec");
    if (!(spec instanceof Map<?, ?> s)) {
      return List.of();
    }
    Object provider = s.get("provider");
    Object name = s.get("name");
    Object minor = s.get("kubernetesVersion");
    Object versions = s.get("versions");
    if (!(provider instanceof String p) || !(name instanceof String n) || !(minor instanceof String k)
        || !(versions instanceof List<?> vs)) {
      return List.of();
    }
    List<ClusterClassName> out = new ArrayList<>();
    for (Object v : vs) {
      if (v instanceof String text) {
        try {
          out.add(new ClusterClassName(p, n, k, StackVersion.parse(text)));
        } catch (StackException | IllegalArgumentException e) {
          // an invalid version installs no class; the validator reports it
        }
      }
    }
    return out;
  }
}
