package io.clusterstacks.kubernetes.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The lab's kube-apiserver accepts {@code ""} in a custom resource's string field and in a CRD's
 * {@code default}, as Kubernetes does. Built with Go 1.19 without the fix in {@code lab/kubernetes/build}
 * (build revision r2), v1.20.2 refused both with 422 {@code Invalid value: "null": ... must be of type
 * string}; this test fails on such a build.
 */
class EmptyStringIT {
  @Test
  void emptyStringInACustomResourceIsStored() {
    LabHttp h = KubernetesLab.get().http();
    String ns = LabTestSupport.unique("lab-empty");
    LabTestSupport.freshNamespace(h, ns);
    try {
      LabHttp.Response r = h.send("POST", "/apis/cluster.x-k8s.io/v1beta1/namespaces/" + ns + "/clusters", LabHttp.JSON_TYPE,
          "{\"apiVersion\":\"cluster.x-k8s.io/v1beta1\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"e\"},"
              + "\"spec\":{\"controlPlaneEndpoint\":{\"host\":\"\",\"port\":6443}}}");
      assertEquals(201, r.status(), r.body());
      assertEquals("", r.json().path("spec").path("controlPlaneEndpoint").path("host").asText("(absent)"));
    } finally {
      h.send("DELETE", "/api/v1/namespaces/" + ns, null, (String) null);
    }
  }

  @Test
  void crdsWithEmptyStringDefaultsAreInstalledUnchanged() {
    LabHttp h = KubernetesLab.get().http();
    var crd = h.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/kubeadmconfigs.bootstrap.cluster.x-k8s.io")
        .ok("get the KubeadmConfig CRD").json();
    assertEquals("(none)", crd.path("metadata").path("annotations").path("clusterstacks.io/lab-adapted").asText("(none)"),
        "lab/kubernetes/ensure had to drop default \"\" entries: the running build lacks the empty-string fix");
  }
}
