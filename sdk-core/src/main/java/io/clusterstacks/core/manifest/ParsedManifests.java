package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.manifest.internal.OrcObjects;
import io.clusterstacks.core.manifest.internal.StackObjects;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.OrcImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The result of {@link ManifestParser#parse(String)}: typed values where known, generic documents otherwise. */
public final class ParsedManifests {
  private final List<ParsedDocument> documents;
  private final List<Notice> notices;

  ParsedManifests(List<ParsedDocument> documents, List<Notice> notices) {
    this.documents = List.copyOf(documents);
    this.notices = List.copyOf(notices);
  }

  /**
   * Every document in input order.
   *
   * @return the documents
   */
  public List<ParsedDocument> documents() {
    return documents;
  }

  /**
   * Notes on documents kept generic and partial version checks.
   *
   * @return the notices
   */
  public List<Notice> notices() {
    return notices;
  }

  /**
   * The typed ClusterStacks.
   *
   * @return in input order
   */
  public List<ClusterStack> clusterStacks() {
    return typed(ClusterStack.class);
  }

  /**
   * The typed topology-mode Clusters.
   *
   * @return in input order
   */
  public List<ClusterSpec> clusters() {
    return typed(ClusterSpec.class);
  }

  /**
   * The typed ORC Images.
   *
   * @return in input order
   */
  public List<OrcImage> orcImages() {
    return typed(OrcImage.class);
  }

  /**
   * The typed CSPO release templates.
   *
   * @return in input order
   */
  public List<CspoReleaseTemplate> cspoTemplates() {
    return typed(CspoReleaseTemplate.class);
  }

  /**
   * The documents kept generic.
   *
   * @return in input order
   */
  public List<ManifestDocument> generic() {
    List<ManifestDocument> out = new ArrayList<>();
    for (ParsedDocument d : documents) {
      if (d.typed().isEmpty()) {
        out.add(d.document());
      }
    }
    return out;
  }

  private <T> List<T> typed(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (ParsedDocument d : documents) {
      d.typed(type).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Renders every document again, typed ones from their typed value, generic ones as they were.
   *
   * @return the manifests, in input order
   */
  public Manifests render() {
    List<ManifestDocument> out = new ArrayList<>();
    List<Notice> n = new ArrayList<>();
    for (ParsedDocument d : documents) {
      Optional<Object> t = d.typed();
      if (t.isEmpty()) {
        out.add(d.document());
      } else if (t.get() instanceof ClusterSpec c) {
        Manifests m = ManifestRenderer.render(c, RenderOptions.builder().includeClusterStack(false).includeCredentials(false).build());
        out.addAll(m.documents());
        n.addAll(m.notices());
      } else if (t.get() instanceof ClusterStack cs) {
        out.add(ManifestDocument.owning(StackObjects.clusterStack(cs)));
      } else if (t.get() instanceof CspoReleaseTemplate ct) {
        out.add(ManifestDocument.owning(StackObjects.cspoTemplate(ct)));
      } else if (t.get() instanceof OrcImage img) {
        ObjectNode tree = OrcObjects.orcImage(img, d.document().namespace(), "openstack", "openstack");
        out.add(ManifestDocument.owning(tree));
      }
    }
    return Manifests.of(out, n);
  }

  @Override
  public String toString() {
    return "ParsedManifests" + documents.stream().map(d -> d.document() + (d.typed().isPresent() ? " typed" : " generic")).toList();
  }
}
