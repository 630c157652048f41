package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudProfileTest {

  static List<String> bundledNames() {
    return CloudProfiles.bundledNames();
  }

  @Test
  void scsReferenceHasEveryScs0103FlavorThreeExactHypervisorsAndDefaultQuotas() {
    CloudProfile p = CloudProfiles.bundled("scs-reference");
    // scs-0103 v1.2: 15 mandatory + 13 recommended (part 1) + 3 recommended (part 2)
    assertEquals(31, p.flavors().size());
    CloudFlavor ssd = p.flavor("SCS-2V-4-20s").orElseThrow();
    assertEquals(2, ssd.vcpus());
    assertEquals(4096, ssd.ramMiB());
    assertEquals(20, ssd.diskGB());
    assertTrue(ssd.localDisk(), "scs:disk0-type=ssd means a local root disk");
    assertFalse(p.flavor("SCS-2V-4-10").orElseThrow().localDisk(), "scs:disk0-type=network is not local");
    assertFalse(p.flavor("SCS-2V-4").orElseThrow().localDisk(), "diskless is not local");
    assertEquals(HostCount.exact("compute-1", "compute-2", "compute-3"), p.hypervisors().total());
    assertEquals(List.of("nova"), p.availabilityZones());
    assertEquals(Quotas.NOVA_DEFAULTS, p.quotas());
    assertTrue(p.supports(ComputeMicroversion.MAX_SERVER_PER_HOST));
    assertTrue(p.image("ubuntu-capi-image-v1.34.7").isPresent());
    assertEquals("k8snode", p.image("ubuntu-capi-image-v1.34.7").orElseThrow().osPurpose().orElseThrow());
    assertEquals("24.04", p.image("Ubuntu 24.04").orElseThrow().osVersion().orElseThrow());
  }

  @Test
  void twoHypervisorCloudMarksLocalSsdByAggregateSpecAndKnowsTheRestartOptIn() {
    CloudProfile p = CloudProfiles.bundled("two-hypervisors");
    assertEquals(2, p.hypervisors().total().count());
    CloudFlavor ssd = p.flavor("SCS-4V-16-100s").orElseThrow();
    assertEquals("true", ssd.extraSpecs().get(CloudFlavor.LOCALDISK_EXTRA_SPEC));
    assertTrue(ssd.localDisk());
    assertEquals("ps_restart_after_maint", p.quirks().restartAfterMaintenanceKey().orElseThrow());
  }

  @Test
  void largeCloudServesLocalSsdFlavorsFromSixOfTwentyFourHosts() {
    CloudProfile p = CloudProfiles.bundled("large-multi-az");
    assertEquals(3, p.availabilityZones().size());
    assertEquals(24, p.hypervisors().forFlavor(p.flavor("SCS-2V-4").orElseThrow()).count());
    assertEquals(6, p.hypervisors().forFlavor(p.flavor("SCS-2V-4-20s").orElseThrow()).count());
    assertEquals(2, p.quotas().instancesInError());
    assertEquals(160, p.quotas().instances().headroom());
  }

  @Test
  void unknownBundledNameListsTheNames() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> CloudProfiles.bundled("nope"));
    assertTrue(e.getMessage().contains("scs-reference"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("bundledNames")
  void bundledProfilesRoundTripThroughJson(String name) {
    CloudProfile p = CloudProfiles.bundled(name);
    String json = CloudProfiles.toJson(p);
    CloudProfile back = CloudProfiles.fromJson(json);
    assertEquals(p, back);
    assertEquals(json, CloudProfiles.toJson(back), "writing is deterministic");
  }

  @Test
  void everyProblemIsReportedWithPathValueAndFix() {
    String json = """
        {"name": "x", "availabilityZones": ["nova"],
         "hypervisors": {"total": {"knowledge": "roughly", "count": 3}},
         "flavors": [
           {"name": "a", "vcpus": 0, "ramMiB": 1024},
           {"name": "b", "vcpus": "two", "ramMiB": 1024, "colour": "red"}
         ]}
        """;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CloudProfiles.fromJson(json));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    assertTrue(paths.contains("hypervisors.total.knowledge"), paths.toString());
    assertTrue(paths.contains("flavors[0].vcpus"), paths.toString());
    assertTrue(paths.contains("flavors[1].vcpus"), paths.toString());
    assertTrue(paths.contains("flavors[1].colour"), paths.toString());
    Problem vcpus = e.problems().stream()
        .filter(p -> p.path().equals("flavors[1].vcpus")).findFirst().orElseThrow();
    assertEquals("the string 'two'", vcpus.value());
    assertTrue(e.getMessage().contains("use one of exact, lower-bound, declared, unknown"), e.getMessage());
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CloudProfiles.fromJson("{\"name\": }"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void missingRequiredFieldsAreListedTogether() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CloudProfiles.fromJson("{}"));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    assertEquals(List.of("name", "availabilityZones", "hypervisors", "flavors"), paths);
  }

  @Test
  void crossFieldChecksFindDuplicatesAndUnknownHostClasses() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CloudProfile.of(b -> b
        .name("dup")
        .addAvailabilityZones("nova")
        .hypervisors(Hypervisors.of(HostCount.exact(2)))
        .addFlavors(CloudFlavor.of(f -> f.name("A").vcpus(1).ramMiB(1024)))
        .addFlavors(CloudFlavor.of(f -> f.name("A").id("other").vcpus(1).ramMiB(1024)))
        .addFlavors(CloudFlavor.of(f -> f.name("B").vcpus(1).ramMiB(1024).hostClass("gpu")))));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    assertEquals(List.of("flavors[1].name", "flavors[2].hostClass"), paths);
  }

  @Test
  void declaredLocalDiskWinsOverExtraSpecs() {
    CloudFlavor f = CloudFlavor.of(b -> b.name("x").vcpus(2).ramMiB(4096).diskGB(20)
        .putExtraSpecs(CloudFlavor.DISK0_TYPE_EXTRA_SPEC, "network").localDiskDeclared(true));
    assertTrue(f.localDisk());
    CloudFlavor g = CloudFlavor.of(b -> b.name("y").vcpus(2).ramMiB(4096).diskGB(20)
        .putExtraSpecs(CloudFlavor.LOCALDISK_EXTRA_SPEC, "true"));
    assertTrue(g.localDisk());
  }

  @Test
  void hostCountsRejectInconsistentKnowledge() {
    assertThrows(InvalidInputException.class, () -> HostCount.of(HostKnowledge.UNKNOWN, 3, List.of()));
    assertThrows(InvalidInputException.class, () -> HostCount.of(HostKnowledge.EXACT, 0, List.of()));
    assertThrows(InvalidInputException.class, () -> HostCount.of(HostKnowledge.EXACT, 3, List.of("a", "b")));
    assertEquals("at least 2 (lower bound)", HostCount.lowerBound(2).toString());
  }

  @Test
  void microversionsParseAndCompare() {
    assertEquals(new ComputeMicroversion(2, 64), ComputeMicroversion.parse("2.64"));
    assertTrue(ComputeMicroversion.parse("2.100").atLeast(ComputeMicroversion.parse("2.96")));
    assertFalse(MicroversionRange.of("2.1", "2.60").supports(ComputeMicroversion.MAX_SERVER_PER_HOST));
    assertThrows(ClusterStacksException.class, () -> ComputeMicroversion.parse("2"));
    assertThrows(ClusterStacksException.class, () -> MicroversionRange.of("2.90", "2.1"));
  }

  @Test
  void quotaHeadroomNeverNegativeAndUnlimitedIsHuge() {
    assertEquals(0, new Quota(10, 12).headroom());
    assertEquals(Long.MAX_VALUE, Quota.UNLIMITED.headroom());
    assertThrows(InvalidInputException.class, () -> Quotas.of(q -> q.instances(new Quota(10, 2)).instancesInError(3)));
  }

  @Test
  void ramGiBFollowsTheScsSemanticsRounding() {
    // int((ram+51)/102.4)/10: 4096 MiB -> 4.0 GiB, 3900 MiB -> 3.8 GiB
    assertEquals(4.0, CloudFlavor.of(b -> b.name("a").vcpus(1).ramMiB(4096)).ramGiB());
    assertEquals(3.8, CloudFlavor.of(b -> b.name("a").vcpus(1).ramMiB(3900)).ramGiB());
  }
}
