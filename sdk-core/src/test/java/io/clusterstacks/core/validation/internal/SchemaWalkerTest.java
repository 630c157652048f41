package io.clusterstacks.core.validation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The structural-schema semantics of the walker on small schemas written for the test: null pruning
 * vs nullable, defaults before required, preserve-unknown-fields (nested), additionalProperties maps,
 * int-or-string, list types, anyOf, and regex search semantics.
 */
class SchemaWalkerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Outcome(List<String> violations, List<String> warnings, ObjectNode doc) {}

  private static Outcome walk(String schema, String doc) throws Exception {
    SchemaNode s = SchemaCompiler.compile(JSON.readTree(schema));
    ObjectNode d = (ObjectNode) JSON.readTree(doc);
    List<String> warnings = new ArrayList<>();
    DocContext ctx = new DocContext(0, "Test", "t", false,
        new ValidationEngine(name -> Optional.empty(), false), warnings);
    new SchemaWalker(ctx).walkRoot(d, s);
    List<String> v = ctx.violations.stream().map(x -> x.path() + " " + x.rule()).toList();
    return new Outcome(v, warnings, d);
  }

  @Test
  void nullsArePrunedDefaultedOrKeptAsTheApiServerDoes() throws Exception {
    Outcome o = walk("""
        {"type":"object","properties":{
          "plain":{"type":"array","items":{"type":"string"}},
          "withDefault":{"type":"string","default":"d"},
          "nullable":{"type":"string","nullable":true},
          "list":{"type":"array","items":{"type":"string"}}}}
        """, """
        {"plain":null,"withDefault":null,"nullable":null,"list":["a",null]}
        """);
    assertEquals(List.of("list[1] type"), o.violations());
    assertEquals(1, o.warnings().size(), o.warnings().toString());
    assertTrue(o.warnings().get(0).contains("plain: null value dropped"));
    assertEquals(JSON.readTree("{\"withDefault\":\"d\",\"nullable\":null,\"list\":[\"a\",null]}"), o.doc());
  }

  @Test
  void defaultsAreAppliedRecursivelyBeforeRequired() throws Exception {
    Outcome o = walk("""
        {"type":"object","properties":{
          "spec":{"type":"object","default":{},"required":["mode","inner"],"properties":{
            "mode":{"type":"string","default":"auto"},
            "inner":{"type":"object","default":{},"required":["n"],"properties":{"n":{"type":"integer","default":3}}}}}}}
        """, "{}");
    assertEquals(List.of(), o.violations());
    assertEquals("{\"spec\":{\"inner\":{\"n\":3},\"mode\":\"auto\"}}", o.doc().toString(),
        "defaults are added in a stable (sorted) order");
  }

  @Test
  void unknownFieldsAreRejectedUnlessPreservedOrMapped() throws Exception {
    Outcome o = walk("""
        {"type":"object","properties":{
          "strict":{"type":"object","properties":{"a":{"type":"string"}}},
          "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
                  "properties":{"typed":{"type":"integer"}}},
          "deep":{"type":"object","properties":{"inner":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}},
          "map":{"type":"object","additionalProperties":{"type":"integer"}},
          "empty":{"type":"object"}}}
        """, """
        {"strict":{"a":"x","b":1},"free":{"anything":{"goes":true},"typed":"not-a-number"},
         "deep":{"inner":{"x":1},"outer":2},"map":{"k":1,"l":"two"},"empty":{"z":0},"top":1}
        """);
    assertEquals(List.of("strict.b unknownField", "free.typed type", "deep.outer unknownField", "map.l type",
        "empty.z unknownField", "top unknownField"), o.violations());
  }

  @Test
  void intOrStringListTypesAnyOfAndPatterns() throws Exception {
    Outcome o = walk("""
        {"type":"object","properties":{
          "ios":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string","pattern":"^[0-9]+%$"}]},
          "ios2":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string","pattern":"^[0-9]+%$"}]},
          "ios3":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]},
          "set":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
          "byName":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                    "items":{"type":"object","properties":{"name":{"type":"string"},"v":{"type":"integer"}}}},
          "either":{"type":"object","anyOf":[{"required":["a"]},{"required":["b"]}],
                    "properties":{"a":{"type":"string"},"b":{"type":"string"}}},
          "searched":{"type":"string","pattern":"[0-9]"}}}
        """, """
        {"ios":"25%","ios2":"25 percent","ios3":1.5,"set":["a","b","a"],
         "byName":[{"name":"x","v":1},{"name":"x","v":2}],"either":{},"searched":"abc1def"}
        """);
    assertEquals(List.of("ios2 pattern", "ios3 type", "set[2] x-kubernetes-list-type",
        "byName[1] x-kubernetes-list-map-keys", "either anyOf"), o.violations());
  }

  @Test
  void formatsAndBounds() throws Exception {
    Outcome o = walk("""
        {"type":"object","properties":{
          "id":{"type":"string","format":"uuid"},
          "ip":{"type":"string","format":"ipv4"},
          "bytes":{"type":"string","format":"byte"},
          "when":{"type":"string","format":"date-time"},
          "n":{"type":"integer","format":"int32","minimum":1,"maximum":5},
          "x":{"type":"number","exclusiveMinimum":true,"minimum":0},
          "s":{"type":"string","minLength":2,"maxLength":3},
          "l":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"integer"}}}}
        """, """
        {"id":"3F1C2A4E-5B6D-4E7F-8A9B-0C1D2E3F4A5B","ip":"10.0.0.256","bytes":"aGk=","when":"2026-01-31T12:00:00Z",
         "n":6,"x":0,"s":"abcd","l":[]}
        """);
    assertEquals(List.of("ip format:ipv4", "n maximum", "x minimum", "s maxLength", "l minItems"), o.violations());
  }

  @Test
  void ipAddressesAndCidrs() {
    assertTrue(IpAddresses.isCidr("10.96.0.0/12"));
    assertTrue(IpAddresses.isCidr("fd00::/64"));
    assertTrue(!IpAddresses.isCidr("10.96.0.0/33"));
    assertTrue(!IpAddresses.isCidr("10.96.0.0"));
    assertTrue(IpAddresses.contains("10.96.0.0/12", "10.96.0.10"));
    assertTrue(!IpAddresses.contains("10.96.0.0/16", "10.128.0.10"));
    assertTrue(IpAddresses.contains("fd00:10:96::/112", "fd00:10:96::a"));
    assertTrue(IpAddresses.parseV6("::ffff:192.0.2.1") != null);
    assertTrue(IpAddresses.parseV6("1::2::3") == null);
    assertTrue(IpAddresses.parseV4("01.2.3.4") == null);
  }

  @Test
  void fieldPathsRenderLikeKubernetes() {
    assertEquals("spec.topology.workers.machineDeployments[0].replicas",
        FieldPath.of("spec.topology.workers.machineDeployments[0].replicas").toString());
    assertEquals("data[clouds.yaml]", FieldPath.ROOT.child("data").child("clouds.yaml").toString());
    assertEquals("<root>", FieldPath.ROOT.toString());
  }
}
