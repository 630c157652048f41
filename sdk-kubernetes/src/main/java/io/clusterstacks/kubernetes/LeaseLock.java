package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.kubernetes.internal.Api;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock held as a {@code coordination.k8s.io/v1} Lease on the management cluster, the object Kubernetes' own
 * leader election uses: one holder at a time for a named job, e.g. creating one cluster. Taken with
 * {@link ManagementCluster#lock}; renewed in the background every third of its duration; released (the Lease
 * deleted) by {@link #close()}.
 *
 * <p>Taking it creates the Lease. When one exists, its holder keeps it while {@code renewTime +
 * leaseDurationSeconds} lies ahead ({@link LockHeldException}); an expired Lease (its holder died or lost the
 * API) is taken over with the resourceVersion as precondition, so of two takers exactly one wins. A holder that
 * cannot renew within the duration, or finds the Lease taken, has lost it: {@link #held()} says so, and a job
 * checks it between steps. The clocks of the machines involved are assumed to agree within seconds, as with
 * Kubernetes' leader election.
 *
 * <p>Needs get, create, update and delete on {@code leases} in the namespace ({@link
 * ManagementCluster#leastPrivilegeRole}).
 */
public final class LeaseLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseLock.class);
  /** The label on every Lease the SDK takes. */
  static final String MANAGED_BY = "clusterstacks-sdk";

  private final Api api;
  private final ObjectRef ref;
  private final String holder;
  private final Duration duration;
  private final Clock clock;
  private final ScheduledExecutorService renewer;
  private volatile Instant renewedAt;
  private volatile boolean lost;
  private volatile @Nullable String lostReason;
  private volatile boolean closed;

  private LeaseLock(Api api, ObjectRef ref, String holder, Duration duration, Clock clock, Instant takenAt) {
    this.api = api;
    this.ref = ref;
    this.holder = holder;
    this.duration = duration;
    this.clock = clock;
    this.renewedAt = takenAt;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "clusterstacks-lease-" + ref.name());
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, duration.toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  static LeaseLock take(Api api, String namespace, String name, Duration duration, Clock clock) {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(name, "name");
    InvalidInputException.requireArgument(duration, "leaseDuration");
    if (duration.compareTo(Duration.ofSeconds(3)) < 0 || duration.compareTo(Duration.ofHours(24)) > 0) {
      throw new InvalidInputException(List.of(Problem.of("leaseDuration", duration.toString(),
          "use 3 s to 24 h: the Lease is renewed every third of it (Kubernetes' leader election uses 15 s)")));
    }
    ObjectRef ref = new ObjectRef("coordination.k8s.io/v1", "Lease", namespace, name);
    String holder = identity();
    Instant now = clock.instant();
    Lease wanted = new LeaseBuilder().withNewMetadata().withNamespace(namespace).withName(name)
        .addToLabels("app.kubernetes.io/managed-by", MANAGED_BY).endMetadata()
        .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(seconds(duration))
        .withAcquireTime(micro(now)).withRenewTime(micro(now)).withLeaseTransitions(0).endSpec().build();
    var leases = api.client().leases().inNamespace(namespace);
    try {
      leases.resource(wanted).create();
      LOG.debug("took {} as {}", ref, holder);
      return new LeaseLock(api, ref, holder, duration, clock, now);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw api.fail(e, Optional.of(ref), "create");
      }
    }
    Lease existing;
    try {
      existing = leases.withName(name).get();
    } catch (KubernetesClientException e) {
      throw api.fail(e, Optional.of(ref), "read");
    }
    if (existing == null) {
      // released between our create and read: one more create decides
      try {
        leases.resource(wanted).create();
        return new LeaseLock(api, ref, holder, duration, clock, now);
      } catch (KubernetesClientException e) {
        throw e.getCode() == 409 ? held(ref, leases.withName(name).get(), now) : api.fail(e, Optional.of(ref), "create");
      }
    }
    Instant expires = expiresAt(existing);
    String other = existing.getSpec() == null ? null : existing.getSpec().getHolderIdentity();
    if (other != null && !other.isEmpty() && expires.isAfter(now)) {
      throw held(ref, existing, now);
    }
    int transitions = existing.getSpec() == null || existing.getSpec().getLeaseTransitions() == null
        ? 0 : existing.getSpec().getLeaseTransitions();
    Lease takeOver = new LeaseBuilder(existing).editSpec().withHolderIdentity(holder)
        .withLeaseDurationSeconds(seconds(duration)).withAcquireTime(micro(now)).withRenewTime(micro(now))
        .withLeaseTransitions(transitions + 1).endSpec().build();
    try {
      leases.resource(takeOver).lockResourceVersion(existing.getMetadata().getResourceVersion()).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw held(ref, leases.withName(name).get(), now);
      }
      throw api.fail(e, Optional.of(ref), "take over");
    }
    LOG.info("took over {} from {} (expired at {})", ref, other, expires);
    return new LeaseLock(api, ref, holder, duration, clock, now);
  }

  private static LockHeldException held(ObjectRef ref, @Nullable Lease lease, Instant now) {
    if (lease == null || lease.getSpec() == null) {
      return new LockHeldException(ref, "(unknown)", now);
    }
    return new LockHeldException(ref, String.valueOf(lease.getSpec().getHolderIdentity()), expiresAt(lease));
  }

  private static Instant expiresAt(Lease lease) {
    var spec = lease.getSpec();
    if (spec == null) {
      return Instant.EPOCH;
    }
    ZonedDateTime t = spec.getRenewTime() != null ? spec.getRenewTime() : spec.getAcquireTime();
    Instant base = t == null ? Instant.EPOCH : t.toInstant();
    int s = spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds();
    return base.plusSeconds(s);
  }

  private void renew() {
    if (closed || lost) {
      return;
    }
    try {
      var r = api.client().leases().inNamespace(ref.namespace()).withName(ref.name());
      Lease now = r.get();
      if (now == null || now.getSpec() == null || !holder.equals(now.getSpec().getHolderIdentity())) {
        lose(now == null ? "the Lease was deleted" : "the Lease is held by " + (now.getSpec() == null ? "nobody"
            : now.getSpec().getHolderIdentity()));
        return;
      }
      Instant at = clock.instant();
      Lease renewed = new LeaseBuilder(now).editSpec().withRenewTime(micro(at)).endSpec().build();
      api.client().leases().inNamespace(ref.namespace()).resource(renewed)
          .lockResourceVersion(now.getMetadata().getResourceVersion()).update();
      renewedAt = at;
    } catch (KubernetesClientException e) {
      LOG.warn("could not renew {}: {} {}", ref, e.getCode(), e.getStatus() == null ? "" : e.getStatus().getReason());
      if (clock.instant().isAfter(renewedAt.plus(duration))) {
        lose("not renewed since " + renewedAt + " (" + e.getCode() + ")");
      }
    } catch (RuntimeException e) {
      LOG.warn("could not renew {}: {}", ref, e.getClass().getSimpleName());
      if (clock.instant().isAfter(renewedAt.plus(duration))) {
        lose("not renewed since " + renewedAt);
      }
    }
  }

  private void lose(String why) {
    lostReason = why;
    lost = true;
    LOG.warn("lost {}: {}", ref, why);
  }

  /**
   * Whether this process still holds the lock: it renewed within the duration and nobody took it over.
   *
   * @return false once lost or closed
   */
  public boolean held() {
    return !closed && !lost && clock.instant().isBefore(renewedAt.plus(duration));
  }

  /**
   * Why the lock was lost.
   *
   * @return the reason, empty while held
   */
  public Optional<String> lostReason() {
    return held() ? Optional.empty() : Optional.of(closed ? "released" : lostReason == null
        ? "not renewed since " + renewedAt : lostReason);
  }

  /**
   * The Lease object.
   *
   * @return its reference
   */
  public ObjectRef lease() {
    return ref;
  }

  /**
   * This holder's identity, as written in {@code spec.holderIdentity}.
   *
   * @return {@code host/pid/nonce}
   */
  public String holder() {
    return holder;
  }

  /**
   * Stops renewing and deletes the Lease if this process still holds it (with its resourceVersion as
   * precondition, so a Lease someone took over is left alone). Never throws: a Lease that could not be
   * deleted expires by itself.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    renewer.shutdownNow();
    try {
      var r = api.client().leases().inNamespace(ref.namespace()).withName(ref.name());
      Lease now = r.get();
      if (now != null && now.getSpec() != null && holder.equals(now.getSpec().getHolderIdentity())) {
        api.client().leases().inNamespace(ref.namespace()).resource(now)
            .lockResourceVersion(now.getMetadata().getResourceVersion()).delete();
        LOG.debug("released {}", ref);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not release {} ({}); it expires at {}", ref, e.getClass().getSimpleName(), renewedAt.plus(duration));
    }
  }

  @Override
  public String toString() {
    return "LeaseLock[" + ref + ", holder " + holder + (held() ? "" : ", " + lostReason().orElse("")) + "]";
  }

  private static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "localhost";
      }
    }
    return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static int seconds(Duration d) {
    return (int) Math.max(1, (d.toMillis() + 999) / 1000);
  }

  /** MicroTime as fabric8 models it: written with the pattern {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'}, so UTC. */
  private static ZonedDateTime micro(Instant t) {
    return ZonedDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
