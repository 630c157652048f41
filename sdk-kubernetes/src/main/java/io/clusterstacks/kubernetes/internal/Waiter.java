package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.ProgressEvent;
import io.clusterstacks.kubernetes.ProgressListener;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a Cluster is usable.
 *
 * <p>Watches on the Cluster and the ClusterStack only trigger reads: each event (or the resync
 * interval) leads to a fresh read of both, so nothing depends on a watch's resourceVersion. A watch
 * that the server closes (410 Gone after a compaction, or any other close) is reopened; while the API
 * server is down (a restart), reads fail and are retried with backoff, and the wait goes on. A server that
 * does not answer the first read is reported at once (a wrong URL is not waited for).
 */
public final class Waiter {
  private static final Logger LOG = LoggerFactory.getLogger(Waiter.class);

  private final Api api;
  private final StatusReader reader;
  private final Clock clock;

  /**
   * A waiter.
   *
   * @param api the API
   * @param reader the status reader
   * @param clock the clock
   */
  public Waiter(Api api, StatusReader reader, Clock clock) {
    this.api = api;
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * Waits.
   *
   * @param cluster the Cluster
   * @param options timeout, ClusterStack, probe
   * @param listener gets each change
   * @return the usable status
   * @throws WaitTimeoutException with the last status when time runs out
   */
  public ClusterStatus await(ObjectRef cluster, WaitOptions options, ProgressListener listener) {
    Instant deadline = clock.instant().plus(options.timeout());
    BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    AtomicBoolean reopen = new AtomicBoolean(true);
    List<Watch> watches = new ArrayList<>();
    AtomicInteger generation = new AtomicInteger();
    ClusterStatus last = null;
    long backoffMs = 250;
    try {
      while (true) {
        if (reopen.getAndSet(false)) {
          closeAll(watches, generation);
          try {
            watches.add(watch(cluster, signals, reopen, generation));
            if (options.clusterStack().isPresent()) {
              watches.add(watch(new ObjectRef(StatusReader.CLUSTER_STACK_API_VERSION, "ClusterStack",
                  cluster.namespace(), options.clusterStack().get()), signals, reopen, generation));
            }
          } catch (KubernetesClientException | KubernetesApiException e) {
            LOG.debug("watch on {} could not be opened ({}); reading on a timer until it can", cluster,
                e.getClass().getSimpleName());
            reopen.set(true);
          }
        }
        ClusterStatus s = null;
        try {
          s = reader.read(cluster, options.clusterStack(), options.probeWorkloadApi());
          backoffMs = 250;
        } catch (KubernetesApiException e) {
          if (e.code() != 0 && e.code() < 500 && e.code() != 429) {
            throw e;
          }
          if (last == null && e.code() == 0) {
            // Never answered during this wait: a wrong server or one that is down is reported at once; only a
            // server that answered before (and restarts, say) is waited for.
            throw e;
          }
          LOG.info("management cluster did not answer while waiting for {} ({}); retrying", cluster,
              e.code() == 0 ? "no connection" : "HTTP " + e.code());
          backoffMs = Math.min(backoffMs * 2, 5000);
        }
        if (s != null && !s.sameAs(last)) {
          listener.onProgress(new ProgressEvent(s.observedAt(), s, s.changesSince(last)));
          last = s;
        }
        boolean done = s != null && (options.probeWorkloadApi() ? s.usable() : s.conditionsReady());
        if (done) {
          return s;
        }
        Duration remaining = Duration.between(clock.instant(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
          throw new WaitTimeoutException("Cluster " + cluster + " to be usable", options.timeout(),
              Optional.ofNullable(last));
        }
        long waitMs;
        if (s == null || reopen.get()) {
          waitMs = backoffMs;
        } else if (s.conditionsReady()) {
          waitMs = Math.min(2000, options.resyncInterval().toMillis());
        } else {
          waitMs = options.resyncInterval().toMillis();
        }
        waitMs = Math.max(1, Math.min(waitMs, remaining.toMillis()));
        try {
          Object first = signals.poll(waitMs, TimeUnit.MILLISECONDS);
          if (first != null) {
            signals.clear();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new WaitTimeoutException("Cluster " + cluster + " to be usable (interrupted)", options.timeout(),
              Optional.ofNullable(last));
        }
      }
    } finally {
      closeAll(watches, generation);
    }
  }

  private Watch watch(ObjectRef ref, BlockingQueue<Object> signals, AtomicBoolean reopen,
      AtomicInteger generation) {
    int mine = generation.get();
    ResourceDefinitionContext rdc = api.resource(ref);
    return api.client().genericKubernetesResources(rdc).inNamespace(ref.namespace()).withName(ref.name())
        .watch(new Watcher<GenericKubernetesResource>() {
          @Override
          public void eventReceived(Action action, GenericKubernetesResource resource) {
            signals.offer(action);
          }

          @Override
          public void onClose(WatcherException cause) {
            if (mine != generation.get()) {
              return;
            }
            LOG.debug("watch on {} closed{}; reopening", ref, cause.isHttpGone()
                ? " with 410 Gone (its resourceVersion is too old)" : " (" + cause.getClass().getSimpleName() + ")");
            reopen.set(true);
            signals.offer(cause);
          }

          @Override
          public void onClose() {
            if (mine != generation.get()) {
              return;
            }
            reopen.set(true);
            signals.offer(Boolean.TRUE);
          }
        });
  }

  private static void closeAll(List<Watch> watches, AtomicInteger generation) {
    generation.incrementAndGet();
    for (Watch w : watches) {
      try {
        w.close();
      } catch (RuntimeException e) {
        LOG.debug("closing a watch failed: {}", e.getClass().getSimpleName());
      }
    }
    watches.clear();
  }
}
