package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChooseImageStrategyTest {
  @Test
  void runsAndShowsAllThreeWays() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      ChooseImageStrategy.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("image: Glance image named ubuntu-capi-image-v1.34.7"), out);
    assertTrue(out.contains("refused: image strategy ubuntu"), out);
    assertTrue(out.contains("switched from topology to raw CAPI mode"), out);
    assertTrue(out.contains("'kubelet=1.34.7-*'"), out);
    assertTrue(out.contains("apt-mark hold containerd kubelet kubeadm kubectl") || out.contains("apt-mark hold cri-o"), out);
    assertTrue(out.contains("KubeadmBootstrapFormatIgnition"), out);
    assertTrue(out.contains("| strategy | scs topology |"), out);
  }
}
