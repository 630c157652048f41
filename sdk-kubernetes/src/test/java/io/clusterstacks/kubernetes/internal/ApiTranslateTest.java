package io.clusterstacks.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.ApplyConflictException;
import io.clusterstacks.kubernetes.InvalidObjectException;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ObjectRef;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API server's Status answers become the SDK's typed exceptions with every cause. */
class ApiTranslateTest {
  static final ObjectRef CS = new ObjectRef("clusterstack.x-k8s.io/v1alpha1", "ClusterStack", "ns", "cs");

  static KubernetesClientException answer(int code, Status s) {
    return new KubernetesClientException(s.getMessage(), code, s);
  }

  @Test
  void a422KeepsEveryCauseWithItsFieldPath() {
    Status s = new StatusBuilder().withCode(422).withReason("Invalid")
        .withMessage("ClusterStack.clusterstack.x-k8s.io \"cs\" is invalid: [...]").withNewDetails()
        .addNewCause().withField("spec.channel").withReason("FieldValueNotSupported")
        .withMessage("Unsupported value: \"beta\": supported values: \"stable\", \"custom\"").endCause()
        .addNewCause().withField("spec.name").withReason("FieldValueRequired").withMessage("Required value").endCause()
        .endDetails().build();
    KubernetesApiException e = Api.translate(answer(422, s), Optional.of(CS), "apply", "https://mc.example:6443/");
    InvalidObjectException i = assertInstanceOf(InvalidObjectException.class, e);
    assertEquals(List.of("spec.channel", "spec.name"), i.causes().stream().map(KubernetesApiException.Cause::field).toList());
    assertEquals("apply ClusterStack/ns/cs: the API server rejected it (422 Invalid), 2 cause(s): spec.channel:"
        + " Unsupported value: \"beta\": supported values: \"stable\", \"custom\"; spec.name: Required value."
        + " Fix these fields in the plan and apply again.", i.getMessage());
    assertEquals(Optional.of(CS), i.object());
  }

  @Test
  void aFieldManagerConflictNamesFieldAndManager() {
    Status s = new StatusBuilder().withCode(409).withReason("Conflict").withMessage("Apply failed with 2 conflicts")
        .withNewDetails()
        .addNewCause().withField(".data.a").withReason("FieldManagerConflict").withMessage("conflict with \"kubectl\"").endCause()
        .addNewCause().withField(".data.b").withReason("FieldManagerConflict")
        .withMessage("conflict with \"helm\" using v1").endCause()
        .endDetails().build();
    ApplyConflictException c = assertInstanceOf(ApplyConflictException.class,
        Api.translate(answer(409, s), Optional.of(CS), "apply", "https://mc.example:6443/"));
    assertEquals(List.of(new ApplyConflictException.FieldConflict(".data.a", "kubectl", "conflict with \"kubectl\""),
        new ApplyConflictException.FieldConflict(".data.b", "helm", "conflict with \"helm\" using v1")), c.conflicts());
    assertTrue(c.getMessage().contains(".data.a (owned by kubectl), .data.b (owned by helm)"), c.getMessage());
  }

  @Test
  void aPlain409IsNotAConflictOfFields() {
    Status s = new StatusBuilder().withCode(409).withReason("AlreadyExists").withMessage("exists").build();
    KubernetesApiException e = Api.translate(answer(409, s), Optional.of(CS), "apply", "https://mc.example:6443/");
    assertEquals(KubernetesApiException.class, e.getClass());
    assertEquals("AlreadyExists", e.reason());
  }

  @Test
  void noAnswerSaysSoAndForbiddenPointsAtTheRole() {
    KubernetesClientException down = new KubernetesClientException("Operation: [get] failed",
        new IOException("Connection refused"));
    KubernetesApiException e = Api.translate(down, Optional.of(CS), "read", "https://mc.example:6443/");
    assertEquals(0, e.code());
    assertTrue(e.getMessage().contains("API server https://mc.example:6443/ did not answer (IOException: Connection"
        + " refused)"), e.getMessage());

    Status f = new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("secrets is forbidden").build();
    KubernetesApiException forbidden = Api.translate(answer(403, f), Optional.of(CS), "read", "https://mc.example:6443/");
    assertTrue(forbidden.getMessage().endsWith("see ManagementCluster.leastPrivilegeRole()"), forbidden.getMessage());
  }
}
