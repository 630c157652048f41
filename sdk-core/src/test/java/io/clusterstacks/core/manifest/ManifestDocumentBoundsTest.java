package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ManifestDocument#of(Map)} with maps that never end or repeat without bound: a map or list that
 * contains itself and a chain nested 10,000 deep overflowed the stack (StackOverflowError); lists that
 * share one list at every level made the copy walk 2^60 values. Each is now a typed error naming the bound.
 */
class ManifestDocumentBoundsTest {

  private static Map<String, Object> configMap(Object data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", "v1");
    m.put("kind", "ConfigMap");
    m.put("metadata", Map.of("name", "c"));
    m.put("data", data);
    return m;
  }

  private static Map<String, Object> nested(int levels) {
    Map<String, Object> m = new LinkedHashMap<>(Map.of("leaf", "x"));
    for (int i = 1; i < levels; i++) {
      Map<String, Object> outer = new LinkedHashMap<>();
      outer.put("a", m);
      m = outer;
    }
    return m;
  }

  @Test
  void aMapThatContainsItselfIsRefused() {
    Map<String, Object> self = new LinkedHashMap<>();
    self.put("self", self);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ManifestDocument.of(configMap(self)));
    assertTrue(e.getMessage().contains("deeper than 100 levels"), e.getMessage());
    List<Object> list = new ArrayList<>();
    list.add(list);
    assertThrows(InvalidInputException.class, () -> ManifestDocument.of(configMap(list)));
  }

  @Test
  void nestingIsBoundedAsInTheYamlReader() {
    // the document is level 1, its data level 2: a chain of 99 maps there ends at level 100
    assertEquals("ConfigMap", ManifestDocument.of(configMap(nested(99))).kind());
    assertThrows(InvalidInputException.class, () -> ManifestDocument.of(configMap(nested(100))));
    assertThrows(InvalidInputException.class, () -> ManifestDocument.of(configMap(nested(10_000))));
  }

  @Test
  void sharedListsCountEachTimeTheyAreReached() {
    List<Object> l = new ArrayList<>(List.of("x"));
    for (int i = 0; i < 60; i++) {
      l = List.of(l, l);
    }
    List<Object> shared = l;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ManifestDocument.of(configMap(shared)));
    assertTrue(e.getMessage().contains("more than 1000000 values"), e.getMessage());
  }
}
