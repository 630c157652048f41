package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExplainFlavorNamesTest {
  @Test
  void runsAndExplains() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      ExplainFlavorNames.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("SCS-2V-4-20s: 2 shared vCPUs"), out);
    assertTrue(out.contains("scs:disk0-type=ssd"), out);
    assertTrue(out.contains("deprecated v1 syntax"), out);
    assertTrue(out.contains("memory flags must be ordered 'uo'"), out);
    assertTrue(out.contains("m1.large: not an SCS name"), out);
    assertTrue(out.contains("field 'disk'") && out.contains("field 'scs:disk0-type'"), out);
  }
}
