#!/usr/bin/python3
"""Play the amphora's health daemon for one load balancer of the lab (no-op drivers run no amphora).

  octavia-heartbeat LB_ID [--set NAME_OR_ID=STATUS ...] [--drop-listener NAME_OR_ID ...]
                          [--count N] [--interval SECONDS] [--stats TX,RX,CONNS,TOTCONNS]

Reads the LB's amphora (admin API) and status tree, builds the version-3 message that Octavia's
amphora health daemon sends (amphorae/backends/health_daemon/health_daemon.py), signs it with
Octavia's own status_message.wrap_envelope and the lab's heartbeat key, and sends it by UDP to the
health manager on 127.0.0.1:5555, COUNT times (default 3) every INTERVAL seconds (default 2).
Defaults: every listener OPEN, every pool UP, every member UP. STATUS for a listener: OPEN, FULL;
for a pool: UP, DOWN; for a member: UP, DOWN, DRAIN, MAINT, "no check". The real health manager then
sets the operating statuses. After the last heartbeat, the health manager fails the amphora over
once heartbeat_timeout (60 s) has passed without one.
"""
import argparse
import os
import socket
import sys
import time

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3
from octavia.amphorae.backends.health_daemon import status_message

EP = {"service_type": "load-balancer", "interface": "public", "region_name": "RegionOne"}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("lb")
    p.add_argument("--set", action="append", default=[], metavar="NAME_OR_ID=STATUS")
    p.add_argument("--drop-listener", action="append", default=[], metavar="NAME_OR_ID")
    p.add_argument("--count", type=int, default=3)
    p.add_argument("--interval", type=float, default=2.0)
    p.add_argument("--stats", default="0,0,0,0", metavar="TX,RX,CONNS,TOTCONNS")
    a = p.parse_args()
    key = open(os.environ["HEARTBEAT_KEY_FILE"]).read().strip()
    s = ks_session.Session(auth=v3.Password(
        auth_url="http://127.0.0.1:5000/v3", username="admin", password=os.environ["ADMIN_PASSWORD"],
        project_name="admin", user_domain_id="default", project_domain_id="default"))
    amps = s.get("/v2/octavia/amphorae", endpoint_filter=EP, params={"loadbalancer_id": a.lb},
                 raise_exc=True).json()["amphorae"]
    amps = [x for x in amps if x["status"] in ("ALLOCATED", "READY", "BOOTING")]
    if not amps:
        raise SystemExit("load balancer %s has no allocated amphora (is it ACTIVE?)" % a.lb)
    tree = s.get("/v2/lbaas/loadbalancers/%s/status" % a.lb, endpoint_filter=EP,
                 raise_exc=True).json()["statuses"]["loadbalancer"]
    overrides = {}
    for item in a.set:
        k, _, v = item.partition("=")
        overrides[k] = v
    used = set()

    def status(obj, default):
        for k in (obj["id"], obj.get("name")):
            if k and k in overrides:
                used.add(k)
                return overrides[k]
        return default

    tx, rx, conns, tot = (int(x) for x in a.stats.split(","))
    listeners, pools = {}, {}
    for lst in tree.get("listeners", []):
        if lst["id"] in a.drop_listener or lst.get("name") in a.drop_listener:
            continue
        listeners[lst["id"]] = {"status": status(lst, "OPEN"),
                                "stats": {"tx": tx, "rx": rx, "conns": conns, "totconns": tot, "ereq": 0}}
        for pool in lst.get("pools", []):
            members = {m["id"]: status(m, "UP") for m in pool.get("members", [])}
            pools["%s:%s" % (pool["id"], lst["id"])] = {"status": status(pool, "UP"), "members": members}
    unknown = set(overrides) - used
    if unknown:
        raise SystemExit("not in the status tree of %s: %s" % (a.lb, ", ".join(sorted(unknown))))
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for seq in range(a.count):
        msg = {"id": amps[0]["id"], "seq": int(time.time()) * 10 + seq, "listeners": listeners,
               "pools": pools, "ver": 3}
        sock.sendto(status_message.wrap_envelope(msg, key), ("127.0.0.1", 5555))
        if seq + 1 < a.count:
            time.sleep(a.interval)
    print("sent %d heartbeat(s) for amphora %s: %d listener(s), %d pool(s)" % (a.count, amps[0]["id"],
                                                                          len(listeners), len(pools)))


if __name__ == "__main__":
    sys.exit(main())
