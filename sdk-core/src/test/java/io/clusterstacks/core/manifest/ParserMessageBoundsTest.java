package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the manifest parser says about hostile input is bounded: notices quote input through the one
 * shortener ({@code Names.shown}), and a parse exception's message stays within
 * {@link InvalidInputException#MAX_MESSAGE_CHARS} however many problems and however long the keys and
 * values, while it still names the field and the fix.
 */
class ParserMessageBoundsTest {
  /** A notice quotes at most a few shortened values around its fixed wording. */
  private static final int MAX_NOTICE_CHARS = 4 * Problem.MAX_VALUE_CHARS + 200;

  /** Texts of growing length, some with a control character that must not reach a terminal raw. */
  private static List<String> hostileTexts() {
    List<String> out = new ArrayList<>();
    for (int length : new int[] {Problem.MAX_VALUE_CHARS - 1, Problem.MAX_VALUE_CHARS + 1, 1_000, 100_000, 1 << 20}) {
      out.add("k".repeat(length));
      out.add("\u001b[31m" + "r".repeat(length));
    }
    return out;
  }

  /** A YAML double-quoted scalar for a text (the control character written as an escape). */
  private static String quoted(String s) {
    return "\"" + s.replace("\u001b", "\\e") + "\"";
  }

  private static void assertBounded(ParsedManifests p, String what) {
    assertFalse(p.notices().isEmpty(), what);
    for (Notice n : p.notices()) {
      assertTrue(n.message().length() <= MAX_NOTICE_CHARS, what + ": " + n.message().length());
      assertFalse(n.message().contains("\u001b"), what + ": a raw escape character");
      assertTrue(n.message().startsWith("document 0 ("), n.message());
    }
  }

  @Test
  void noticesAboutGenericDocumentsQuoteKindNameAndApiVersionShortened() {
    int generated = 0;
    for (String t : hostileTexts()) {
      // three texts of 1 MiB would exceed the reader's per-document bound (3 MiB): name and apiVersion are cut
      String s = t.substring(0, Math.min(t.length(), 1 << 19));
      String yaml = "apiVersion: " + quoted(s + "/v1") + "\nkind: " + quoted(t) + "\nmetadata:\n  name: " + quoted(s) + "\n";
      ParsedManifests p = ManifestParser.parse(yaml);
      assertBounded(p, t.length() + " characters");
      assertTrue(p.notices().get(0).message().endsWith("has no typed model; kept generic"), p.notices().get(0).message());
      generated++;
    }
    assertEquals(10, generated);
  }

  @Test
  void noticesAboutClustersKeptGenericQuoteTheClassShortened() {
    int generated = 0;
    for (String t : hostileTexts()) {
      ParsedManifests p = ManifestParser.parse(ParserStrictnessTest.CLUSTER.replace("openstack-scs2-1-34-v2", quoted(t)));
      assertBounded(p, t.length() + " characters");
      assertTrue(p.notices().get(0).message().contains("is not a cluster-stack class name; kept generic"),
          p.notices().get(0).message());
      generated++;
    }
    // a well-formed class of a stack without a dialect, with the longest stack name
    ParsedManifests p = ManifestParser.parse(ParserStrictnessTest.CLUSTER.replace("openstack-scs2-1-34-v2",
        "openstack-" + "s".repeat(63) + "-1-34-v2"));
    assertBounded(p, "unknown stack");
    assertTrue(p.notices().get(0).message().contains("has no typed dialect"), p.notices().get(0).message());
    assertEquals(10, generated);
  }

  @Test
  void manyUnknownFieldsGiveABoundedMessageThatNamesTheFirstFieldAndAllProblems() {
    int generated = 0;
    for (int count : new int[] {1, 10, 1_000, 100_000}) {
      // YAML limits a plain key to 1,024 characters; beyond it the key is a syntax error, not a field
      for (int keyLength : new int[] {8, Problem.MAX_PATH_CHARS, 1_000}) {
        if (count * (long) keyLength > 2_000_000L) {
          continue;
        }
        StringBuilder extra = new StringBuilder();
        String key = "f".repeat(keyLength);
        for (int i = 0; i < count; i++) {
          extra.append("\n      ").append(key).append(i).append(": ").append(i);
        }
        String yaml = ParserStrictnessTest.CLUSTER.replace("    replicas: 3", "    replicas: 3" + extra);
        ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml));
        generated++;
        String m = e.getMessage();
        assertEquals(count, e.problems().size(), "problems() holds every problem");
        assertTrue(m.length() <= InvalidInputException.MAX_MESSAGE_CHARS, count + " x " + keyLength + ": " + m.length());
        // the first problem names its field (its path starts at the document) and its fix
        Problem first = e.problems().get(0);
        assertTrue(first.path().startsWith("documents[0].spec.topology.controlPlane.f"), first.path());
        assertTrue(first.path().endsWith("0"), "the end of the key stays: " + first.path());
        assertTrue(first.path().length() <= Problem.MAX_PATH_CHARS, first.path());
        assertTrue(m.contains("\n  - " + first.path() + ": got 0; remove it: the typed model does not represent it"),
            m.substring(0, Math.min(m.length(), 600)));
        if (m.length() > InvalidInputException.MAX_MESSAGE_CHARS - 3_000) {
          assertTrue(m.endsWith(" not shown; problems() holds all of them)"), m.substring(m.length() - 120));
        }
      }
    }
    assertEquals(10, generated);
  }

  @Test
  void longValuesOfWrongTypeAreShownShortened() {
    for (String t : hostileTexts()) {
      String yaml = ParserStrictnessTest.CLUSTER.replace("replicas: 3", "replicas: " + quoted(t));
      ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml));
      Problem p = e.problems().get(0);
      assertEquals("documents[0].spec.topology.controlPlane.replicas", p.path(), e.getMessage());
      assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS, p.value());
      assertFalse(e.getMessage().contains("\u001b"), "a raw escape character");
      assertTrue(e.getMessage().length() < 1_000, e.getMessage());
    }
  }

  @Test
  void aRefusedNumberIsShownShortenedWithItsField() {
    // non-zero numbers that no double holds, written with up to 999 digits (the readers' number limit is 1,000)
    for (String n : List.of("1e-400", "0." + "0".repeat(990) + "1", "1" + "0".repeat(990) + ".5e9",
        "9." + "9".repeat(990) + "e308")) {
      String yaml = ParserStrictnessTest.CLUSTER.replace("value: 0", "value: " + n);
      ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml), n);
      Problem p = e.problems().get(0);
      assertEquals("documents[0].spec.topology.variables[0].value", p.path(), e.getMessage());
      assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS, p.value());
      assertTrue(n.length() <= Problem.MAX_VALUE_CHARS ? p.value().equals(n) : p.value().endsWith(" characters)"),
          p.value());
      assertTrue(p.fix().startsWith("write "), p.fix());
      assertTrue(e.getMessage().length() < 1_000, e.getMessage());
    }
  }
}
