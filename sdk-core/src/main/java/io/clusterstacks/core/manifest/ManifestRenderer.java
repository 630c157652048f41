package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.internal.ClusterRenderer;
import io.clusterstacks.core.manifest.internal.OrcObjects;
import io.clusterstacks.core.manifest.internal.StackObjects;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders the typed model to Kubernetes objects. Pure: no network, no clock; the same input gives
 * the same documents in the same order.
 *
 * <p>Topology mode: ClusterStack (+ CSPO template), credential Secrets and ClusterResourceSet, ORC
 * Images to create, and the {@code Cluster}. Raw CAPI mode: credential Secrets and
 * ClusterResourceSet, ORC Images and ServerGroups, {@code Cluster}, {@code OpenStackCluster},
 * {@code KubeadmControlPlane}, and per role an {@code OpenStackMachineTemplate}, plus per machine
 * deployment a {@code KubeadmConfigTemplate} and a {@code MachineDeployment} — with a notice that no
 * stack addons are installed. With the kamaji stack the control plane is a {@code KamajiControlPlane}
 * (pods in the management cluster: no control-plane machine template) and the {@code OpenStackCluster}
 * has no API load balancer and no floating IP; sdk-kamaji's {@code KamajiDeployment.withRules} adds the
 * pods' placement rules.
 */
public final class ManifestRenderer {
  private ManifestRenderer() {}

  /**
   * Renders a cluster with the default options.
   *
   * @param spec the cluster
   * @return the manifests and notices
   * @throws UnresolvedServerGroupException when a server group has no ID where the mode needs one
   */
  public static Manifests render(ClusterSpec spec) {
    InvalidInputException.requireArgument(spec, "spec");
    return render(spec, RenderOptions.defaults());
  }

  /**
   * Renders a cluster.
   *
   * @param spec the cluster
   * @param options what to include
   * @return the manifests and notices
   * @throws UnresolvedServerGroupException when a server group has no ID where the mode needs one
   * @throws InvalidInputException when two roles define different objects with the same name
   */
  public static Manifests render(ClusterSpec spec, RenderOptions options) {
    InvalidInputException.requireArgument(spec, "spec");
    InvalidInputException.requireArgument(options, "options");
    List<ObjectNode> docs = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    ClusterRenderer.render(spec, options, docs, notices);
    return wrap(docs, notices);
  }

  /**
   * Renders a ClusterStack alone.
   *
   * @param stack the ClusterStack
   * @return one document
   */
  public static Manifests render(ClusterStack stack) {
    InvalidInputException.requireArgument(stack, "stack");
    return wrap(List.of(StackObjects.clusterStack(stack)), List.of());
  }

  /**
   * Renders a CSPO release template alone.
   *
   * @param template the template
   * @return one document
   */
  public static Manifests render(CspoReleaseTemplate template) {
    InvalidInputException.requireArgument(template, "template");
    return wrap(List.of(StackObjects.cspoTemplate(template)), List.of());
  }

  /**
   * Renders an ORC Image alone (credentials {@code openstack}/{@code openstack} unless the image names others).
   *
   * @param image the image
   * @param namespace the namespace, if any
   * @return one document
   */
  public static Manifests render(OrcImage image, Optional<String> namespace) {
    InvalidInputException.requireArgument(image, "image");
    InvalidInputException.requireArgument(namespace, "namespace");
    return wrap(List.of(OrcObjects.orcImage(image, namespace, "openstack", "openstack")), List.of());
  }

  private static Manifests wrap(List<ObjectNode> docs, List<Notice> notices) {
    List<ManifestDocument> out = new ArrayList<>(docs.size());
    for (ObjectNode d : docs) {
      out.add(ManifestDocument.owning(d));
    }
    return Manifests.of(out, notices);
  }
}
