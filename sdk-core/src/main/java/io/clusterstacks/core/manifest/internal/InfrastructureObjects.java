package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.manifest.Notice;
import io.clusterstacks.core.model.ApiServerLoadBalancer;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.NodeNetwork;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.VariableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** CAPO's objects (raw mode): the OpenStackCluster and the OpenStackMachineTemplates of each role. */
final class InfrastructureObjects {
  private InfrastructureObjects() {}

  /**
   * The OpenStackCluster; {@code pods}: for a Kamaji control plane, which serves the tenant API from the management
   * cluster, so the cluster gets no API load balancer and no floating IP (the provider writes the tenant
   * endpoint into {@code apiServerFixedIP} and {@code apiServerPort}).
   */
  static ObjectNode openStackCluster(RenderContext ctx, boolean pods) {
    var s = ctx.s;
    ObjectNode d = ctx.header(ApiVersions.CAPO, "OpenStackCluster", s.name());
    ObjectNode spec = d.putObject("spec");
    ObjectNode id = spec.putObject("identityRef");
    id.put("cloudName", ctx.cloudName());
    id.put("name", ctx.secretName());
    Optional<NodeNetwork> nn = s.nodeNetwork();
    Optional<String> nodeCidr = s.effectiveNodeCidr();
    if (nodeCidr.isPresent()) {
      ObjectNode subnet = spec.putArray("managedSubnets").addObject();
      subnet.put("cidr", nodeCidr.get());
      List<String> dns = nn.map(NodeNetwork::dnsNameservers).filter(l -> !l.isEmpty())
          .orElseGet(() -> defaultStrings(ctx, CommonVariable.DNS_NAMESERVERS));
      if (!dns.isEmpty()) {
        ArrayNode a = subnet.putArray("dnsNameservers");
        dns.forEach(a::add);
      }
    }
    nn.flatMap(NodeNetwork::externalNetworkId).ifPresent(x -> spec.putObject("externalNetwork").put("id", x));
    if (nn.isPresent() && nn.get().mtu().isPresent()) {
      spec.put("networkMTU", nn.get().mtu().getAsInt());
    }
    ApiServerLoadBalancer lb = pods ? ApiServerLoadBalancer.NONE
        : s.loadBalancer().orElse(ApiServerLoadBalancer.OCTAVIA_AMPHORA);
    if (pods) {
      spec.put("disableAPIServerFloatingIP", true);
    }
    ObjectNode lbn = spec.putObject("apiServerLoadBalancer");
    lbn.put("enabled", lb != ApiServerLoadBalancer.NONE);
    if (lb != ApiServerLoadBalancer.NONE) {
      lbn.put("provider", lb.octaviaProvider());
    }
    spec.putObject("managedSecurityGroups").put("allowAllInClusterTraffic", true);
    return d;
  }

  /** The dialect's default of a list variable, as strings (raw mode takes the stack's defaults). */
  private static List<String> defaultStrings(RenderContext ctx, CommonVariable v) {
    Optional<Object> def = ctx.dialectVar(v).flatMap(VariableSpec::defaultValue);
    List<String> out = new ArrayList<>();
    if (def.isPresent() && def.get() instanceof List<?> l) {
      for (Object o : l) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  static ObjectNode machineTemplate(RenderContext ctx, String name, Role role, MachineInputs in, String version) {
    ObjectNode d = ctx.header(ApiVersions.CAPO, "OpenStackMachineTemplate", name);
    ObjectNode spec = d.putObject("spec").putObject("template").putObject("spec");
    FlavorRef flavor = in.flavor().orElseGet(() -> FlavorRef.byName(String.valueOf(
        ctx.dialectVar(CommonVariable.flavor(role)).flatMap(VariableSpec::defaultValue).orElseThrow())));
    if (flavor instanceof FlavorRef.ById) {
      spec.put("flavorID", flavor.value());
    } else {
      spec.put("flavor", flavor.value());
    }
    ImageRef img = in.image().orElseGet(() -> {
      String n = "ubuntu-capi-image-" + version;
      ctx.notices.add(Notice.of(Severity.INFO, Notice.Code.IMAGE_DEFAULTED, "no image was given for "
          + (role == Role.CONTROL_PLANE ? "the control plane" : name) + "; using the Glance image named " + n
          + " (the SCS CAPI image convention)"));
      return ImageRef.glanceName(n);
    });
    ObjectNode image = spec.putObject("image");
    if (img instanceof ImageRef.GlanceName) {
      image.putObject("filter").put("name", img.value());
    } else if (img instanceof ImageRef.GlanceId) {
      image.put("id", img.value());
    } else {
      image.putObject("imageRef").put("name", img.value());
    }
    Optional<RootDisk> rd = in.rootDisk();
    if (rd.isEmpty()) {
      Optional<Object> def = ctx.dialectVar(CommonVariable.rootDisk(role)).flatMap(VariableSpec::defaultValue);
      if (def.isPresent() && def.get() instanceof Long l && l > 0) {
        rd = Optional.of(RootDisk.volume(l.intValue()));
      }
    }
    rd.filter(r -> r instanceof RootDisk.Volume).map(r -> (RootDisk.Volume) r).ifPresent(v -> {
      ObjectNode rv = spec.putObject("rootVolume");
      rv.put("sizeGiB", v.sizeGiB());
      v.volumeType().ifPresent(t -> rv.put("type", t));
    });
    in.serverGroup().ifPresent(sg -> {
      if (sg instanceof ServerGroupRef.Known k) {
        spec.putObject("serverGroup").put("id", k.id());
      } else if (sg instanceof ServerGroupRef.ToCreate c) {
        spec.putObject("serverGroup").putObject("filter").put("name", c.name());
      }
    });
    if (!in.serverMetadata().isEmpty()) {
      ArrayNode md = spec.putArray("serverMetadata");
      new TreeMap<>(in.serverMetadata()).forEach((k, v) -> {
        ObjectNode e = md.addObject();
        e.put("key", k);
        e.put("value", v);
      });
    }
    ctx.s.sshKeyName().ifPresent(k -> spec.put("sshKeyName", k));
    return d;
  }
}
