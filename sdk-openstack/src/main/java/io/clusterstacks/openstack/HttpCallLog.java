package io.clusterstacks.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every HTTP call one client makes, including re-authentication, retries and the calls
 * openstack4j makes, for diagnostics and tests.
 *
 * <p>Thread-safe. It keeps the last {@value #KEEP} calls in detail and counts all of them.
 */
public final class HttpCallLog {
  /** How many calls are kept in detail. */
  public static final int KEEP = 10_000;

  private final AtomicLong total = new AtomicLong();
  private final List<HttpCall> calls = new ArrayList<>();

  HttpCallLog() {}

  /**
   * Records a call; the SDK's transport calls this.
   *
   * @param call the call
   */
  void record(HttpCall call) {
    total.incrementAndGet();
    synchronized (calls) {
      if (calls.size() == KEEP) {
        calls.remove(0);
      }
      calls.add(call);
    }
  }

  /**
   * How many calls were made since the client was created (or {@link #reset()}).
   *
   * @return the count
   */
  public long total() {
    return total.get();
  }

  /**
   * The calls, oldest first.
   *
   * @return a copy of the last {@value #KEEP} calls
   */
  public List<HttpCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /**
   * The calls made since a mark taken with {@link #total()}.
   *
   * @param mark an earlier {@link #total()}
   * @return the calls after it (as far as they are kept)
   */
  public List<HttpCall> since(long mark) {
    synchronized (calls) {
      long now = total.get();
      int n = (int) Math.min(calls.size(), Math.max(0, now - mark));
      return List.copyOf(calls.subList(calls.size() - n, calls.size()));
    }
  }

  /**
   * The number of calls per {@code METHOD service path}.
   *
   * @return the counts, sorted by key
   */
  public Map<String, Integer> summary() {
    Map<String, Integer> out = new TreeMap<>();
    for (HttpCall c : calls()) {
      out.merge(c.method() + " " + c.service() + " " + c.path(), 1, Integer::sum);
    }
    return out;
  }

  /** Forgets the calls made so far. */
  public void reset() {
    synchronized (calls) {
      calls.clear();
      total.set(0);
    }
  }

  @Override
  public String toString() {
    return "HttpCallLog{" + total() + " calls}";
  }
}
