package io.clusterstacks.core.property;

import java.util.Random;

/** Seeded random identifiers and names in the shapes OpenStack and Kubernetes use. */
final class Ids {

  private static final String HEX = "0123456789abcdef";
  private static final String LABEL = "abcdefghijklmnopqrstuvwxyz0123456789-";

  private Ids() {}

  /** A random version-4 UUID, lower-case, as Nova and Glance return them. */
  static String uuid(Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      char c = HEX.charAt(rnd.nextInt(16));
      if (i == 12) {
        c = '4';
      } else if (i == 16) {
        c = "89ab".charAt(rnd.nextInt(4));
      }
      sb.append(c);
      if (i == 7 || i == 11 || i == 15 || i == 19) {
        sb.append('-');
      }
    }
    return sb.toString();
  }

  /**
   * A DNS-1123 label of 1 to {@code max} characters, biased to the edges: one character, the maximum,
   * digits first, inner hyphens.
   */
  static String label(Random rnd, int max) {
    int len = switch (rnd.nextInt(6)) {
      case 0 -> 1;
      case 1 -> max;
      default -> 1 + rnd.nextInt(Math.min(max, 12));
    };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      boolean edge = i == 0 || i == len - 1;
      sb.append(LABEL.charAt(rnd.nextInt(edge ? LABEL.length() - 1 : LABEL.length())));
    }
    return sb.toString();
  }
}
