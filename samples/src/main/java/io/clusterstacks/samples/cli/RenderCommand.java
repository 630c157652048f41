package io.clusterstacks.samples.cli;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clusterstacks render}: plans like {@code plan} and prints only the manifests, for
 * {@code kubectl apply -f -} or a GitOps repository; they are validated strictly first.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
        "Plan a cluster like `plan` and print only its manifests (YAML by default), validated strictly against"
            + " the upstream CRDs first; notices and violations go to standard error."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the manifests are valid",
        "2:invalid input (an option value, an unreadable or invalid profile, missing server-group IDs)",
        "3:no plan meets the constraints",
        "4:the rendered manifests fail strict validation (they are still printed)",
        "5:--os-cloud: the cloud refused the login or a call, or did not answer"})
public final class RenderCommand implements Callable<Integer> {

  @Mixin PlanOptions options = new PlanOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
      description = "yaml (multi-document), json (a list) or table (one line per object) (default: ${DEFAULT-VALUE}).")
  OutputFormat output = OutputFormat.YAML;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ClusterPlan plan = options.plan();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ServerGroupRef.ToCreate> missing = PlanOptions.missingServerGroupIds(plan);
    if (!missing.isEmpty()) {
      err.print("error: cannot render topology mode yet. " + PlanOptions.howToCreate(plan, missing));
      err.flush();
      return ClusterStacksCli.EXIT_INVALID_INPUT;
    }
    Manifests manifests = options.manifests(plan);
    manifests.notices().forEach(n -> err.println("note: " + n));
    ValidationReport validation = PlanCommand.validator().validate(manifests);
    switch (output) {
      case YAML -> out.print(manifests.toYaml());
      case JSON -> out.print(OutputFormat.JSON.write(manifests.documents().stream().map(io.clusterstacks.core.manifest.ManifestDocument::toMap).toList()));
      case TABLE -> {
        TextTable t = new TextTable("API VERSION", "KIND", "NAME", "NAMESPACE");
        for (ManifestDocument d : manifests.documents()) {
          t.row(d.apiVersion(), d.kind(), d.name(), d.namespace().orElse("-"));
        }
        out.print(t);
      }
      default -> throw new IllegalStateException(output.name());
    }
    out.flush();
    if (!validation.isValid()) {
      err.println("error: the manifests fail strict validation:");
      validation.violations().forEach(v -> err.println("  - " + v.describe()));
      err.flush();
      return ClusterStacksCli.EXIT_VALIDATION_FAILED;
    }
    err.flush();
    return ClusterStacksCli.EXIT_OK;
  }
}
