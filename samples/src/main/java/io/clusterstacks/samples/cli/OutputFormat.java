package io.clusterstacks.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/** How a command prints its result: a table for people, YAML or JSON for programs. */
public enum OutputFormat {
  /** Aligned text for a terminal. */
  TABLE,
  /** One YAML document. */
  YAML,
  /** One JSON object, indented. */
  JSON;

  /** The mappers, created on first use only: a command that prints a table never pays for them. */
  private static final class Mappers {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .build());
  }

  /**
   * Writes a tree of maps, lists and scalars in this format (YAML or JSON only).
   *
   * @param value the value; maps keep their insertion order
   * @return the text, ending with a line break
   */
  public String write(Object value) {
    try {
      return switch (this) {
        case JSON -> Mappers.JSON.writeValueAsString(value) + "\n";
        case YAML -> Mappers.YAML.writeValueAsString(value);
        case TABLE -> throw new IllegalStateException("a table is written by each command itself");
      };
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
