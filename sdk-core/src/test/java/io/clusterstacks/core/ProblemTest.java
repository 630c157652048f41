package io.clusterstacks.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void longValuesAreShortenedToTheLimitWithTheirLength() {
    for (int length : new int[] {121, 200, 10_000, 20_000_000}) {
      Problem p = Problem.of("spec.name", "x".repeat(length), "use a shorter name");
      assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS, length + ": " + p.value().length());
      assertTrue(p.value().endsWith("…(" + length + " characters)"), p.value());
      assertEquals(p, p.toBuilder().build(), "a shortened problem stays as it is when rebuilt");
    }
    Problem fits = Problem.of("a", "y".repeat(Problem.MAX_VALUE_CHARS), "fix");
    assertEquals("y".repeat(Problem.MAX_VALUE_CHARS), fits.value());
  }

  @Test
  void missingAttributesAreReportedAllAtOnceWithTheValueType() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Problem.builder().build());
    assertEquals(List.of("problem.path", "problem.value", "problem.fix"),
        e.problems().stream().map(Problem::path).toList());
    assertTrue(e.problems().stream().allMatch(p -> p.value().equals(Problem.MISSING)));
  }

  @Test
  void aNullAttributeIsATypedProblem() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Problem.builder().path(null));
    assertEquals("problem.path", e.problems().get(0).path());
  }

  @Test
  void problemsMoveBelowAParentPath() {
    InvalidInputException e = new InvalidInputException(List.of(Problem.of("vcpus", "-1", "use 1 or more"),
        Problem.of("", "{}", "give a flavor")));
    assertEquals(List.of("flavors[2].vcpus", "flavors[2]"),
        e.under("flavors[2]").problems().stream().map(Problem::path).toList());
    assertTrue(e.getMessage().startsWith("invalid input (2 problems)"), e.getMessage());
  }

  @Test
  void aNullArgumentNamesTheParameter() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> InvalidInputException.requireArgument(null, "request"));
    assertEquals("request", e.problems().get(0).path());
  }
}
