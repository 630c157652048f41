package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;

/** The Cluster Stack Operator's objects: ClusterStack and the CSPO release template it refers to. */
public final class StackObjects {
  private StackObjects() {}

  /**
   * Renders a ClusterStack.
   *
   * @param cs the ClusterStack
   * @return the tree
   */
  public static ObjectNode clusterStack(ClusterStack cs) {
    ObjectNode d = RenderContext.header(ApiVersions.CSO, "ClusterStack", cs.name(), cs.namespace());
    ObjectNode spec = d.putObject("spec");
    spec.put("provider", cs.provider());
    spec.put("name", cs.stackName());
    spec.put("kubernetesVersion", cs.kubernetesVersion());
    spec.put("channel", cs.channel().value());
    spec.put("autoSubscribe", cs.autoSubscribe());
    if (cs.noProvider()) {
      spec.put("noProvider", true);
    } else {
      RenderContext.ref(spec, "providerRef", ApiVersions.CSPO, "OpenStackClusterStackReleaseTemplate",
          cs.providerRef().get());
    }
    ArrayNode versions = spec.putArray("versions");
    cs.versions().forEach(versions::add);
    return d;
  }

  /**
   * Renders a CSPO release template.
   *
   * @param t the template
   * @return the tree
   */
  public static ObjectNode cspoTemplate(CspoReleaseTemplate t) {
    ObjectNode d = RenderContext.header(ApiVersions.CSPO, "OpenStackClusterStackReleaseTemplate", t.name(),
        t.namespace());
    ObjectNode id = d.putObject("spec").putObject("template").putObject("spec").putObject("identityRef");
    id.put("kind", "Secret");
    id.put("name", t.identitySecretName());
    return d;
  }
}
