package io.clusterstacks.samples.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Hostile cloud-profile JSON: the bundled profiles with one value replaced by a hostile one (numbers
 * beyond int and long, NaN, wrong types, control characters), keys removed, and syntax damage. A
 * profile that is read must keep every huge number it was given (no silent truncation).
 */
class CloudProfileHostileTest {

  static final int PER_GENERATOR = 1_500;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A generator: from a random source and a base profile tree, one input (text and what was done). */
  record Generator(String name, BiFunction<Random, ObjectNode, Case> make) {}

  /** One input: the JSON text and how it differs from a bundled profile, for reports. */
  record Case(String text, String change) {}

  /** Every generator. */
  static final List<Generator> GENERATORS = List.of(
      new Generator("one value replaced", CloudProfileHostileTest::replaceValue),
      new Generator("one key removed", CloudProfileHostileTest::removeKey));

  @Test
  void everyProfileIsReadOrRefusedWithATypedError() throws Exception {
    List<ObjectNode> bases = new ArrayList<>();
    for (String n : CloudProfiles.bundledNames()) {
      bases.add((ObjectNode) JSON.readTree(CloudProfiles.toJson(CloudProfiles.bundled(n))));
    }
    Random rnd = new Random(10_002L);
    HostileRun<String> run = new HostileRun<>("cloud-profile JSON", 10_000, text -> {
      CloudProfile p = CloudProfiles.fromJson(text);
      String back = CloudProfiles.toJson(p);
      for (String big : List.of("4294967297", "9223372036854775808", "2147483648")) {
        if (text.contains(": " + big) && !back.contains(big)) {
          throw new AssertionError("silently changed the number " + big);
        }
      }
      return back + p;
    });
    for (Generator g : GENERATORS) {
      for (int i = 0; i < PER_GENERATOR; i++) {
        Case c = g.make().apply(rnd, Hostile.pick(rnd, bases).deepCopy());
        run.run(c.text(), g.name(), c.change(), List.of());
      }
    }
    run.assertClean(GENERATORS.size() * PER_GENERATOR);
  }

  /** Every value node of a tree with its parent, key (or index) and path. */
  private static List<Object[]> slots(JsonNode node, String path) {
    List<Object[]> out = new ArrayList<>();
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(new Object[] {o, e.getKey(), path + "." + e.getKey()});
        out.addAll(slots(e.getValue(), path + "." + e.getKey()));
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Object[] {a, i, path + "[" + i + "]"});
        out.addAll(slots(a.get(i), path + "[" + i + "]"));
      }
    }
    return out;
  }

  static Case replaceValue(Random rnd, ObjectNode base) {
    List<Object[]> slots = slots(base, base.get("name").asText());
    Object[] slot = slots.get(rnd.nextInt(slots.size()));
    String marker = "\"@@HOSTILE@@\"";
    JsonNode mark = JSON.getNodeFactory().textNode("@@HOSTILE@@");
    if (slot[0] instanceof ObjectNode o) {
      o.set((String) slot[1], mark);
    } else {
      ((ArrayNode) slot[0]).set((Integer) slot[1], mark);
    }
    String value = switch (rnd.nextInt(5)) {
      case 0, 1 -> Hostile.pick(rnd, Hostile.NUMBERS);
      case 2 -> JSON.getNodeFactory().textNode(Hostile.text(rnd)).toString();
      case 3 -> Hostile.pick(rnd, "null", "true", "{}", "[]", "[1]", "{\"a\":1}", "\"\"", "-1", "0");
      default -> "\"" + Hostile.pick(rnd, Hostile.NUMBERS) + "\"";
    };
    // Numbers that JSON does not allow (NaN, 0x10, +5, .inf) stay as written: they are syntax errors.
    return new Case(base.toPrettyString().replace(marker, value), slot[2] + " = " + HostileRun.show(value));
  }

  static Case removeKey(Random rnd, ObjectNode base) {
    List<Object[]> slots = slots(base, base.get("name").asText()).stream().filter(s -> s[0] instanceof ObjectNode)
        .toList();
    Object[] slot = slots.get(rnd.nextInt(slots.size()));
    ((ObjectNode) slot[0]).remove((String) slot[1]);
    return new Case(base.toPrettyString(), "without " + slot[2]);
  }
}
