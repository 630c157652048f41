package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the exact problems, in order, that reading a profile with an error in every reader reports. */
class CloudProfileJsonProblemsTest {

  private static final String BROKEN = """
      {"name": 7, "description": false,
       "computeMicroversions": {"min": "2", "max": 3},
       "availabilityZones": ["nova", 1],
       "hypervisors": {"total": {"knowledge": "exact", "count": "3", "names": [true]},
                       "byHostClass": {"gpu": 2}, "byZone": {"nova": {"knowledge": "roughly"}}},
       "quotas": {"instances": {"limit": "10", "used": true}, "cores": 4,
                  "serverGroupMembers": "many", "instancesInError": 1.5, "extra": 1},
       "quirks": {"restartAfterMaintenanceKey": 5, "restartAfterMaintenanceValue": [],
                  "maintenanceAnnouncementKeys": ["ok", {}], "localDiskServersStoppedInMaintenance": "yes"},
       "flavors": [
         {"name": 1, "id": 2, "vcpus": "x", "diskGB": 1.5, "localDisk": "no", "architecture": 3,
          "hostClass": [], "extraSpecs": {"a": null, "b": {}, "c": 1}, "colour": "red"},
         "not-a-flavor",
         {"name": "ok", "vcpus": 1, "ramMiB": 1024, "extraSpecs": []}
       ],
       "images": [
         {"id": 3, "minDiskGiB": "1", "minRamMiB": true, "properties": {"p": [], "q": null, "r": 2}, "size": 1},
         {"name": "img", "properties": "none"}
       ]}
      """;

  @Test
  void everyReaderReportsItsProblemsWithExactPathValueFixAndOrder() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CloudProfiles.fromJson(BROKEN));
    List<Problem> expected = List.of(
        Problem.of("name", "7",
            "expected a string"),
        Problem.of("description", "false",
            "expected a string"),
        Problem.of("computeMicroversions.min", "'2'",
            "write MAJOR.MINOR such as 2.64"),
        Problem.of("computeMicroversions.max", "3",
            "expected a string"),
        Problem.of("availabilityZones[1]", "1",
            "a zone name is a string"),
        Problem.of("hypervisors.total.count", "the string '3'",
            "expected an integer"),
        Problem.of("hypervisors.total.names[0]", "true",
            "a host name is a string"),
        Problem.of("hypervisors.byHostClass.gpu", "2",
            "expected a JSON object"),
        Problem.of("hypervisors.byZone.nova.knowledge", "'roughly'",
            "use one of exact, lower-bound, declared, unknown"),
        Problem.of("hypervisors.byZone.nova.count", "<missing>",
            "this field is required (an integer)"),
        Problem.of("quotas.extra", "an unknown field",
            "remove it or use one of [cores, instances, instancesInError, ramMiB, serverGroupMembers, serverGroups]"),
        Problem.of("quotas.instances.limit", "the string '10'",
            "expected an integer"),
        Problem.of("quotas.instances.used", "true",
            "expected an integer"),
        Problem.of("quotas.cores", "4",
            "expected a JSON object"),
        Problem.of("quotas.serverGroupMembers", "the string 'many'",
            "expected an integer"),
        Problem.of("quotas.instancesInError", "1.5",
            "expected an integer"),
        Problem.of("quirks.restartAfterMaintenanceKey", "5",
            "expected a string"),
        Problem.of("quirks.restartAfterMaintenanceValue", "an array",
            "expected a string"),
        Problem.of("quirks.maintenanceAnnouncementKeys[1]", "an object",
            "a metadata key is a string"),
        Problem.of("quirks.localDiskServersStoppedInMaintenance", "the string 'yes'",
            "expected true or false"),
        Problem.of("flavors[0].colour", "an unknown field",
            "remove it or use one of [architecture, diskGB, extraSpecs, hostClass, id, localDisk, name, ramMiB, vcpus]"),
        Problem.of("flavors[0].name", "1",
            "expected a string"),
        Problem.of("flavors[0].id", "2",
            "expected a string"),
        Problem.of("flavors[0].vcpus", "the string 'x'",
            "expected an integer"),
        Problem.of("flavors[0].ramMiB", "<missing>",
            "this field is required (an integer)"),
        Problem.of("flavors[0].diskGB", "1.5",
            "expected an integer"),
        Problem.of("flavors[0].localDisk", "the string 'no'",
            "expected true or false"),
        Problem.of("flavors[0].architecture", "3",
            "expected a string"),
        Problem.of("flavors[0].hostClass", "an array",
            "expected a string"),
        Problem.of("flavors[0].extraSpecs.a", "null",
            "extra_specs values are strings (Nova stores them as text)"),
        Problem.of("flavors[0].extraSpecs.b", "an object",
            "extra_specs values are strings (Nova stores them as text)"),
        Problem.of("flavors[1]", "the string 'not-a-flavor'",
            "expected a JSON object"),
        Problem.of("flavors[2].extraSpecs", "an array",
            "expected a JSON object"),
        Problem.of("images[0].size", "an unknown field",
            "remove it or use one of [id, minDiskGiB, minRamMiB, name, properties]"),
        Problem.of("images[0].name", "<missing>",
            "this field is required (a string)"),
        Problem.of("images[0].id", "3",
            "expected a string"),
        Problem.of("images[0].minDiskGiB", "the string '1'",
            "expected an integer"),
        Problem.of("images[0].minRamMiB", "true",
            "expected an integer"),
        Problem.of("images[0].properties.p", "an array",
            "image properties are strings, numbers or booleans"),
        Problem.of("images[0].properties.q", "null",
            "image properties are strings, numbers or booleans"),
        Problem.of("images[1].properties", "the string 'none'",
            "expected a JSON object"));
    assertEquals(expected, e.problems());
  }
}
