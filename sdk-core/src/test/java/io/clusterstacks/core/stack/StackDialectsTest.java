package io.clusterstacks.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.stack.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackDialectsTest {

  @ParameterizedTest
  @CsvSource({
    "openstack-scs-1-29-v1, scs@1-29",
    "openstack-scs-1-30-v1, scs@1-29",
    "openstack-scs-1-30-v2, scs",
    "openstack-scs-1-32-v0-sha.lvlvyfw, scs",
    "openstack-scs2-1-33-v1, scs2@1-33-v1",
    "openstack-scs2-1-33-v4, scs2",
    "openstack-scs2-1-34-v2, scs2",
    "openstack-kamaji-1-30-v0-sha.11930ee, kamaji",
  })
  void picksTheDialectOfEachRelease(String className, String dialect) {
    assertEquals(dialect, StackDialects.forClass(ClusterClassName.parse(className)).orElseThrow().id());
  }

  @Test
  void olderStacksHaveNoTypedDialect() {
    assertTrue(StackDialects.forClass(ClusterClassName.parse("openstack-alpha-1-29-v2")).isEmpty());
    assertTrue(StackDialects.forClass(ClusterClassName.parse("openstack-scs-1-28-v2")).isEmpty());
  }

  @Test
  void scs2RootDiskMinimumChangedAfterTheFirstRelease() {
    assertEquals(1, StackDialects.scs2Release133v1().variable("controlPlaneRootDisk").orElseThrow().minimum().getAsLong());
    assertEquals(0, StackDialects.scs2().variable("controlPlaneRootDisk").orElseThrow().minimum().getAsLong());
    assertEquals(FlavorDiskBoot.NOT_EXPRESSIBLE, StackDialects.scs2Release133v1().flavorDiskBoot(Role.CONTROL_PLANE));
    assertEquals(FlavorDiskBoot.SET_ZERO, StackDialects.scs2().flavorDiskBoot(Role.CONTROL_PLANE));
    assertEquals(FlavorDiskBoot.OMIT_VARIABLE, StackDialects.scs().flavorDiskBoot(Role.CONTROL_PLANE));
    assertEquals(FlavorDiskBoot.NOT_EXPRESSIBLE, StackDialects.scs().flavorDiskBoot(Role.WORKER), "worker_root_disk defaults to 25");
    assertEquals(FlavorDiskBoot.OMIT_VARIABLE, StackDialects.kamaji().flavorDiskBoot(Role.WORKER));
  }

  @Test
  void kamajiControlPlaneHasNoMachinesAndRequiresADataStore() {
    StackDialect k = StackDialects.kamaji();
    assertFalse(k.hasMachines(Role.CONTROL_PLANE));
    assertTrue(k.hasMachines(Role.WORKER));
    assertTrue(k.variable("data_store").orElseThrow().required());
    assertTrue(k.variableFor(CommonVariable.CONTROL_PLANE_FLAVOR).isEmpty());
  }

  @Test
  void variablesThatWereRemovedAreUnknownInTheCurrentScsDialect() {
    assertTrue(StackDialects.scs129().variable("workload_loadbalancer").isPresent());
    InvalidVariableException e = assertThrows(InvalidVariableException.class,
        () -> StackDialects.scs().requireValid("workload_loadbalancer", "yawol"));
    assertTrue(e.getMessage().contains("valid names: external_id, controller_flavor"), e.getMessage());
    assertEquals(StackDialects.scs().variableNames(), e.validNames());
  }

  @Test
  void wrongTypesAndFormatsAreRejectedWithTheExpectedShape() {
    StackDialect d = StackDialects.scs2();
    assertEquals(List.of(), d.problems("workerRootDisk", 30));
    assertTrue(d.problems("workerRootDisk", "30").get(0).fix().contains("expected integer"));
    assertTrue(d.problems("workerRootDisk", -1).get(0).fix().contains("minimum is 0"));
    assertTrue(d.problems("networkExternalID", "").get(0).fix().contains("uuid4"));
    assertEquals(List.of(), d.problems("networkExternalID", "ebfe5546-f09f-4f42-ab54-094e457d42ec"));
    assertTrue(d.problems("nodeCIDR", "10.8.0.0").get(0).fix().contains("cidr"));
    assertTrue(d.problems("apiServerLoadBalancer", "kube-vip").get(0).fix().contains("allowed values"));
    assertTrue(d.problems("oidcConfig", Map.of("client_id", "x")).get(0).fix().contains("valid: clientID"));
    assertTrue(d.problems("dnsNameservers", List.of(1)).get(0).path().equals("dnsNameservers[0]"));
    assertTrue(d.problems("securityGroupIDs", List.of("nope")).get(0).fix().contains("uuid4"));
    assertTrue(d.problems("controlPlaneFlavour", "x").get(0).fix().contains("does not exist"));
  }

  @Test
  void everyCommonSettingNamesAVariableOfItsDialect() {
    for (StackDialect d : StackDialects.all()) {
      for (Map.Entry<CommonVariable, String> e : d.commonVariables().entrySet()) {
        assertTrue(d.variable(e.getValue()).isPresent(), d.id() + " " + e);
      }
      assertEquals(d, StackDialects.byId(d.id()));
    }
  }
}
