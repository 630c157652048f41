package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One node of a compiled structural schema (Kubernetes {@code openAPIV3Schema} dialect).
 *
 * <p>Compiled once from the bundled CRD JSON by {@link SchemaCompiler}; immutable after that and shared
 * by all threads. Fields mirror the keywords a structural schema may use; absent keywords are
 * {@code null} (or empty collections).
 */
public final class SchemaNode {

  /** The JSON types a structural schema names in {@code type}. */
  public enum Type {
    /** {@code type: object}. */
    OBJECT,
    /** {@code type: array}. */
    ARRAY,
    /** {@code type: string}. */
    STRING,
    /** {@code type: integer}. */
    INTEGER,
    /** {@code type: number}. */
    NUMBER,
    /** {@code type: boolean}. */
    BOOLEAN,
    /** No {@code type} (only allowed with int-or-string or preserve-unknown-fields). */
    ANY
  }

  Type type = Type.ANY;
  boolean nullable;
  boolean intOrString;
  boolean preserveUnknownFields;
  boolean embeddedResource;
  Map<String, SchemaNode> properties = Map.of();
  /** Sorted property names: the deterministic iteration order (defaults, "allowed" texts). */
  List<String> propertyNames = List.of();
  @Nullable SchemaNode additionalProperties;
  boolean additionalPropertiesAllowed;
  @Nullable SchemaNode items;
  List<String> required = List.of();
  @Nullable JsonNode defaultValue;
  @Nullable List<JsonNode> enumValues;
  @Nullable Set<String> enumStrings;
  @Nullable Pattern pattern;
  @Nullable String patternSource;
  @Nullable String format;
  @Nullable Long minLength;
  @Nullable Long maxLength;
  @Nullable Long minItems;
  @Nullable Long maxItems;
  @Nullable Long minProperties;
  @Nullable Long maxProperties;
  @Nullable BigDecimal minimum;
  @Nullable BigDecimal maximum;
  boolean exclusiveMinimum;
  boolean exclusiveMaximum;
  @Nullable BigDecimal multipleOf;
  @Nullable String listType;
  List<String> listMapKeys = List.of();
  List<SchemaNode> anyOf = List.of();
  List<SchemaNode> allOf = List.of();
  List<SchemaNode> oneOf = List.of();
  @Nullable SchemaNode not;
  /** Whether any node at or below this one carries a default (lets the walker skip defaulting work). */
  boolean defaultsBelow;

  SchemaNode() {}

  /**
   * The schema of a named property.
   *
   * @param name the property name
   * @return its schema, or null when the property is not declared
   */
  public @Nullable SchemaNode property(String name) {
    return properties.get(name);
  }

  /**
   * The schema of array items.
   *
   * @return the items schema, or null
   */
  public @Nullable SchemaNode items() {
    return items;
  }

  /**
   * The declared type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }
}
