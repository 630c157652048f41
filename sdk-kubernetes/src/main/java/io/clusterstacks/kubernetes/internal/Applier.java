package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.kubernetes.ApplyOptions;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ObjectOutcome;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.Verdict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server-side apply of documents one by one, stopping at the first rejection. */
public final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

  private final Api api;
  private final String fieldManager;
  private final String defaultNamespace;

  /**
   * An applier.
   *
   * @param api the API
   * @param fieldManager the field manager
   * @param defaultNamespace for namespaced documents without a namespace
   */
  public Applier(Api api, String fieldManager, String defaultNamespace) {
    this.api = api;
    this.fieldManager = fieldManager;
    this.defaultNamespace = defaultNamespace;
  }

  /**
   * Applies the documents in order.
   *
   * @param documents in apply order
   * @param options force and dry run
   * @return the outcome per document
   */
  public ApplyResult apply(List<ManifestDocument> documents, ApplyOptions options) {
    List<ObjectOutcome> out = new ArrayList<>();
    boolean stopped = false;
    KubernetesSerialization ser = api.client().getKubernetesSerialization();
    for (ManifestDocument doc : documents) {
      ObjectRef ref = ObjectRef.of(doc);
      if (stopped) {
        out.add(new ObjectOutcome(ref, Verdict.NOT_ATTEMPTED, Optional.empty()));
        continue;
      }
      try {
        ResourceDefinitionContext rdc = api.resource(ref);
        if (rdc.isNamespaceScoped() && ref.namespace().isEmpty()) {
          ref = ref.inNamespace(defaultNamespace);
        } else if (!rdc.isNamespaceScoped()) {
          ref = ref.inNamespace("");
        }
        GenericKubernetesResource desired = ser.unmarshal(doc.toYaml(), GenericKubernetesResource.class);
        if (rdc.isNamespaceScoped()) {
          desired.getMetadata().setNamespace(ref.namespace());
        }
        Optional<GenericKubernetesResource> before = api.get(ref);
        PatchContext pc = new PatchContext.Builder()
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .withFieldManager(fieldManager)
            .withForce(options.force())
            .withDryRun(options.dryRun() ? List.of("All") : null)
            .build();
        GenericKubernetesResource after;
        try {
          var ops = api.client().genericKubernetesResources(rdc);
          after = rdc.isNamespaceScoped()
              ? ops.inNamespace(ref.namespace()).resource(desired).patch(pc)
              : ops.resource(desired).patch(pc);
        } catch (KubernetesClientException e) {
          throw api.fail(e, Optional.of(ref), options.dryRun() ? "dry-run apply" : "apply");
        }
        Verdict v = before.isEmpty() ? Verdict.CREATED
            : comparable(ser, before.get()).equals(comparable(ser, after)) ? Verdict.UNCHANGED
            : Verdict.CONFIGURED;
        LOG.debug("{}apply {}: {}", options.dryRun() ? "dry-run " : "", ref, v);
        out.add(new ObjectOutcome(ref, v, Optional.empty()));
      } catch (KubernetesApiException e) {
        LOG.debug("apply {}: rejected ({} {})", ref, e.code(), e.reason());
        out.add(new ObjectOutcome(ref, Verdict.REJECTED, Optional.of(e)));
        stopped = true;
      }
    }
    return new ApplyResult(out, options.dryRun());
  }

  /**
   * The object as a map without the fields every write touches.
   *
   * @param ser the serialisation
   * @param r the object
   * @return the map
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> comparable(KubernetesSerialization ser, GenericKubernetesResource r) {
    Map<String, Object> m = new LinkedHashMap<>(ser.convertValue(r, Map.class));
    Object md = m.get("metadata");
    if (md instanceof Map<?, ?> meta) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) meta);
      copy.remove("resourceVersion");
      copy.remove("managedFields");
      copy.remove("generation");
      m.put("metadata", copy);
    }
    return m;
  }
}
