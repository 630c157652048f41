package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.DocumentResult;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterstacks validate FILE...}: checks manifests offline against the bundled upstream CRDs,
 * strictly (unknown fields are errors), and lists every violation.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Validate Kubernetes manifests offline against the upstream CRDs (CAPI, CAPO, CSO, CSPO, Kamaji, ORC),"
            + " strictly: unknown fields are errors.",
        "Each file may hold several YAML documents; the documents of one file are validated together."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every document is valid",
        "2:a file or folder cannot be read, or an option is wrong",
        "4:at least one document has violations"})
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Manifest files (YAML or JSON), or folders: their *.yaml, *.yml and *.json files,"
          + " recursively, in name order.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table, yaml or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output = OutputFormat.TABLE;

  @Option(names = "--unknown-kinds-are-violations",
      description = "Reject documents whose kind has no bundled schema (by default they are warnings).")
  boolean unknownKindsAreViolations;

  @Option(names = "--release-kubernetes-version", paramLabel = "CLASS=VERSION",
      description = "The exact Kubernetes version a ClusterClass was built for, e.g."
          + " openstack-scs2-1-33-v1=v1.33.4, so the exact-version rule is checked fully. Repeatable.")
  Map<String, String> releaseVersions = new LinkedHashMap<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One validated file: its report, or why it could not be read. */
  record FileResult(Path file, ValidationReport report, String unreadable) {}

  @Override
  public Integer call() {
    CrdValidator validator = CrdValidator.builder()
        .unknownKindsAreViolations(unknownKindsAreViolations)
        .releaseKubernetesVersions(releaseVersions)
        .build();
    List<FileResult> results = new ArrayList<>();
    for (Path input : inputs) {
      for (Path file : expand(input, results)) {
        String text;
        try {
          text = CliFiles.readText(file, "validate");
        } catch (ClusterStacksException e) {
          results.add(new FileResult(file, null, e.getMessage().substring("validate ".length())));
          continue;
        }
        results.add(new FileResult(file, validator.validateYaml(text), null));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    results.stream().filter(r -> r.unreadable() != null)
        .forEach(r -> err.println("error: " + r.unreadable()));
    if (output == OutputFormat.TABLE) {
      out.print(table(results));
    } else {
      out.print(output.write(tree(results)));
    }
    out.flush();
    err.flush();
    if (results.stream().anyMatch(r -> r.unreadable() != null)) {
      return ClusterStacksCli.EXIT_INVALID_INPUT;
    }
    long invalid = results.stream().filter(r -> !r.report().isValid()).count();
    if (invalid > 0) {
      err.println("error: " + invalid + " of " + results.size() + " file(s) have violations (listed above)");
      err.flush();
      return ClusterStacksCli.EXIT_VALIDATION_FAILED;
    }
    return ClusterStacksCli.EXIT_OK;
  }

  /** The manifest files of one argument; problems are recorded as unreadable results. */
  private static List<Path> expand(Path input, List<FileResult> results) {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      results.add(new FileResult(input, null, TerminalText.quote(input.toString()) + ": "
          + CliFiles.notARegularFile(input).orElse("is not a regular file")));
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(input)) {
      files = walk.filter(Files::isRegularFile)
          .filter(ValidateCommand::isManifest)
          .filter(f -> !isHidden(input.relativize(f)))
          .sorted()
          .toList();
    } catch (IOException e) {
      results.add(new FileResult(input, null, input + ": the folder cannot be read (" + e.getMessage() + ")"));
      return List.of();
    }
    if (files.isEmpty()) {
      results.add(new FileResult(input, null,
          input + ": the folder holds no *.yaml, *.yml or *.json files; name a file or another folder"));
    }
    return files;
  }

  private static boolean isManifest(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String table(List<FileResult> results) {
    StringBuilder sb = new StringBuilder();
    TextTable t = new TextTable("FILE", "DOC", "KIND", "NAME", "CHECKED BY", "VIOLATIONS");
    int docs = 0;
    int violations = 0;
    int files = 0;
    for (FileResult r : results) {
      if (r.report() == null) {
        t.row(r.file(), "-", "-", "-", "unreadable", "-");
        continue;
      }
      files++;
      for (DocumentResult d : r.report().documents()) {
        t.row(r.file(), d.index(), blank(d.kind()), blank(d.name()), checkedBy(d), d.violationCount());
        docs++;
      }
      violations += r.report().violations().size();
      if (r.report().documents().isEmpty()) {
        t.row(r.file(), "-", "-", "-", "no documents", r.report().violations().size());
      }
    }
    sb.append(t);
    for (FileResult r : results) {
      if (r.report() == null) {
        continue;
      }
      if (!r.report().violations().isEmpty()) {
        sb.append('\n').append(r.file()).append(":\n");
        r.report().violations().forEach(v -> sb.append("  - ").append(v.describe()).append('\n'));
      }
      if (!r.report().warnings().isEmpty()) {
        sb.append('\n').append(r.file()).append(" (warnings):\n");
        r.report().warnings().forEach(w -> sb.append("  ! ").append(w).append('\n'));
      }
    }
    sb.append('\n').append(files).append(" file(s), ").append(docs).append(" document(s), ")
        .append(violations).append(" violation(s): ")
        .append(files < results.size() ? "UNREADABLE INPUT" : violations == 0 ? "valid" : "INVALID").append('\n');
    return sb.toString();
  }

  private static String blank(String s) {
    return s.isEmpty() ? "-" : s;
  }

  private static String checkedBy(DocumentResult d) {
    return switch (d.status()) {
      case CRD_SCHEMA -> "crd schema";
      case BUILT_IN_RULES -> "built-in rules";
      case NOT_SCHEMA_CHECKED -> "NOT SCHEMA-CHECKED";
    };
  }

  private static Map<String, Object> tree(List<FileResult> results) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("valid", results.stream().allMatch(r -> r.report() != null && r.report().isValid()));
    List<Object> files = new ArrayList<>();
    for (FileResult r : results) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", r.file().toString());
      if (r.report() == null) {
        f.put("error", r.unreadable());
        files.add(f);
        continue;
      }
      f.put("valid", r.report().isValid());
      List<Object> docs = new ArrayList<>();
      for (DocumentResult d : r.report().documents()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", d.index());
        m.put("apiVersion", d.apiVersion());
        m.put("kind", d.kind());
        m.put("name", d.name());
        m.put("checkedBy", d.status().name());
        m.put("violations", d.violationCount());
        docs.add(m);
      }
      f.put("documents", docs);
      List<Object> violations = new ArrayList<>();
      for (Violation v : r.report().violations()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("document", v.documentIndex());
        m.put("kind", v.kind());
        m.put("name", v.name());
        m.put("path", v.path());
        v.value().ifPresent(value -> m.put("value", value));
        m.put("allowed", v.allowed());
        m.put("rule", v.rule());
        m.put("message", v.message());
        violations.add(m);
      }
      f.put("violations", violations);
      f.put("warnings", r.report().warnings());
      files.add(f);
    }
    root.put("files", files);
    return root;
  }
}
