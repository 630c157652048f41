package io.clusterstacks.core.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The map's layout visits only the listed hosts: for random host counts (up to twice the listed bound),
 * offsets, member counts and zone splits, the listed counts equal a plain round-robin over every host
 * (written here, one member at a time), and the sum beyond them equals the members the plain layout put
 * on the other hosts.
 */
class MapLayoutTest {

  private static final int LISTED = io.clusterstacks.core.plan.PlacementMap.MAX_LISTED_HOSTS;

  /** One member at a time over the hosts [from, from + count), starting offset places after from. */
  private static void oneByOne(long[] all, int from, int count, long offset, long n) {
    for (long m = 0; m < n; m++) {
      all[from + (int) ((offset + m) % count)]++;
    }
  }

  private static void assertAgrees(long[] all, MapLayout.Counts c, String label) {
    long beyond = 0;
    for (int i = 0; i < all.length; i++) {
      if (i < c.listed.length) {
        assertEquals(all[i], c.listed[i], label + ": host " + i);
      } else {
        beyond += all[i];
      }
    }
    assertEquals(beyond, c.beyond, label + ": members beyond the listed hosts");
  }

  @Test
  void roundRobinOverListedHostsAgreesWithOneMemberAtATime() {
    Random rnd = new Random(42);
    for (int t = 0; t < 2_000; t++) {
      int hosts = 1 + rnd.nextInt(2 * LISTED);
      long offset = rnd.nextInt(5 * hosts);
      long n = rnd.nextInt(3 * hosts + 1);
      long[] all = new long[hosts];
      oneByOne(all, 0, hosts, offset, n);
      MapLayout.Counts c = new MapLayout.Counts(Math.min(hosts, LISTED));
      MapLayout.roundRobin(c, 0, hosts, offset, n);
      assertAgrees(all, c, hosts + " hosts, offset " + offset + ", " + n + " members");
    }
  }

  @Test
  void zoneByZoneOverListedHostsAgreesWithOneMemberAtATime() {
    Random rnd = new Random(7);
    for (int t = 0; t < 2_000; t++) {
      int zones = 2 + rnd.nextInt(4);
      int[] perZone = new int[zones];
      int hosts = 0;
      for (int z = 0; z < zones; z++) {
        perZone[z] = 1 + rnd.nextInt(LISTED);
        hosts += perZone[z];
      }
      long members = rnd.nextInt(2 * hosts + 1);
      long[] all = new long[hosts];
      int from = 0;
      for (int z = 0; z < zones; z++) {
        oneByOne(all, from, perZone[z], 0, members / zones + (z < members % zones ? 1 : 0));
        from += perZone[z];
      }
      MapLayout.Counts c = new MapLayout.Counts(Math.min(hosts, LISTED));
      MapLayout.byZone(c, members, perZone);
      assertAgrees(all, c, java.util.Arrays.toString(perZone) + ", " + members + " members");
    }
  }
}
