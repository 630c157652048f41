package io.clusterstacks.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClusterClassNameTest {

  @ParameterizedTest
  @CsvSource({
    "openstack-scs2-1-33-v1, openstack, scs2, 1.33, v1, openstack-scs2-1-33-v1",
    "openstack-scs-1-29-v1, openstack, scs, 1.29, v1, openstack-scs-1-29-v1",
    "openstack-scs-1-32-v0-sha.lvlvyfw, openstack, scs, 1.32, v0-sha.lvlvyfw, openstack-scs-1-32-v0-sha-lvlvyfw",
    "openstack-kamaji-1-30-v0-sha.11930ee, openstack, kamaji, 1.30, v0-sha.11930ee, openstack-kamaji-1-30-v0-sha-11930ee",
    "openstack-alpha-1-29-v2, openstack, alpha, 1.29, v2, openstack-alpha-1-29-v2",
  })
  void parsesAndFormatsClassNamesLikeTheOperator(String text, String provider, String stack, String minor, String version,
      String release) {
    ClusterClassName c = ClusterClassName.parse(text);
    assertEquals(provider, c.provider());
    assertEquals(stack, c.stackName());
    assertEquals(minor, c.kubernetesMinor());
    assertEquals(version, c.version().format());
    assertEquals(text, c.format());
    assertEquals(release, c.releaseName());
    assertEquals(c, ClusterClassName.parse(c.releaseName()), "the release form parses back to the same class");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openstack-scs2-1-33", "openstack-scs2-1-33-1", "openstack-scs2-x-33-v1",
      "openstack-scs2-1-33-v1-extra", "Openstack-scs2-1-33-v1", "openstack-scs2-1-33-v0-sha"})
  void rejectsMalformedNamesWithTheExpectedShape(String text) {
    StackException e = assertThrows(StackException.class, () -> ClusterClassName.parse(text));
    assertTrue(e.getMessage().contains("<provider>-<stack>-<major>-<minor>-<version>"), e.getMessage());
    assertFalse(ClusterClassName.tryParse(text).isPresent());
  }

  @Test
  void customChannelVersionsHaveTwoForms() {
    StackVersion v = StackVersion.parse("v0-sha-lvlvyfw");
    assertTrue(v.isCustom());
    assertEquals("v0-sha.lvlvyfw", v.format());
    assertEquals("v0-sha-lvlvyfw", v.releaseForm());
    assertEquals(StackVersion.stable(3), StackVersion.parse("v3"));
    assertThrows(StackException.class, () -> StackVersion.parse("1"));
  }
}
