/**
 * Image strategies: which operating-system image a cluster's machines boot, and what has to happen
 * at boot so that image becomes a Kubernetes node.
 *
 * <p>Three built-in ways, each a pure function of the Kubernetes version and the node architecture:
 * a pre-built CAPI image (nothing to do at boot), a general-purpose Ubuntu image that installs a
 * container runtime and kubelet/kubeadm/kubectl at boot ({@link io.clusterstacks.core.image.UbuntuNodeSetup}),
 * and Flatcar Container Linux configured through ignition ({@link io.clusterstacks.core.image.FlatcarNodeSetup}).
 * Their output is a {@link io.clusterstacks.core.image.BootstrapAdditions}: files, commands, kubelet
 * settings or an ignition config, to be added to the bootstrap templates, never replacing theirs.
 */
@NullMarked
package io.clusterstacks.core.image;

import org.jspecify.annotations.NullMarked;
