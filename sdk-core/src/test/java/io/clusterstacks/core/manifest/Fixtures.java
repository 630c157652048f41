package io.clusterstacks.core.manifest;

import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.ClusterClassName;
import java.util.Optional;

/** Shared test inputs. */
final class Fixtures {
  static final String SECRET = "Sup3r-s3cret-value";
  static final String PASSWORD = "Pa55w0rd-not-for-logs";
  static final String CP_GROUP = "3adf4e92-bb33-4e44-8ad3-afda9dfe8ec3";
  static final String WORKER_GROUP = "869fe071-1e56-46a9-9166-47c9f228e297";
  static final String EXTERNAL = "ebfe5546-f09f-4f42-ab54-094e457d42ec";

  private Fixtures() {}

  static CloudCredentials appCredential() {
    return CloudCredentials.builder().auth(CloudAuth.applicationCredential("https://keystone.example.com:5000/v3", "app-id-1", SECRET))
        .regionName("RegionOne").build();
  }

  static CloudCredentials password() {
    return CloudCredentials.builder().secretName("tenant-a").cloudName("tenant-a")
        .auth(CloudAuth.password("https://keystone.example.com:5000/v3", "alice", PASSWORD, "Default", "0f1e2d3c4b5a"))
        .build();
  }

  static OrcImage orcImage(String name) {
    return OrcImage.builder().name(name).url("https://images.example.com/" + name + ".qcow2")
        .checksum("f7bf12297833cca14de6d24081c8a01e99143651e4c01431b911375300550fe0").visibility("private")
        .architecture("x86_64").minDiskGB(20).minMemoryMB(2048).osDistro("ubuntu").osVersion("24.04").build();
  }

  static ClusterSpec.Builder scs2() {
    ClusterClassName c = ClusterClassName.of("scs2", "1.34", "v2");
    return ClusterSpec.builder().name("prod").namespace("cluster").className(c)
        .clusterStack(ClusterStack.builder().from(ClusterStack.forClass("openstack", c)).namespace("cluster").build())
        .controlPlaneReplicas(3)
        .controlPlane(MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4-20s")).rootDisk(RootDisk.flavorDisk())
            .serverGroup(ServerGroupRef.known(CP_GROUP)).build())
        .workers(MachineInputs.builder().flavor(FlavorRef.byName("SCS-4V-8")).rootDisk(RootDisk.volume(50))
            .serverGroup(ServerGroupRef.known(WORKER_GROUP)).build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 3))
        .clusterNetwork(ClusterNetwork.defaults());
  }

  static BootstrapAdditions cloudInitAdditions() {
    return BootstrapAdditions.builder()
        .addFiles(BootstrapFile.builder().path("/etc/modules-load.d/k8s.conf").content("overlay\nbr_netfilter\n")
            .permissions("0644").owner("root:root").build())
        .addPreKubeadmCommands("modprobe overlay", "modprobe br_netfilter")
        .putKubeletExtraArgs("node-labels", "role=test")
        .build();
  }

  static BootstrapAdditions ignitionAdditions() {
    return BootstrapAdditions.builder().format(BootstrapFormat.IGNITION).nodeName("${COREOS_OPENSTACK_HOSTNAME}")
        .putKubeletExtraArgs("provider-id", "openstack:///${COREOS_OPENSTACK_INSTANCE_UUID}")
        .ignitionAdditionalConfig("systemd:\n  units:\n  - name: kubeadm.service\n    enabled: true\n")
        .addPreKubeadmCommands("envsubst < /etc/kubeadm.yml > /etc/kubeadm.yml.tmp", "mv /etc/kubeadm.yml.tmp /etc/kubeadm.yml")
        .build();
  }

  static Optional<ImageRef> image(String kind, String version) {
    switch (kind) {
      case "glanceName":
        return Optional.of(ImageRef.glanceName("ubuntu-capi-image-" + version));
      case "glanceId":
        return Optional.of(ImageRef.glanceId("5b8f1c42-0d7a-4d55-9a39-0e9a7f6a1c11"));
      case "orc":
        return Optional.of(ImageRef.orc("ubuntu-2404-kube-" + version));
      case "orcToCreate":
        return Optional.of(ImageRef.orcToCreate(orcImage("ubuntu-capi-image-" + version)));
      default:
        return Optional.empty();
    }
  }
}
