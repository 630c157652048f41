package io.clusterstacks.core.stack;

import java.util.regex.Pattern;

/** A string format a ClusterClass variable declares, checked by the SDK before the API server does. */
public enum VariableFormat {
  /** A UUID (Kubernetes' {@code uuid4} format accepts any well-formed UUID). */
  UUID4("uuid4", Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")),
  /** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.8.0.0/20}. */
  CIDR("cidr", null),
  /** An IPv4 address, e.g. {@code 10.96.0.10}. */
  IPV4("ipv4", null);

  private final String schemaName;
  private final @org.jspecify.annotations.Nullable Pattern pattern;

  VariableFormat(String schemaName, @org.jspecify.annotations.Nullable Pattern pattern) {
    this.schemaName = schemaName;
    this.pattern = pattern;
  }

  /**
   * The format as the schema spells it.
   *
   * @return e.g. {@code uuid4}
   */
  public String schemaName() {
    return schemaName;
  }

  /**
   * Whether a string has this format.
   *
   * @param value the string
   * @return true when well-formed
   */
  public boolean matches(String value) {
    switch (this) {
      case CIDR:
        return io.clusterstacks.core.internal.Cidrs.parse(value).isPresent();
      case IPV4:
        return io.clusterstacks.core.internal.Cidrs.parseIpv4(value).isPresent();
      default:
        return pattern != null && pattern.matcher(value).matches();
    }
  }
}
