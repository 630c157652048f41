package io.clusterstacks.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A problem's path and fix, and an exception's message, stay bounded whatever the input: what is cut is
 * counted in a visible marker, and the message still names the field and the fix.
 */
class ProblemBoundsTest {
  private static final Pattern CUT = Pattern.compile("…\\((\\d+) characters cut\\)");

  /** Lengths at and around the limits, and far beyond them. */
  private static int[] lengths(int max) {
    return new int[] {0, 1, max - 1, max, max + 1, max + 2, 2 * max, 10 * max + 7, 100_003, 1 << 20};
  }

  /** The count in the one marker of a shortened text. */
  private static long cutCount(String shown) {
    Matcher m = CUT.matcher(shown);
    assertTrue(m.find(), "a marker in " + shown);
    long n = Long.parseLong(m.group(1));
    assertTrue(!m.find(), "one marker in " + shown);
    return n;
  }

  @Test
  void aLongPathKeepsItsStartAndItsFieldAndCountsWhatWasCut() {
    int generated = 0;
    for (int keyLength : lengths(Problem.MAX_PATH_CHARS)) {
      for (String field : List.of("replicas", "x".repeat(40), "")) {
        String path = "documents[3].spec." + "k".repeat(keyLength) + (field.isEmpty() ? "" : "." + field);
        Problem p = Problem.of(path, "3", "use 1 or more");
        generated++;
        assertTrue(p.path().length() <= Problem.MAX_PATH_CHARS, path.length() + " -> " + p.path().length());
        if (path.length() <= Problem.MAX_PATH_CHARS) {
          assertEquals(path, p.path(), "a path within the limit is kept whole");
          continue;
        }
        assertTrue(p.path().startsWith("documents[3].spec."), p.path());
        assertTrue(p.path().endsWith(field), "the field stays: " + p.path());
        long cut = cutCount(p.path());
        String marker = "…(" + cut + " characters cut)…";
        assertEquals(path.length(), p.path().length() - marker.length() + cut, "the count is exact: " + p.path());
        assertEquals(p, p.toBuilder().build(), "a shortened problem stays as it is when rebuilt");
        assertTrue(p.toString().length() <= Problem.MAX_PATH_CHARS + Problem.MAX_VALUE_CHARS + Problem.MAX_FIX_CHARS + 10,
            p.toString().length() + "");
      }
    }
    assertEquals(30, generated);
  }

  @Test
  void aShortenedPathPutBelowParentsKeepsAnExactCount() {
    String original = "spec." + "k".repeat(1_000_000) + ".replicas";
    Problem p = Problem.of(original, "3", "fix");
    long total = original.length();
    for (int depth = 0; depth < 200; depth++) {
      String parent = depth % 3 == 0 ? "documents[" + depth + "]" : "p".repeat(depth * 7);
      p = p.under(parent);
      total += parent.length() + 1;
      assertTrue(p.path().length() <= Problem.MAX_PATH_CHARS, p.path());
      long cut = cutCount(p.path());
      String marker = "…(" + cut + " characters cut)…";
      assertEquals(total, p.path().length() - marker.length() + cut, depth + ": " + p.path());
      // the start of the outermost parent stays (a parent longer than the kept start is cut too)
      assertTrue(p.path().startsWith(parent.substring(0, Math.min(parent.length(), 100))), p.path());
      assertTrue(p.path().endsWith(".replicas"), p.path());
    }
  }

  @Test
  void aLongFixKeepsItsStartAndCountsWhatWasCut() {
    for (int length : lengths(Problem.MAX_FIX_CHARS)) {
      String fix = "use one of " + "n".repeat(length);
      Problem p = Problem.of("spec.class", "x", fix);
      assertTrue(p.fix().length() <= Problem.MAX_FIX_CHARS, fix.length() + " -> " + p.fix().length());
      if (fix.length() <= Problem.MAX_FIX_CHARS) {
        assertEquals(fix, p.fix());
        continue;
      }
      assertTrue(p.fix().startsWith("use one of "), p.fix());
      long cut = cutCount(p.fix());
      assertTrue(p.fix().endsWith("…(" + cut + " characters cut)"), p.fix());
      assertEquals(fix.length(), p.fix().length() - ("…(" + cut + " characters cut)").length() + cut);
      assertEquals(p, p.toBuilder().build());
    }
  }

  @Test
  void pathValueAndFixAreBoundedTogether() {
    String mb = "z".repeat(1 << 20);
    Problem p = Problem.of("spec." + mb + ".name", mb, "rename it; " + mb);
    assertTrue(p.path().length() <= Problem.MAX_PATH_CHARS);
    assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS);
    assertTrue(p.fix().length() <= Problem.MAX_FIX_CHARS);
    assertTrue(p.value().endsWith("…(" + mb.length() + " characters)"), p.value());
    assertTrue(p.toString().startsWith("spec.z"), p.toString());
    assertTrue(p.toString().contains(".name: got "), p.toString());
    assertTrue(p.toString().contains("; rename it; "), p.toString());
  }

  @Test
  void aMessageListsWholeProblemsUpToItsLimitAndCountsTheRest() {
    int generated = 0;
    String mb = "v".repeat(1 << 20);
    int[] counts = {1, 2, 3, 5, 6, 7, 8, 50, 999, 1_000, 100_000};
    // short problems, problems at the limits, and problems of megabytes
    List<java.util.function.IntFunction<Problem>> shapes = List.of(
        i -> Problem.of("flavors[" + i + "].vcpus", "-1", "use 1 or more"),
        i -> Problem.of("p".repeat(Problem.MAX_PATH_CHARS - 8) + "[" + i + "]", "y".repeat(Problem.MAX_VALUE_CHARS),
            "f".repeat(Problem.MAX_FIX_CHARS)),
        i -> Problem.of("documents[" + i + "].spec." + mb + ".replicas", mb, "write an integer; " + mb));
    for (var shape : shapes) {
      for (int count : counts) {
        if (count == 100_000 && shape != shapes.get(0) || count > 50 && shape == shapes.get(2)) {
          // each 1 MB problem builds megabytes before it is shortened; 100,000 of them follow below
          continue;
        }
        List<Problem> problems = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          problems.add(shape.apply(i));
        }
        check(problems);
        generated++;
      }
    }
    // 100,000 problems, each with a 1 MB path, value and fix (one shared string, so the heap holds them)
    List<Problem> huge = new ArrayList<>(100_000);
    Problem big = shapes.get(2).apply(0);
    for (int i = 0; i < 100_000; i++) {
      huge.add(big.under("items[" + i + "]"));
    }
    check(huge);
    generated++;
    assertEquals(30, generated);
  }

  private static void check(List<Problem> problems) {
    InvalidInputException e = new InvalidInputException(problems);
    String m = e.getMessage();
    int total = problems.size();
    assertTrue(m.length() <= InvalidInputException.MAX_MESSAGE_CHARS, total + " problems: " + m.length());
    assertEquals(total, e.problems().size(), "problems() holds every problem");
    assertTrue(m.startsWith("invalid input (" + total + (total == 1 ? " problem)" : " problems)")), m);
    int shown = m.split("\n  - ", -1).length - 1;
    assertTrue(shown >= 1, "at least the first problem is shown");
    for (int i = 0; i < shown; i++) {
      assertTrue(m.contains("\n  - " + problems.get(i) + (i == shown - 1 ? "" : "\n")), "problem " + i + " is whole");
    }
    // the first problem names its field and its fix
    assertTrue(m.contains(problems.get(0).path() + ": got "), m.substring(0, Math.min(m.length(), 400)));
    assertTrue(m.contains(problems.get(0).fix()), "the fix is shown");
    int left = total - shown;
    if (left == 0) {
      assertTrue(m.endsWith(problems.get(total - 1).toString()), "nothing follows the last problem");
    } else {
      assertTrue(m.endsWith("\n  (" + left + (left == 1 ? " more problem is" : " more problems are")
          + " not shown; problems() holds all of them)"), m.substring(m.length() - 100));
      // cut only when full: the next problem, with the longest count line after it, would not have fit
      String countLine = "\n  (" + total + " more problems are not shown; problems() holds all of them)";
      int listed = m.lastIndexOf("\n  (" + left + " more problem");
      int next = ("\n  - " + problems.get(shown)).length() + (left == 1 ? 0 : countLine.length());
      assertTrue(listed + next > InvalidInputException.MAX_MESSAGE_CHARS, listed + " + " + next);
    }
  }
}
