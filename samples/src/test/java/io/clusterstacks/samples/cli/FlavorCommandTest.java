package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FlavorCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = ClusterStacksCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void explainsAValidNameFieldByField() {
    assertEquals(0, run("flavor", "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib"));
    String text = out.toString();
    for (String expected : new String[] {
        "16 dedicated hardware threads", "T (dedicated-thread)", "count=3, sizeGB=10, type=s (ssd)",
        "bms (bare metal)", "generation=3 (Ice Lake)", "generation=a (Ampere)", "computeUnits=64 SMs",
        "short name               SCS-16T-64-3x10s_GNa-64_ib", "scs:disk2-type=ssd",
        "scs:name-v1=SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib"}) {
      assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
    }
    assertEquals("", err.toString());
  }

  @Test
  void invalidNameGivesExitCode2AndTheTypedMessage() {
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run("flavor", "SCS-2V-4-20s", "SCS-2C-4ou-10n"));
    assertTrue(err.toString().contains("at position 9"), err.toString());
    assertTrue(err.toString().contains("'uo'"), err.toString());
    assertTrue(out.toString().contains("SCS-2V-4-20s"), "valid names are still explained");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run("flavor", "m1.large"));
    assertTrue(err.toString().contains("not an SCS flavor name"), err.toString());
  }

  @Test
  void v1NamesAreMarkedDeprecated() {
    assertEquals(0, run("flavor", "SCS-2C:4:10n"));
    assertTrue(out.toString().contains("v1 (deprecated, tolerated)"), out.toString());
    assertTrue(out.toString().contains("canonical: SCS-2C-4-10n"), out.toString());
  }

  @Test
  void jsonOutputCarriesFieldsAndExtraSpecs() throws Exception {
    assertEquals(0, run("flavor", "--output", "json", "SCS-2V-4-20s"));
    JsonNode doc = new ObjectMapper().readTree(out.toString()).get(0);
    assertEquals(2, doc.at("/fields/vcpus").asInt());
    assertEquals("s (ssd)", doc.at("/fields/disk/type").asText());
    assertEquals("ssd", doc.at("/extraSpecs/scs:disk0-type").asText());
    assertEquals("SCS-2V:4:20s", doc.at("/extraSpecs/scs:name-v1").asText());
  }

  @Test
  void yamlOutputQuotesExtraSpecNumbersAsStrings() {
    assertEquals(0, run("flavor", "-o", "yaml", "SCS-2V-4-20s"));
    assertTrue(out.toString().contains("ram: \"4.0\""), out.toString());
  }

  @Test
  void noNamesExplainsTheMandatoryFlavors() {
    assertEquals(0, run("flavor"));
    String text = out.toString();
    assertTrue(text.contains("scs-0103 mandatory flavors"), text);
    assertTrue(text.contains("SCS-2V-4-20s         2  shared-core         4  20 GB ssd (local SSD)"), text);
    assertEquals(15, text.lines().filter(l -> l.matches("SCS-\\S+ +\\d+ .*")).count(), text);
  }
}
