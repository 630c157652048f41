package io.clusterstacks.core.flavor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** scs-0103 extra_specs from and to flavor names; see {@link ScsFlavorName#toExtraSpecs()}. */
final class ExtraSpecs {
  static final String NAME_KEY_PREFIX = "scs:name-v";

  private ExtraSpecs() {}

  static Map<String, String> of(ScsFlavorName name) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cpus", Integer.toString(name.vcpus()));
    m.put("scs:cpu-type", name.cpuType().extraSpecValue());
    long halves = name.ramHalfGiB();
    m.put("ram", (halves / 2) + ((halves & 1) == 0 ? ".0" : ".5"));
    name.disk().ifPresent(d -> {
      m.put("disk", d.sizeGB().isPresent() ? Integer.toString(d.sizeGB().getAsInt()) : "");
      String type = d.type().orElse(DiskType.NETWORK).extraSpecValue();
      for (int i = 0; i < d.count(); i++) {
        m.put("scs:disk" + i + "-type", type);
      }
    });
    int i = 1;
    for (String n : names(name)) {
      m.put(NAME_KEY_PREFIX + i++, n);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Long and short name in v1 and v2 syntax, de-duplicated, longest first, v1 first on ties. */
  static List<String> names(ScsFlavorName name) {
    String longV2 = name.canonicalName();
    String shortV2 = name.shortName();
    List<String[]> all = new ArrayList<>(4);
    all.add(new String[] {ScsFlavorName.toV1(longV2), "v1"});
    all.add(new String[] {longV2, "v2"});
    if (!shortV2.equals(longV2)) {
      all.add(new String[] {ScsFlavorName.toV1(shortV2), "v1"});
      all.add(new String[] {shortV2, "v2"});
    }
    all.sort(Comparator.<String[]>comparingInt(a -> -a[0].length()).thenComparing(a -> a[1]));
    List<String> out = new ArrayList<>(all.size());
    for (String[] a : all) {
      out.add(a[0]);
    }
    return out;
  }

  /** The N of an {@code scs:name-vN} key, or -1 when the key is not of that form (or N is huge). */
  static long nameKeyNumber(String key) {
    if (!key.startsWith(NAME_KEY_PREFIX) || key.length() == NAME_KEY_PREFIX.length()) {
      return -1;
    }
    for (int i = NAME_KEY_PREFIX.length(); i < key.length(); i++) {
      if (!FlavorNameParser.isDigit(key.charAt(i))) {
        return -1;
      }
    }
    long v = FlavorNameParser.digits(key, NAME_KEY_PREFIX.length(), key.length());
    return v > FlavorNameParser.MAX_NUMBER ? -1 : v;
  }

  static Optional<ScsFlavorName> read(Map<String, String> extraSpecs) {
    if (extraSpecs == null) {
      return Optional.empty();
    }
    List<Map.Entry<String, String>> candidates = new ArrayList<>();
    for (Map.Entry<String, String> e : extraSpecs.entrySet()) {
      if (e.getKey() != null && e.getValue() != null && nameKeyNumber(e.getKey()) >= 0) {
        candidates.add(e);
      }
    }
    candidates.sort(Comparator.<Map.Entry<String, String>>comparingInt(
            e -> "scs:name-v2".equals(e.getKey()) ? 0 : 1)
        .thenComparingLong(e -> nameKeyNumber(e.getKey()))
        .thenComparing(Map.Entry::getKey));
    InvalidFlavorNameException first = null;
    for (Map.Entry<String, String> e : candidates) {
      FlavorNameParseResult r = ScsFlavorName.tryParse(e.getValue());
      if (r instanceof FlavorNameParseResult.Valid v) {
        return Optional.of(v.flavorName());
      }
      if (r instanceof FlavorNameParseResult.Invalid inv && first == null) {
        first = inv.error();
      }
    }
    if (first != null) {
      throw first;
    }
    return Optional.empty();
  }
}
