package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI {@code format}s the API server checks (its strfmt registry), for the ones the bundled
 * CRDs use ({@code uuid}, {@code ipv4}, {@code uri}, {@code byte}, {@code date-time}) and a few more
 * ({@code uuid3/4/5}, {@code ipv6}, {@code cidr}, {@code date}, {@code hostname}). Unknown formats are
 * ignored, as the API server does. Integer formats {@code int32}/{@code int64} are range-checked, which
 * is stricter than the API server (it accepts them, but the controller cannot decode the object).
 */
public final class Formats {

  private static final Pattern UUID = Pattern.compile(
      "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID3 = Pattern.compile(
      "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID4 = Pattern.compile(
      "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern UUID5 = Pattern.compile(
      "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern HOSTNAME = Pattern.compile(
      "^([a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*\\.?$");
  private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Formats() {}

  /**
   * Checks a value against a format.
   *
   * @param format the format name
   * @param value the value (only strings and integers are checked)
   * @return null when valid (or the format is not checked), else a text saying what is allowed
   */
  public static @Nullable String check(String format, JsonNode value) {
    if (value.isTextual()) {
      String s = value.textValue();
      return switch (format) {
        case "uuid" -> UUID.matcher(s).matches() ? null : "a UUID such as 3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
        case "uuid3" -> UUID3.matcher(s).matches() ? null : "a version-3 UUID";
        case "uuid4" -> UUID4.matcher(s).matches() ? null : "a version-4 UUID";
        case "uuid5" -> UUID5.matcher(s).matches() ? null : "a version-5 UUID";
        case "ipv4" -> IpAddresses.parseV4(s) != null ? null : "an IPv4 address such as 192.0.2.10";
        case "ipv6" -> IpAddresses.parseV6(s) != null ? null : "an IPv6 address";
        case "cidr" -> IpAddresses.isCidr(s) ? null : "a CIDR such as 10.8.0.0/20";
        case "byte" -> isBase64(s) ? null : "base64-encoded bytes (standard alphabet, padded)";
        case "date-time", "datetime" -> isDateTime(s) ? null : "an RFC 3339 date-time such as 2026-01-31T12:00:00Z";
        case "date" -> isDate(s) ? null : "a date such as 2026-01-31";
        case "uri" -> isRequestUri(s) ? null : "an absolute URI such as https://example.org/x";
        case "hostname" -> HOSTNAME.matcher(s).matches() && s.length() <= 255 ? null : "a host name";
        default -> null;
      };
    }
    if (SchemaWalker.isInteger(value)) {
      // 3e9 and 2147483648.0 are integers too: range-check them whatever the notation. Compared as
      // decimals: converting 1e999999999 (a BigDecimal from ManifestDocument.fromMap) to a BigInteger
      // would take minutes and gigabytes, comparing it takes no time.
      BigDecimal v = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
      return switch (format) {
        case "int32" -> v.compareTo(INT32_MIN) >= 0 && v.compareTo(INT32_MAX) <= 0 ? null
            : "a 32-bit integer (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")";
        case "int64" -> v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0 ? null
            : "a 64-bit integer";
        default -> null;
      };
    }
    return null;
  }

  private static boolean isBase64(String s) {
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Like Go's {@code url.ParseRequestURI}: an absolute URI, or an absolute path. */
  private static boolean isRequestUri(String s) {
    try {
      URI u = new URI(s);
      return u.isAbsolute() || s.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
