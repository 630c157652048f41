package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.image.ContainerRuntime;
import io.clusterstacks.core.image.HttpProxy;
import io.clusterstacks.core.image.NodeArchitecture;
import io.clusterstacks.core.image.PackageMirrors;
import io.clusterstacks.core.image.UbuntuNodeSetup;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the files and commands that turn a plain Ubuntu cloud image into a kubeadm node.
 *
 * <p>Repository facts: the Kubernetes deb repository per minor is
 * {@code https://pkgs.k8s.io/core:/stable:/v1.N/deb/} with its key at {@code Release.key}
 * (kubernetes.io "Installing kubeadm", and cri-o/packaging README); package versions there are
 * {@code 1.N.P-<revision>}, hence the pin {@code kubelet=1.N.P-*}. CRI-O streams follow the Kubernetes
 * minor ({@code CRIO_VERSION=v1.N} with {@code KUBERNETES_VERSION=v1.N}, cri-o/packaging README) and
 * live at {@code https://download.opensuse.org/repositories/isv:/cri-o:/stable:/v1.N/deb/} since
 * February 2025 (see {@link PackageMirrors#CRIO_DEB}).
 */
public final class UbuntuBootstrap {
  /** Where apt keyrings of added repositories are stored. */
  public static final String KEYRINGS = "/etc/apt/keyrings";

  private UbuntuBootstrap() {}

  /**
   * Generates the additions.
   *
   * @param setup the setup options
   * @param v the exact Kubernetes version
   * @param arch the node architecture
   * @return the additions
   */
  public static BootstrapAdditions generate(UbuntuNodeSetup setup, KubeVersion v, NodeArchitecture arch) {
    PackageMirrors m = setup.mirrors();
    ContainerRuntime runtime = setup.runtime();
    List<BootstrapFile> files = new ArrayList<>();
    List<String> cmds = new ArrayList<>();
    String curlProxy = setup.proxy().map(UbuntuBootstrap::curlProxyOption).orElse("");

    files.add(file("/etc/modules-load.d/kubernetes.conf", "overlay\nbr_netfilter\n"));
    files.add(file("/etc/sysctl.d/99-kubernetes.conf",
        "net.bridge.bridge-nf-call-iptables = 1\n"
            + "net.bridge.bridge-nf-call-ip6tables = 1\n"
            + "net.ipv4.ip_forward = 1\n"));
    String k8sRepo = m.kubernetesDeb() + v.stream() + "/deb/";
    files.add(file("/etc/apt/sources.list.d/kubernetes.list",
        "deb [signed-by=" + KEYRINGS + "/kubernetes-apt-keyring.gpg] " + k8sRepo + " /\n"));
    String crioRepo = m.crioDeb() + v.stream() + "/deb/";
    if (runtime instanceof ContainerRuntime.CriO) {
      files.add(file("/etc/apt/sources.list.d/cri-o.list",
          "deb [signed-by=" + KEYRINGS + "/cri-o-apt-keyring.gpg] " + crioRepo + " /\n"));
    }
    setup.proxy().ifPresent(p -> {
      files.add(file("/etc/apt/apt.conf.d/90clusterstacks-proxy", aptProxy(p)));
      files.add(file(
          "/etc/systemd/system/" + unitOf(runtime) + ".d/10-clusterstacks-proxy.conf", systemdProxy(p)));
    });
    if (runtime instanceof ContainerRuntime.ContainerdRelease) {
      files.add(file("/etc/systemd/system/containerd.service", CONTAINERD_UNIT));
    }

    cmds.add("swapoff -a");
    cmds.add("sed -ri '/\\sswap\\s/s/^#?/#/' /etc/fstab");
    cmds.add("modprobe overlay");
    cmds.add("modprobe br_netfilter");
    cmds.add("sysctl --system");
    cmds.add("install -m 0755 -d " + KEYRINGS);
    addKey(cmds, curlProxy, k8sRepo + "Release.key", "kubernetes");
    if (runtime instanceof ContainerRuntime.CriO) {
      addKey(cmds, curlProxy, crioRepo + "Release.key", "cri-o");
    }
    if (runtime instanceof ContainerRuntime.ContainerdRelease r) {
      addContainerdRelease(cmds, curlProxy, m, r, arch);
    }
    cmds.add("apt-get update");
    String pin = v.plain() + "-*";
    List<String> packages = new ArrayList<>();
    List<String> held = new ArrayList<>();
    if (runtime instanceof ContainerRuntime.CriO) {
      packages.add("cri-o");
      held.add("cri-o");
    } else if (runtime instanceof ContainerRuntime.UbuntuContainerd) {
      packages.add("containerd");
      held.add("containerd");
    }
    for (String p : List.of("kubelet", "kubeadm", "kubectl")) {
      packages.add("'" + p + "=" + pin + "'");
      held.add(p);
    }
    cmds.add("DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
        + String.join(" ", packages));
    cmds.add("apt-mark hold " + String.join(" ", held));
    if (!(runtime instanceof ContainerRuntime.CriO)) {
      cmds.add("install -m 0755 -d /etc/containerd");
      cmds.add("containerd config default > /etc/containerd/config.toml");
      cmds.add("sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml");
    }
    cmds.add("systemctl daemon-reload");
    cmds.add("systemctl enable " + unitOf(runtime));
    cmds.add("systemctl restart " + unitOf(runtime));
    cmds.add("systemctl enable kubelet");

    return BootstrapAdditions.builder()
        .files(files)
        .preKubeadmCommands(cmds)
        .build();
  }

  private static BootstrapFile file(String path, String content) {
    return BootstrapFile.builder().path(path).content(content).owner("root:root").permissions("0644").build();
  }

  private static void addKey(List<String> cmds, String curlProxy, String url, String name) {
    String tmp = "/tmp/" + name + "-release.key";
    cmds.add("curl -fsSL --retry 5" + curlProxy + " -o " + tmp + " " + url);
    cmds.add("gpg --batch --yes --dearmor -o " + KEYRINGS + "/" + name + "-apt-keyring.gpg " + tmp);
  }

  private static void addContainerdRelease(
      List<String> cmds, String curlProxy, PackageMirrors m, ContainerRuntime.ContainerdRelease r,
      NodeArchitecture arch) {
    String tarball = "containerd-" + r.containerdVersion() + "-linux-" + arch.goArch() + ".tar.gz";
    String containerdUrl = m.githubReleases() + "containerd/containerd/releases/download/v"
        + r.containerdVersion() + "/" + tarball;
    cmds.add("curl -fsSL --retry 5" + curlProxy + " -o /tmp/" + tarball + " " + containerdUrl);
    cmds.add("echo '" + r.containerdSha256() + "  /tmp/" + tarball + "' | sha256sum -c - && tar -C /usr/local -xzf /tmp/"
        + tarball);
    String runc = "runc." + arch.goArch();
    String runcUrl = m.githubReleases() + "opencontainers/runc/releases/download/v" + r.runcVersion() + "/" + runc;
    cmds.add("curl -fsSL --retry 5" + curlProxy + " -o /tmp/" + runc + " " + runcUrl);
    cmds.add("echo '" + r.runcSha256() + "  /tmp/" + runc + "' | sha256sum -c - && install -m 0755 /tmp/"
        + runc + " /usr/local/sbin/runc");
  }

  private static String unitOf(ContainerRuntime runtime) {
    return runtime instanceof ContainerRuntime.CriO ? "crio.service" : "containerd.service";
  }

  private static String curlProxyOption(HttpProxy p) {
    return p.httpsProxy().or(p::httpProxy).map(u -> " --proxy " + u).orElse("");
  }

  private static String aptProxy(HttpProxy p) {
    StringBuilder sb = new StringBuilder();
    p.httpProxy().ifPresent(u -> sb.append("Acquire::http::Proxy \"").append(u).append("\";\n"));
    p.httpsProxy().ifPresent(u -> sb.append("Acquire::https::Proxy \"").append(u).append("\";\n"));
    return sb.toString();
  }

  private static String systemdProxy(HttpProxy p) {
    StringBuilder sb = new StringBuilder("[Service]\n");
    p.httpProxy().ifPresent(u -> sb.append("Environment=\"HTTP_PROXY=").append(u).append("\"\n"));
    p.httpsProxy().ifPresent(u -> sb.append("Environment=\"HTTPS_PROXY=").append(u).append("\"\n"));
    sb.append("Environment=\"NO_PROXY=").append(p.noProxyValue()).append("\"\n");
    return sb.toString();
  }

  /** A systemd unit for containerd installed under /usr/local from the release tarball. */
  private static final String CONTAINERD_UNIT = String.join("\n",
      "[Unit]",
      "Description=containerd container runtime (release tarball)",
      "After=network.target local-fs.target",
      "",
      "[Service]",
      "ExecStartPre=-/sbin/modprobe overlay",
      "ExecStart=/usr/local/bin/containerd",
      "Type=notify",
      "Delegate=yes",
      "KillMode=process",
      "Restart=always",
      "RestartSec=5",
      "LimitNOFILE=infinity",
      "TasksMax=infinity",
      "OOMScoreAdjust=-999",
      "",
      "[Install]",
      "WantedBy=multi-user.target",
      "");
}
