package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.internal.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One variable of a stack release's ClusterClass: name, type, format, allowed values, default.
 *
 * <p>{@link #problems(Object)} checks a value the way the API server checks it against the
 * variable's OpenAPI schema (type, format, enum, minimum, minItems), before anything is sent.
 */
@Value.Immutable
@SdkStyle
public abstract class VariableSpec {
  VariableSpec() {}

  /**
   * The variable name as the ClusterClass declares it.
   *
   * @return e.g. {@code controlPlaneFlavor}
   */
  public abstract String name();

  /**
   * The variable's type.
   *
   * @return the type
   */
  public abstract VariableType type();

  /**
   * The string format, for string variables (or string array items) that declare one.
   *
   * @return e.g. {@link VariableFormat#UUID4}
   */
  public abstract Optional<VariableFormat> format();

  /**
   * The allowed values of a string variable; empty when any string is allowed.
   *
   * @return e.g. {@code [none, octavia-amphora, octavia-ovn]}
   */
  public abstract List<String> allowedValues();

  /**
   * The type of array items, for array variables.
   *
   * @return e.g. {@link VariableType#STRING}
   */
  public abstract Optional<VariableType> itemType();

  /**
   * The property names of object variables (other names are rejected).
   *
   * @return e.g. {@code [clientID, issuerURL]}
   */
  public abstract List<String> properties();

  /**
   * The smallest allowed value, for integer variables.
   *
   * @return the minimum, if declared
   */
  public abstract OptionalLong minimum();

  /**
   * The smallest allowed number of items, for array variables.
   *
   * @return the minimum item count, if declared
   */
  public abstract OptionalInt minItems();

  /**
   * The schema default, normalised (String, Long, Boolean, List, Map).
   *
   * @return the default, or empty when the variable has none
   */
  public abstract Optional<Object> defaultValue();

  /**
   * Whether a Cluster must set this variable.
   *
   * @return true for required variables (e.g. Kamaji's {@code data_store})
   */
  @Value.Default
  public boolean required() {
    return false;
  }

  /**
   * What the variable does, in a few words.
   *
   * @return a short description
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * Normalises the default.
   *
   * @return the normalised copy
   */
  @Value.Check
  VariableSpec normalize() {
    if (defaultValue().isPresent()) {
      Object n = Values.normalize(defaultValue().get());
      if (!n.equals(defaultValue().get())) {
        return builder().from(this).defaultValue(n).build();
      }
    }
    return this;
  }

  /**
   * Checks a value against the schema.
   *
   * @param value the value (String, number, Boolean, List, Map)
   * @return one problem per mismatch, its path starting with the variable's name (e.g.
   *     {@code dnsNameservers[0]}); empty when the value is accepted
   */
  public List<Problem> problems(Object value) {
    List<Problem> out = new ArrayList<>();
    Object v;
    try {
      v = Values.normalize(value);
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> out.add(Problem.of(name(), p.value(), p.fix())));
      return out;
    }
    check(v, type(), out, name());
    if (out.isEmpty()) {
      if (v instanceof String s) {
        format().ifPresent(f -> {
          if (!f.matches(s)) {
            out.add(Problem.of(name(), "'" + Names.shown(s) + "'", "expected format " + f.schemaName() + example(f)));
          }
        });
        if (!allowedValues().isEmpty() && !allowedValues().contains(s)) {
          out.add(Problem.of(name(), "'" + Names.shown(s) + "'", "allowed values: " + String.join(", ", allowedValues())));
        }
      }
      if (v instanceof Long l && minimum().isPresent() && l < minimum().getAsLong()) {
        out.add(Problem.of(name(), Long.toString(l), "the minimum is " + minimum().getAsLong()));
      }
      if (v instanceof List<?> list) {
        if (minItems().isPresent() && list.size() < minItems().getAsInt()) {
          out.add(Problem.of(name(), list.size() + " item(s)", "at least " + minItems().getAsInt() + " needed"));
        }
        for (int i = 0; i < list.size(); i++) {
          Object item = list.get(i);
          if (itemType().isPresent()) {
            check(item, itemType().get(), out, name() + "[" + i + "]");
          }
          if (item instanceof String s && format().isPresent() && !format().get().matches(s)) {
            out.add(Problem.of(name() + "[" + i + "]", "'" + Names.shown(s) + "'",
                "expected format " + format().get().schemaName() + example(format().get())));
          }
        }
      }
      if (v instanceof Map<?, ?> map && !properties().isEmpty()) {
        for (Object k : map.keySet()) {
          if (!properties().contains(String.valueOf(k))) {
            out.add(Problem.of(name(), "the property '" + Names.shown(String.valueOf(k)) + "'",
                "not a property of this variable; valid: " + String.join(", ", properties())));
          }
        }
      }
    }
    return out;
  }

  /**
   * A problem as one sentence, the way {@link StackDialect#problems} used to read: path, value and fix.
   *
   * @param p the problem
   * @return e.g. {@code workerRootDisk: got string '30'; expected integer}
   */
  static String sentence(Problem p) {
    return p.path() + ": got " + p.value() + "; " + p.fix();
  }

  private static String example(VariableFormat f) {
    switch (f) {
      case UUID4:
        return " (e.g. ebfe5546-f09f-4f42-ab54-094e457d42ec; omit the variable rather than sending \"\")";
      case CIDR:
        return " (e.g. 10.8.0.0/20)";
      default:
        return " (e.g. 10.96.0.10)";
    }
  }

  private static void check(Object v, VariableType t, List<Problem> out, String path) {
    boolean ok;
    switch (t) {
      case STRING:
        ok = v instanceof String;
        break;
      case INTEGER:
        ok = v instanceof Long;
        break;
      case NUMBER:
        ok = v instanceof Long || v instanceof Double;
        break;
      case BOOLEAN:
        ok = v instanceof Boolean;
        break;
      case ARRAY:
        ok = v instanceof List;
        break;
      default:
        ok = v instanceof Map;
        break;
    }
    if (!ok) {
      out.add(Problem.of(path, Values.typeName(v) + " " + render(v), "expected " + t.schemaName()));
    }
  }

  private static String render(Object v) {
    return v instanceof String ? "'" + Names.shown((String) v) + "'" : Names.shown(String.valueOf(v));
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A VariableSpec built by a function, e.g. {@code VariableSpec.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the variable spec
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static VariableSpec of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this variable spec's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link VariableSpec}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableVariableSpec.Builder {
    Builder() {}
  }
}
