/**
 * Offline strict validation of Kubernetes manifests against the upstream CRDs the SDK bundles (CAPI
 * v1.10.10, CAPO v0.12.6, CSO, CSPO, Kamaji provider v0.19.0, Kamaji, ORC v2.6.0):
 * {@link io.clusterstacks.core.validation.CrdValidator} returns a
 * {@link io.clusterstacks.core.validation.ValidationReport} with every
 * {@link io.clusterstacks.core.validation.Violation} at once (document index, kind/name, JSON path,
 * value received, what is allowed, rule name), or throws
 * {@link io.clusterstacks.core.validation.ManifestValidationException} on request.
 *
 * <h2>Why a hand-written structural-schema walker, not networknt</h2>
 * Kubernetes validates CRDs with <em>structural schema</em> semantics that a JSON-Schema validator
 * does not have: unknown fields are errors unless {@code x-kubernetes-preserve-unknown-fields} or
 * {@code additionalProperties} allows them (JSON Schema allows them by default, and adding
 * {@code additionalProperties: false} everywhere would fight the preserve markers); defaults must be
 * applied before {@code required} is checked; non-nullable {@code null}s are pruned;
 * {@code x-kubernetes-int-or-string} and list types are extensions; {@code pattern} is an unanchored
 * RE2 search; and errors need Kubernetes field paths and the value received. The walker does exactly
 * that on a schema tree compiled once per process, and is measured against plain networknt in
 * {@code docs/benchmarks.md}.
 *
 * <h2>Re-implemented CEL and webhook rules</h2>
 * Covered (rule names as reported):
 * <ul>
 *   <li>CAPO CEL: {@code capo.machine.flavorOrFlavorID}, {@code capo.image.exactlyOne},
 *       {@code capo.serverGroup.nonEmpty}, {@code capo.availabilityZone.name},
 *       {@code capo.schedulerHint.value}, {@code capo.cluster.bastionSpec},
 *       {@code capo.cluster.disableExternalNetwork.bastionFloatingIP},
 *       {@code capo.cluster.disableExternalNetwork.apiServerFloatingIP};</li>
 *   <li>ORC CEL: {@code orc.managementPolicy.managedNeedsResource},
 *       {@code orc.managementPolicy.managedForbidsImport},
 *       {@code orc.managementPolicy.unmanagedForbidsResource},
 *       {@code orc.managementPolicy.unmanagedNeedsImport}, {@code orc.managementPolicy.managedOptions},
 *       {@code orc.image.content}, {@code orc.serverGroup.maxServerPerHost};</li>
 *   <li>Kamaji CEL ({@code kamaji.*}, on KamajiControlPlane(Template), TenantControlPlane and DataStore):
 *       not in sdk-core; sdk-kamaji brings them as a {@link io.clusterstacks.core.validation.ValidationBundle}
 *       that discovery finds when sdk-kamaji is on the class path. Without it these kinds are still
 *       checked against their bundled schemas, and the report warns that their CEL rules were not;</li>
 *   <li>CAPI webhooks: {@code capi.kcp.replicas}, {@code capi.kcp.replicas.odd},
 *       {@code capi.kcp.maxSurge}, {@code capi.kcp.scaleIn}, {@code capi.kcp.version},
 *       {@code capi.cluster.topology.version}, {@code capi.cluster.variables} (against the SDK's stack
 *       dialect of the class), {@code capi.machineDeployment.version},
 *       {@code capi.crs.selectorNotEmpty};</li>
 *   <li>CSO webhooks: {@code cso.clusterStack.versions}, {@code cso.clusterStack.providerRef},
 *       {@code cso.cluster.topologyVersion}, {@code cso.cluster.versionMatchesClass},
 *       {@code cso.cluster.exactPatchVersion} (full only when the release's version is declared);</li>
 *   <li>SDK rules: {@code capo.machine.flavorAndFlavorID}, {@code cso.cluster.releaseListed},
 *       {@code capi.crs.resources}, {@code core.secret.key}, {@code core.secret.type},
 *       {@code core.secret.size}, {@code core.configMap.key}, {@code core.configMap.duplicateKey},
 *       {@code core.configMap.size}.</li>
 * </ul>
 * Not covered: the CEL <em>transition</em> rules (they compare with {@code oldSelf}, so they only
 * apply to updates of an existing object): CAPO {@code identityRef.region} immutable; ORC
 * managementPolicy, resource, image content/hash/properties immutable; Kamaji DataStore driver,
 * dataStoreUsername, dataStoreSchema, clusterDomain and loadBalancerClass immutable, "cannot be set or
 * unset at runtime", and unsetting dataStore/dataStoreSchema/dataStoreUsername. Every other
 * {@code x-kubernetes-validations} rule of the bundled CRDs is covered. The same list, with sources, is
 * in {@code docs/validation-rules.md}.
 */
@NullMarked
package io.clusterstacks.core.validation;

import org.jspecify.annotations.NullMarked;
