package io.clusterstacks.benchmarks.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterstacks.core.manifest.ManifestRenderer;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.ClusterClassName;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One cluster's manifests: the SDK's full rendering (model → trees → deterministic YAML) against
 * plain Jackson writing the very same trees (already built) with a default {@code YAMLMapper}.
 * The goal is at most 1.5× the plain-Jackson time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {

  /** Which cluster: a scs2 topology cluster, or the same cluster in raw CAPI mode (11 documents). */
  @Param({"topology", "raw"})
  public String mode;

  private ClusterSpec spec;
  private List<JsonNode> trees;
  private io.clusterstacks.core.manifest.Manifests rendered;
  private final YAMLMapper plain = new YAMLMapper();

  /** Builds the spec and, once, the trees plain Jackson serialises. */
  @Setup
  public void setup() {
    boolean raw = mode.equals("raw");
    ClusterClassName c = ClusterClassName.of("scs2", "1.34", "v2");
    var cp = MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4-20s")).rootDisk(RootDisk.flavorDisk())
        .image(ImageRef.glanceName("ubuntu-capi-image-v1.34.7"));
    if (raw) {
      cp.serverGroup(ServerGroupRef.toCreate("prod-cp", ServerGroupPolicy.ANTI_AFFINITY))
          .putServerMetadata("ps_restart_after_maint", "true")
          .bootstrap(BootstrapAdditions.builder()
              .addFiles(BootstrapFile.of("/etc/modules-load.d/k8s.conf", "overlay\nbr_netfilter\n"))
              .addPreKubeadmCommands("modprobe overlay", "modprobe br_netfilter").build());
    } else {
      cp.serverGroup(ServerGroupRef.known("3adf4e92-bb33-4e44-8ad3-afda9dfe8ec3"));
    }
    spec = ClusterSpec.builder().name("prod").namespace("tenant-a").className(c)
        .mode(raw ? OutputMode.RAW_CAPI : OutputMode.TOPOLOGY)
        .clusterStack(ClusterStack.builder().from(ClusterStack.forClass("openstack", c)).namespace("tenant-a").build())
        .controlPlane(cp.build())
        .workers(MachineInputs.builder().flavor(FlavorRef.byName("SCS-4V-8")).rootDisk(RootDisk.volume(50))
            .serverGroup(ServerGroupRef.known("869fe071-1e56-46a9-9166-47c9f228e297")).build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 3), MachineDeploymentSpec.of("md-1", 2))
        .clusterNetwork(ClusterNetwork.defaults())
        .oidc(OidcConfig.of("https://dex.example.com", "kubectl"))
        .credentials(CloudCredentials.of(CloudAuth.applicationCredential("https://keystone.example.com:5000/v3", "id", "secret")))
        .build();
    rendered = ManifestRenderer.render(spec);
    trees = new java.util.ArrayList<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (io.clusterstacks.core.manifest.ManifestDocument d : rendered.documents()) {
      try {
        trees.add(json.readTree(d.toJson()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The SDK: build every object from the model and write deterministic YAML.
   *
   * @return the YAML
   */
  @Benchmark
  public String sdkRender() {
    return ManifestRenderer.render(spec).toYaml();
  }

  /**
   * The SDK's writer alone on already rendered manifests (to separate tree building from writing).
   *
   * @return the YAML
   */
  @Benchmark
  public String sdkWriteOnly() {
    return rendered.toYaml();
  }

  /**
   * The peer: plain Jackson writes the same, already built, trees.
   *
   * @return the YAML
   * @throws JsonProcessingException never here
   */
  @Benchmark
  public String plainJackson() throws JsonProcessingException {
    StringBuilder sb = new StringBuilder();
    for (JsonNode t : trees) {
      sb.append(plain.writeValueAsString(t));
    }
    return sb.toString();
  }
}
