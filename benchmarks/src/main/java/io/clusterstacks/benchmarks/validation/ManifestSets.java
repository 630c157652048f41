package io.clusterstacks.benchmarks.validation;

/** Fixed manifest sets (the documents of one cluster) used by the validation benchmarks. */
final class ManifestSets {

  private ManifestSets() {}

  /** Topology mode: ClusterStack, credentials Secrets, ClusterResourceSet, Cluster. */
  static final String TOPOLOGY = """
      apiVersion: clusterstack.x-k8s.io/v1alpha1
      kind: ClusterStack
      metadata:
        name: scs2-1-33
        namespace: tenant-a
      spec:
        provider: openstack
        name: scs2
        kubernetesVersion: "1.33"
        channel: stable
        autoSubscribe: false
        noProvider: true
        versions: [v1]
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: openstack
        namespace: tenant-a
      type: Opaque
      stringData:
        clouds.yaml: |
          clouds:
            openstack:
              auth:
                auth_url: https://keystone.example.org:5000/v3
                application_credential_id: 4f1c0d2e9a8b4c7d
                application_credential_secret: not-a-real-secret
              region_name: RegionOne
              interface: public
              identity_api_version: 3
              auth_type: v3applicationcredential
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: prod-clouds-yaml
        namespace: tenant-a
      data:
        clouds.yaml: Y2xvdWRzOiB7fQo=
      ---
      apiVersion: addons.cluster.x-k8s.io/v1beta1
      kind: ClusterResourceSet
      metadata:
        name: prod-clouds-yaml
        namespace: tenant-a
      spec:
        strategy: Reconcile
        clusterSelector:
          matchLabels:
            managed-secret: clouds-yaml
        resources:
          - name: prod-clouds-yaml
            kind: Secret
      ---
      apiVersion: cluster.x-k8s.io/v1beta1
      kind: Cluster
      metadata:
        name: prod
        namespace: tenant-a
        labels:
          managed-secret: clouds-yaml
      spec:
        clusterNetwork:
          pods:
            cidrBlocks: ["172.16.0.0/16"]
          services:
            cidrBlocks: ["10.96.0.0/12"]
          serviceDomain: cluster.local
        topology:
          class: openstack-scs2-1-33-v1
          classNamespace: tenant-a
          version: v1.33.4
          controlPlane:
            replicas: 3
          variables:
            - name: controlPlaneFlavor
              value: SCS-2V-4-20s
            - name: workerFlavor
              value: SCS-4V-8
            - name: controlPlaneServerGroupID
              value: 3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b
            - name: workerServerGroupID
              value: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
            - name: networkExternalID
              value: ebfe5546-f09f-4f42-ab54-094e457d42ec
          workers:
            machineDeployments:
              - class: default-worker
                name: md-0
                replicas: 3
                failureDomain: nova
                strategy:
                  type: RollingUpdate
                  rollingUpdate:
                    maxSurge: 1
                    maxUnavailable: 0
      """;

  /** Raw CAPI mode: every template rendered, plus an ORC server group and the credentials Secret. */
  static final String RAW_CAPI = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: prod-cloud-config
        namespace: tenant-a
      stringData:
        clouds.yaml: "clouds: {}"
      ---
      apiVersion: openstack.k-orc.cloud/v1alpha1
      kind: ServerGroup
      metadata:
        name: prod-control-plane
        namespace: tenant-a
      spec:
        cloudCredentialsRef:
          cloudName: openstack
          secretName: prod-cloud-config
        resource:
          name: prod-control-plane
          policy: anti-affinity
      ---
      apiVersion: cluster.x-k8s.io/v1beta1
      kind: Cluster
      metadata:
        name: prod
        namespace: tenant-a
      spec:
        clusterNetwork:
          pods:
            cidrBlocks: ["172.16.0.0/16"]
          services:
            cidrBlocks: ["10.96.0.0/12"]
        controlPlaneRef:
          apiVersion: controlplane.cluster.x-k8s.io/v1beta1
          kind: KubeadmControlPlane
          name: prod-control-plane
        infrastructureRef:
          apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
          kind: OpenStackCluster
          name: prod
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
      kind: OpenStackCluster
      metadata:
        name: prod
        namespace: tenant-a
      spec:
        identityRef:
          name: prod-cloud-config
          cloudName: openstack
        externalNetwork:
          id: ebfe5546-f09f-4f42-ab54-094e457d42ec
        managedSubnets:
          - cidr: 10.8.0.0/20
            dnsNameservers: ["9.9.9.9", "149.112.112.112"]
        apiServerLoadBalancer:
          enabled: true
          provider: ovn
        managedSecurityGroups:
          allowAllInClusterTraffic: false
          allNodesSecurityGroupRules:
            - name: cilium-vxlan
              direction: ingress
              etherType: IPv4
              protocol: udp
              portRangeMin: 8472
              portRangeMax: 8472
              remoteManagedGroups: [controlplane, worker]
      ---
      apiVersion: controlplane.cluster.x-k8s.io/v1beta1
      kind: KubeadmControlPlane
      metadata:
        name: prod-control-plane
        namespace: tenant-a
      spec:
        replicas: 3
        version: v1.33.4
        rolloutStrategy:
          type: RollingUpdate
          rollingUpdate:
            maxSurge: 0
        machineTemplate:
          infrastructureRef:
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: OpenStackMachineTemplate
            name: prod-control-plane
        kubeadmConfigSpec:
          clusterConfiguration:
            controllerManager:
              extraArgs:
                cloud-provider: external
          initConfiguration:
            nodeRegistration:
              name: "{{ local_hostname }}"
              kubeletExtraArgs:
                cloud-provider: external
                provider-id: "openstack:///{{ instance_id }}"
          joinConfiguration:
            nodeRegistration:
              name: "{{ local_hostname }}"
              kubeletExtraArgs:
                cloud-provider: external
                provider-id: "openstack:///{{ instance_id }}"
          preKubeadmCommands:
            - bash /etc/kube-proxy-patch.sh
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
      kind: OpenStackMachineTemplate
      metadata:
        name: prod-control-plane
        namespace: tenant-a
      spec:
        template:
          spec:
            flavor: SCS-2V-4-20s
            image:
              filter:
                name: ubuntu-capi-image-v1.33.4
            serverGroup:
              filter:
                name: prod-control-plane
            serverMetadata:
              - key: ps_restart_after_maint
                value: "true"
      ---
      apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
      kind: OpenStackMachineTemplate
      metadata:
        name: prod-md-0
        namespace: tenant-a
      spec:
        template:
          spec:
            flavor: SCS-4V-8
            image:
              filter:
                name: ubuntu-capi-image-v1.33.4
            rootVolume:
              sizeGiB: 50
      ---
      apiVersion: bootstrap.cluster.x-k8s.io/v1beta1
      kind: KubeadmConfigTemplate
      metadata:
        name: prod-md-0
        namespace: tenant-a
      spec:
        template:
          spec:
            joinConfiguration:
              nodeRegistration:
                name: "{{ local_hostname }}"
                kubeletExtraArgs:
                  cloud-provider: external
                  provider-id: "openstack:///{{ instance_id }}"
      ---
      apiVersion: cluster.x-k8s.io/v1beta1
      kind: MachineDeployment
      metadata:
        name: prod-md-0
        namespace: tenant-a
      spec:
        clusterName: prod
        replicas: 3
        selector:
          matchLabels: {}
        template:
          spec:
            clusterName: prod
            version: v1.33.4
            failureDomain: nova
            bootstrap:
              configRef:
                apiVersion: bootstrap.cluster.x-k8s.io/v1beta1
                kind: KubeadmConfigTemplate
                name: prod-md-0
            infrastructureRef:
              apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
              kind: OpenStackMachineTemplate
              name: prod-md-0
      """;
}
