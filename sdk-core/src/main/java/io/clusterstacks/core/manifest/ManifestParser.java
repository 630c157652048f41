package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.manifest.internal.ApiVersions;
import io.clusterstacks.core.manifest.internal.TypedReader;
import io.clusterstacks.core.manifest.internal.Yaml;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.VersionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads manifests back.
 *
 * <p>{@link #parseLenient(String)} accepts any Kubernetes objects (older stacks such as {@code alpha},
 * unknown dialects, any kind) as generic documents. {@link #parse(String)} additionally reads
 * ClusterStacks, topology-mode Clusters of known stacks, ORC Images and CSPO release templates into the
 * typed model, strictly: a field the model does not represent, a wrong type or a broken cross-field
 * rule is an error; documents of other kinds, raw Clusters and Clusters of stacks without a dialect
 * stay generic with a notice. {@code null} fields count as absent, as the API server prunes them
 * (e.g. {@code topology.variables:} left empty).
 */
public final class ManifestParser {
  private ManifestParser() {}

  /**
   * Reads every document generically.
   *
   * @param yaml one or more YAML documents
   * @return the documents (no notices)
   * @throws io.clusterstacks.core.ClusterStacksException when the YAML is malformed or a document is not a mapping
   */
  public static Manifests parseLenient(String yaml) {
    InvalidInputException.requireArgument(yaml, "yaml");
    List<ManifestDocument> docs = new ArrayList<>();
    List<JsonNode> nodes = Yaml.readAll(yaml);
    for (int i = 0; i < nodes.size(); i++) {
      docs.add(ManifestDocument.owning(nodes.get(i), "documents[" + i + "]"));
    }
    return Manifests.of(docs, List.of());
  }

  /**
   * Reads documents into the typed model where it knows them, with the built-in release catalogue.
   *
   * @param yaml one or more YAML documents
   * @return typed and generic documents with notices
   * @throws ManifestParseException listing every problem of documents that should be typed but do not fit
   */
  public static ParsedManifests parse(String yaml) {
    InvalidInputException.requireArgument(yaml, "yaml");
    return parse(yaml, ReleaseCatalogue.builtIn());
  }

  /**
   * Reads documents into the typed model where it knows them.
   *
   * @param yaml one or more YAML documents
   * @param releases the release catalogue for Cluster version checks
   * @return typed and generic documents with notices
   * @throws ManifestParseException listing every problem of documents that should be typed but do not fit
   */
  public static ParsedManifests parse(String yaml, ReleaseCatalogue releases) {
    InvalidInputException.requireArgument(yaml, "yaml");
    InvalidInputException.requireArgument(releases, "releases");
    List<ParsedDocument> out = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<JsonNode> nodes = Yaml.readAll(yaml);
    for (int i = 0; i < nodes.size(); i++) {
      ManifestDocument doc = ManifestDocument.owning(nodes.get(i), "documents[" + i + "]");
      JsonNode n = nodes.get(i);
      // kind, name and apiVersion are input: shown escaped and shortened, as every notice quoting input
      String where = "document " + i + " (" + Names.shown(doc.kind()) + "/" + Names.shown(doc.name()) + ")";
      TypedReader r = new TypedReader("documents[" + i + "]");
      Optional<Object> typed = Optional.empty();
      String av = doc.apiVersion();
      try {
        if (doc.kind().equals("ClusterStack") && av.equals(ApiVersions.CSO)) {
          typed = r.clusterStack(n).map(x -> x);
        } else if (doc.kind().equals("Cluster") && av.equals(ApiVersions.CAPI)) {
          typed = r.cluster(n, releases).map(x -> x);
          typed.flatMap(c -> ((io.clusterstacks.core.model.ClusterSpec) c).versionCheck())
              .filter(v -> v.status() == VersionCheck.Status.PARTIAL)
              .ifPresent(v -> notices.add(Notice.of(Severity.WARNING, Notice.Code.VERSION_CHECK_PARTIAL, where + ": " + v.message())));
        } else if (doc.kind().equals("Image") && av.equals(ApiVersions.ORC)) {
          typed = r.orcImage(n).map(x -> x);
        } else if (doc.kind().equals("OpenStackClusterStackReleaseTemplate") && av.equals(ApiVersions.CSPO)) {
          typed = r.cspoTemplate(n).map(x -> x);
        } else {
          notices.add(Notice.of(Severity.INFO, Notice.Code.KEPT_GENERIC, where + ": " + (av.isEmpty() ? "no apiVersion" : Names.shown(av))
              + " " + Names.shown(doc.kind()) + " has no typed model; kept generic"));
        }
      } catch (TypedReader.KeepGeneric g) {
        notices.add(Notice.of(Severity.INFO, Notice.Code.KEPT_GENERIC, where + ": " + g.getMessage()));
      }
      problems.addAll(r.problems());
      out.add(ParsedDocument.builder().index(i).document(doc).typed(typed).build());
    }
    if (!problems.isEmpty()) {
      throw new ManifestParseException(problems);
    }
    return new ParsedManifests(out, notices);
  }
}
