package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operating systems can become nodes, and the reasons for those that cannot. */
class NodeOperatingSystemsTest {

  @Test
  void alpineIsRefusedBecauseItHasNoSystemdAndNoGlibc() {
    UnsupportedOperatingSystemException e = assertThrows(UnsupportedOperatingSystemException.class,
        () -> NodeOperatingSystems.requireSupported("alpine", "3.20"));
    assertEquals("alpine", e.osDistro());
    assertTrue(e.reason().contains("systemd") && e.reason().contains("glibc"), e.reason());
    assertTrue(e.getMessage().contains("os_distro=ubuntu os_version=24.04"), "names the supported choices");
    assertEquals(NodeOperatingSystems.SUPPORTED, e.supported());
  }

  @ParameterizedTest
  @CsvSource({"ubuntu,24.04,ubuntu", "Ubuntu,22.04,ubuntu", "flatcar,4081.2.1,flatcar"})
  void ubuntuLtsAndFlatcarAreSupported(String distro, String version, String family) {
    assertEquals(family, NodeOperatingSystems.requireSupported(distro, version));
  }

  @ParameterizedTest
  @CsvSource({"ubuntu,20.04", "debian,12", "cirros,0.6", "windows,2022"})
  void othersAreRefusedWithTheSupportedChoices(String distro, String version) {
    UnsupportedOperatingSystemException e = assertThrows(UnsupportedOperatingSystemException.class,
        () -> NodeOperatingSystems.requireSupported(distro, version));
    assertTrue(e.getMessage().contains(distro) && e.getMessage().contains(version), e.getMessage());
    assertTrue(e.getMessage().contains("flatcar"), e.getMessage());
  }
}
