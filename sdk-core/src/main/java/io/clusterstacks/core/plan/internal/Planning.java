package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.stack.StackDialect;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every step of one planning run shares: the request, the cloud, the flavors' facts, the mode the
 * plan is made in, and the warnings collected so far (in the order found).
 */
record Planning(ClusterRequest request, CloudProfile cloud, List<FlavorFacts> facts, List<PlanWarning> warnings,
    @Nullable StackDialect dialect, OutputMode mode) {}
