package io.clusterstacks.benchmarks.flavor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.flavor.NotAnScsFlavorNameException;
import io.clusterstacks.core.flavor.ScsFlavorName;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: the regex peer (the reference's regular expressions,
 * verbatim) and the hand-written parser give the same outcome and the same result on the benchmark's
 * mix and on 100,000 seeded mutations of it. This is also a differential test of the hand-written
 * parser against the reference's grammar.
 */
class RegexPeerAgreementTest {
  private static final String ALPHABET = "0123456789LVTCiuoxnhsp-_:.kvmxenwybcGgNAIazr";

  @Test
  void sameOutcomeOnTheMix() {
    int valid = 0;
    for (String name : FlavorNameParseBenchmark.MIX) {
      valid += agree(name) ? 1 : 0;
    }
    assertEquals(32, valid, "the mix has 32 valid and 8 invalid names");
  }

  @Test
  void sameOutcomeOnMutatedNames() {
    Random rnd = new Random(20261125L);
    int valid = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder(FlavorNameParseBenchmark.MIX[rnd.nextInt(FlavorNameParseBenchmark.MIX.length)]);
      int ops = 1 + rnd.nextInt(3);
      for (int k = 0; k < ops; k++) {
        int pos = 4 + rnd.nextInt(sb.length() - 3);
        switch (rnd.nextInt(4)) {
          case 0 -> sb.insert(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
          case 1 -> {
            if (pos < sb.length()) {
              sb.deleteCharAt(pos);
            }
          }
          case 2 -> {
            if (pos < sb.length()) {
              sb.setCharAt(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
          }
          default -> sb.insert(pos, "9".repeat(1 + rnd.nextInt(25)));
        }
      }
      valid += agree(sb.toString()) ? 1 : 0;
    }
    assertTrue(valid > 5_000, "valid " + valid);
  }

  private static boolean agree(String name) {
    Object ours = outcome(() -> ScsFlavorName.parse(name));
    Object peer = outcome(() -> RegexFlavorNameParser.parse(name));
    assertEquals(peer, ours, name);
    if (ours instanceof ScsFlavorName f) {
      ScsFlavorName p = (ScsFlavorName) peer;
      assertEquals(p.canonicalName(), f.canonicalName(), name);
      assertEquals(p.syntax(), f.syntax(), name);
      return true;
    }
    return false;
  }

  private static Object outcome(java.util.function.Supplier<ScsFlavorName> parse) {
    try {
      return parse.get();
    } catch (NotAnScsFlavorNameException e) {
      return "not SCS";
    } catch (ClusterStacksException e) {
      return "invalid";
    }
  }
}
