package io.clusterstacks.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.openstack.CloudConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The provider quirks of {@code provider-quirks.json}: which cloud has which maintenance keys. */
public final class ProviderQuirksCatalog {
  private static final JsonNode DATA = load();

  private ProviderQuirksCatalog() {}

  private static JsonNode load() {
    try (InputStream in = ProviderQuirksCatalog.class.getResourceAsStream("/io/clusterstacks/openstack/provider-quirks.json")) {
      if (in == null) {
        throw new IllegalStateException("provider-quirks.json is missing from sdk-openstack's jar");
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The known provider keys.
   *
   * @return e.g. {@code [pluscloud-open]}
   */
  public static List<String> keys() {
    List<String> out = new ArrayList<>();
    DATA.path("providers").forEach(p -> out.add(p.path("key").asText()));
    return out;
  }

  /**
   * The quirks of a cloud: the provider named in its configuration, else the one its auth URL names.
   *
   * @param config the cloud
   * @param notes receives a sentence on what was recognised
   * @return the quirks, {@link ProviderQuirks#NONE} for an unknown provider
   */
  public static ProviderQuirks forCloud(CloudConfig config, List<String> notes) {
    String url = config.authUrl().toLowerCase(Locale.ROOT);
    for (JsonNode p : DATA.path("providers")) {
      String key = p.path("key").asText();
      boolean named = config.provider().map(key::equals).orElse(false);
      boolean byUrl = false;
      for (JsonNode s : p.path("authUrlContains")) {
        byUrl |= config.provider().isEmpty() && url.contains(s.asText());
      }
      if (named || byUrl) {
        notes.add("provider quirks: " + key + (named ? " (named in the cloud's configuration)" : " (recognised by the auth URL)"));
        return quirks(p);
      }
    }
    if (config.provider().isPresent() && !config.provider().get().equals("none")) {
      throw new InvalidInputException(List.of(Problem.of("clouds." + config.name() + ".clusterstacks_provider",
          config.provider().get(), "use one of " + keys() + " or none")));
    }
    return ProviderQuirks.NONE;
  }

  private static ProviderQuirks quirks(JsonNode p) {
    var b = ProviderQuirks.builder()
        .restartAfterMaintenanceKey(p.path("restartAfterMaintenanceKey").asText())
        .restartAfterMaintenanceValue(p.path("restartAfterMaintenanceValue").asText("true"))
        .localDiskServersStoppedInMaintenance(p.path("localDiskServersStoppedInMaintenance").asBoolean(true));
    p.path("maintenanceAnnouncementKeys").forEach(k -> b.addMaintenanceAnnouncementKeys(k.asText()));
    return b.build();
  }
}
