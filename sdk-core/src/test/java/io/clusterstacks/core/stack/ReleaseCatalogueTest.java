package io.clusterstacks.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReleaseCatalogueTest {
  private final ReleaseCatalogue builtIn = ReleaseCatalogue.builtIn();

  @Test
  void knowsTheExactPatchVersionsOfReleasedStacks() {
    assertEquals("v1.29.6", builtIn.find(ClusterClassName.parse("openstack-scs-1-29-v1")).orElseThrow().kubernetesVersion());
    assertEquals("v1.33.4", builtIn.find(ClusterClassName.parse("openstack-scs2-1-33-v1")).orElseThrow().kubernetesVersion());
    assertEquals("v1.34.7", builtIn.latest("scs2", "1.34").orElseThrow().kubernetesVersion());
    assertEquals("v1.30.1",
        builtIn.find(ClusterClassName.parse("openstack-kamaji-1-30-v0-sha.11930ee")).orElseThrow().kubernetesVersion());
  }

  @Test
  void checksVersionsAndSaysWhenItCanOnlyBePartial() {
    ClusterClassName known = ClusterClassName.parse("openstack-scs-1-29-v1");
    assertEquals(VersionCheck.Status.CONFIRMED, builtIn.check(known, "v1.29.6").status());
    VersionCheck mismatch = builtIn.check(known, "v1.29.3");
    assertEquals(VersionCheck.Status.MISMATCH, mismatch.status());
    assertTrue(mismatch.message().contains("use v1.29.6"), mismatch.message());
    ClusterClassName custom = ClusterClassName.parse("openstack-scs-1-32-v0-sha.lvlvyfw");
    VersionCheck partial = builtIn.check(custom, "v1.32.1");
    assertEquals(VersionCheck.Status.PARTIAL, partial.status());
    assertTrue(partial.message().contains("only the minor"), partial.message());
  }

  @Test
  void userEntriesOverrideAndExtend() {
    ReleaseCatalogue c = builtIn.with("openstack-scs-1-32-v0-sha.lvlvyfw", "v1.32.1").with("openstack-scs-1-29-v1", "v1.29.7");
    assertEquals(VersionCheck.Status.CONFIRMED,
        c.check(ClusterClassName.parse("openstack-scs-1-32-v0-sha.lvlvyfw"), "v1.32.1").status());
    assertEquals("v1.29.7", c.find(ClusterClassName.parse("openstack-scs-1-29-v1")).orElseThrow().kubernetesVersion());
    assertEquals("v1.29.6", builtIn.find(ClusterClassName.parse("openstack-scs-1-29-v1")).orElseThrow().kubernetesVersion(),
        "the built-in catalogue is not changed");
    assertThrows(InvalidInputException.class, () -> StackRelease.of("openstack-scs-1-29-v1", "v1.30.1"));
    assertThrows(InvalidInputException.class, () -> StackRelease.of("openstack-scs-1-29-v1", "1.29.1"));
  }
}
