#!/usr/bin/python3
"""Idempotent seeding and health checks of the OpenStack lab over plain REST (keystoneauth1 only).

Run by lab/openstack/ensure with Debian's /usr/bin/python3. Secrets come from the environment
(never from argv, so `ps` does not show them) and are never printed.

  seed.py identity        service project/users/endpoints, member project+user, Octavia roles
  seed.py resources       flavors (scs-0103 + local SSD), images (scs-0102), LB network, app credential
  seed.py bulk N          add lab-bulk-NNN flavors until N public flavors exist (0: remove them)
  seed.py check           authenticated health check of every service, with retries
  seed.py smoke           boot one fake server as the member user, wait ACTIVE, delete it
  seed.py appcred-id      print the application credential's id
"""
import datetime
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3
from keystoneauth1 import exceptions as ks_exc

AUTH_URL = "http://127.0.0.1:5000/v3"
REGION = "RegionOne"
SERVICE_PW = os.environ.get("SERVICE_PASSWORD", "")
ADMIN_PW = os.environ.get("ADMIN_PASSWORD", "")
MEMBER_PW = os.environ.get("MEMBER_PASSWORD", "")
APPCRED_SECRET = os.environ.get("APPCRED_SECRET", "")
MEMBER = "lab-member"          # user and project name
APPCRED = "lab-appcred"
CHANGES = []


def say(msg):
    print("[openstack-lab seed] " + msg, flush=True)


def changed(msg):
    CHANGES.append(msg)
    say(msg)


def sess(user, pw, project):
    auth = v3.Password(auth_url=AUTH_URL, username=user, password=pw, project_name=project,
                       user_domain_id="default", project_domain_id="default")
    return ks_session.Session(auth=auth)


def admin():
    return sess("admin", ADMIN_PW, "admin")


def member():
    return sess(MEMBER, MEMBER_PW, MEMBER)


def appcred_session(cred_id):
    auth = v3.ApplicationCredential(auth_url=AUTH_URL, application_credential_id=cred_id,
                                    application_credential_secret=APPCRED_SECRET)
    return ks_session.Session(auth=auth)


def ep(service_type):
    return {"service_type": service_type, "interface": "public", "region_name": REGION}


def kget(s, path, **kw):
    return s.get(AUTH_URL + path, raise_exc=True, **kw).json()


def kpost(s, path, body):
    return s.post(AUTH_URL + path, json=body, raise_exc=True).json()


def find_one(s, collection, name, key=None, **params):
    q = {"name": name}
    q.update(params)
    items = kget(s, "/" + collection, params=q)[key or collection]
    return items[0] if items else None


# ---------------------------------------------------------------- identity

SERVICES = [
    # name, type, url
    ("placement", "placement", "http://127.0.0.1:8778"),
    ("glance", "image", "http://127.0.0.1:9292"),
    ("neutron", "network", "http://127.0.0.1:9696"),
    ("nova", "compute", "http://127.0.0.1:8774/v2.1"),
    ("octavia", "load-balancer", "http://127.0.0.1:9876"),
]
OCTAVIA_ROLES = ["load-balancer_observer", "load-balancer_global_observer", "load-balancer_member",
                 "load-balancer_admin", "load-balancer_quota_admin"]


def ensure_project(s, name, desc):
    p = find_one(s, "projects", name)
    if not p:
        p = kpost(s, "/projects", {"project": {"name": name, "domain_id": "default", "description": desc}})["project"]
        changed("created project " + name)
    return p


def ensure_user(s, name, pw, project_id):
    u = find_one(s, "users", name)
    if not u:
        u = kpost(s, "/users", {"user": {"name": name, "domain_id": "default", "password": pw,
                                         "default_project_id": project_id}})["user"]
        changed("created user " + name)
    return u


def ensure_role(s, name):
    r = find_one(s, "roles", name)
    if not r:
        r = kpost(s, "/roles", {"role": {"name": name}})["role"]
        changed("created role " + name)
    return r


def ensure_grant(s, project_id, user_id, role_id, label):
    url = AUTH_URL + "/projects/%s/users/%s/roles/%s" % (project_id, user_id, role_id)
    if s.head(url, raise_exc=False).status_code != 204:
        s.put(url, raise_exc=True)
        changed("granted " + label)


def check_password(user, pw, project):
    try:
        sess(user, pw, project).get_token()
        return True
    except ks_exc.Unauthorized:
        return False


def identity():
    s = admin()
    roles = {r["name"]: r["id"] for r in kget(s, "/roles")["roles"]}
    # "service": keystonemiddleware runs with service_token_roles_required = true (as devstack and
    # production clouds do), so a service token (Nova adds one, its own keystone_authtoken token, when it
    # reuses the user's token towards Neutron or Glance) counts only when it carries this role. Without
    # it neutron-server rejects such calls with 401 and GET/DELETE /servers/{id} fail.
    for r in ["admin", "member", "reader", "service"] + OCTAVIA_ROLES:
        if r not in roles:
            roles[r] = ensure_role(s, r)["id"]
    service = ensure_project(s, "service", "OpenStack service users")
    for name in ["placement", "glance", "neutron", "nova", "octavia"]:
        u = ensure_user(s, name, SERVICE_PW, service["id"])
        ensure_grant(s, service["id"], u["id"], roles["admin"], name + " admin on service")
        ensure_grant(s, service["id"], u["id"], roles["service"], name + " service on service")
        if not check_password(name, SERVICE_PW, "service"):
            s.patch(AUTH_URL + "/users/" + u["id"], json={"user": {"password": SERVICE_PW}}, raise_exc=True)
            changed("reset password of service user " + name)
    services = {x["type"]: x for x in kget(s, "/services")["services"]}
    endpoints = kget(s, "/endpoints")["endpoints"]
    for name, stype, url in SERVICES:
        svc = services.get(stype)
        if not svc:
            svc = kpost(s, "/services", {"service": {"name": name, "type": stype, "enabled": True}})["service"]
            changed("created service " + stype)
        for iface in ["public", "internal", "admin"]:
            mine = [e for e in endpoints if e["service_id"] == svc["id"] and e["interface"] == iface]
            if not mine:
                kpost(s, "/endpoints", {"endpoint": {"service_id": svc["id"], "interface": iface, "url": url,
                                                     "region_id": REGION, "enabled": True}})
                changed("created %s endpoint of %s" % (iface, stype))
            elif mine[0]["url"] != url:
                s.patch(AUTH_URL + "/endpoints/" + mine[0]["id"], json={"endpoint": {"url": url}}, raise_exc=True)
                changed("fixed %s endpoint of %s" % (iface, stype))
    proj = ensure_project(s, MEMBER, "the lab's normal (member) user's own project")
    u = ensure_user(s, MEMBER, MEMBER_PW, proj["id"])
    for r in ["member", "load-balancer_member"]:
        ensure_grant(s, proj["id"], u["id"], roles[r], "%s %s on %s" % (MEMBER, r, MEMBER))
    if not check_password(MEMBER, MEMBER_PW, MEMBER):
        s.patch(AUTH_URL + "/users/" + u["id"], json={"user": {"password": MEMBER_PW}}, raise_exc=True)
        changed("reset password of " + MEMBER)
    say("identity ok (%d changes)" % len(CHANGES))


# ---------------------------------------------------------------- flavors

def mib(gib):
    return int(gib * 1024)


# scs-0103-v1: (name, vcpus, ram GiB, disk GB or None, status)
STANDARD = [
    ("SCS-1V-4", 1, 4, None, "mandatory"), ("SCS-2V-8", 2, 8, None, "mandatory"),
    ("SCS-4V-16", 4, 16, None, "mandatory"), ("SCS-4V-16-100s", 4, 16, 100, "mandatory"),
    ("SCS-8V-32", 8, 32, None, "mandatory"), ("SCS-1V-2", 1, 2, None, "mandatory"),
    ("SCS-2V-4", 2, 4, None, "mandatory"), ("SCS-2V-4-20s", 2, 4, 20, "mandatory"),
    ("SCS-4V-8", 4, 8, None, "mandatory"), ("SCS-8V-16", 8, 16, None, "mandatory"),
    ("SCS-16V-32", 16, 32, None, "mandatory"), ("SCS-1V-8", 1, 8, None, "mandatory"),
    ("SCS-2V-16", 2, 16, None, "mandatory"), ("SCS-4V-32", 4, 32, None, "mandatory"),
    ("SCS-1L-1", 1, 1, None, "mandatory"),
    # recommended part 1 (disk type "(any)": scs:disk0-type network, as SCS's own tooling expects)
    ("SCS-1V-4-10", 1, 4, 10, "recommended"), ("SCS-2V-8-20", 2, 8, 20, "recommended"),
    ("SCS-4V-16-50", 4, 16, 50, "recommended"), ("SCS-8V-32-100", 8, 32, 100, "recommended"),
    ("SCS-1V-2-5", 1, 2, 5, "recommended"), ("SCS-2V-4-10", 2, 4, 10, "recommended"),
    ("SCS-4V-8-20", 4, 8, 20, "recommended"), ("SCS-8V-16-50", 8, 16, 50, "recommended"),
    ("SCS-16V-32-100", 16, 32, 100, "recommended"), ("SCS-1V-8-20", 1, 8, 20, "recommended"),
    ("SCS-2V-16-50", 2, 16, 50, "recommended"), ("SCS-4V-32-100", 4, 32, 100, "recommended"),
    ("SCS-1L-1-5", 1, 1, 5, "recommended"),
    # recommended part 2
    ("SCS-16V-64", 16, 64, None, "recommended"), ("SCS-8V-64", 8, 64, None, "recommended"),
    ("SCS-16V-128", 16, 128, None, "recommended"),
    # more local-SSD flavors, as a provider with local storage offers them (not in scs-0103)
    ("SCS-2V-8-20s", 2, 8, 20, "extra"), ("SCS-8V-32-100s", 8, 32, 100, "extra"),
]
CPU_TYPE = {"V": "shared-core", "L": "crowded-core", "T": "dedicated-thread", "C": "dedicated-core"}
DISK_TYPE = {"s": "ssd", "p": "nvme", "h": "hdd", "n": "network"}
# What pluscloud open sets on its local-SSD flavors (openstack-standards.md §8.2), besides the scs keys.
LOCAL_SSD_SPECS = {
    "aggregate_instance_extra_specs:localdisk": "true",
    "hw_rng:allowed": "True",
    "quota:disk_read_bytes_sec": "1024000000", "quota:disk_write_bytes_sec": "1024000000",
    "quota:disk_read_iops_sec": "100000", "quota:disk_write_iops_sec": "100000",
}


def standard_specs(name, disk):
    parts = name.split("-")
    specs = {"scs:name-v1": "SCS-" + ":".join(parts[1:]), "scs:name-v2": name,
             "scs:cpu-type": CPU_TYPE[parts[1][-1]]}
    if disk is not None:
        last = parts[-1]
        kind = DISK_TYPE.get(last[-1], "network")
        specs["scs:disk0-type"] = kind
        if kind == "ssd":
            specs.update(LOCAL_SSD_SPECS)
    return specs


def flavor_map(s):
    r = s.get("/flavors/detail", endpoint_filter=ep("compute"), params={"is_public": "None", "limit": 1000},
              headers={"OpenStack-API-Version": "compute 2.61"}, raise_exc=True).json()
    return {f["name"]: f for f in r["flavors"]}


def ensure_flavor(s, existing, name, vcpus, ram, disk, specs):
    f = existing.get(name)
    if f and (f["vcpus"], f["ram"], f["disk"]) != (vcpus, ram, disk):
        s.delete("/flavors/" + f["id"], endpoint_filter=ep("compute"), raise_exc=True)
        changed("deleted flavor %s (wrong size)" % name)
        f = None
    if not f:
        f = s.post("/flavors", endpoint_filter=ep("compute"), json={"flavor": {
            "name": name, "vcpus": vcpus, "ram": ram, "disk": disk, "os-flavor-access:is_public": True}},
            headers={"OpenStack-API-Version": "compute 2.61"}, raise_exc=True).json()["flavor"]
        f.setdefault("extra_specs", {})
        changed("created flavor " + name)
    have = f.get("extra_specs") or {}
    if any(have.get(k) != v for k, v in specs.items()):
        s.post("/flavors/%s/os-extra_specs" % f["id"], endpoint_filter=ep("compute"),
               json={"extra_specs": specs}, raise_exc=True)
        if have:
            changed("updated extra_specs of flavor " + name)


def flavors(s):
    existing = flavor_map(s)
    for name, vcpus, ram, disk, _ in STANDARD:
        ensure_flavor(s, existing, name, vcpus, mib(ram), disk or 0, standard_specs(name, disk))


def bulk_spec(i):
    # Large flavors with non-SCS names: they make the list long without being a better choice.
    return ("lab-bulk-%03d" % i, 32 + (i % 4) * 16, (128 + (i % 8) * 64) * 1024, 200 + (i % 5) * 100,
            {"lab:bulk": str(i), "hw:cpu_policy": "shared"})


def bulk(total):
    s = admin()
    existing = flavor_map(s)
    public = [f for f in existing.values() if f.get("os-flavor-access:is_public", True)]
    bulk_names = sorted(n for n in existing if n.startswith("lab-bulk-"))
    others = len(public) - len(bulk_names)
    want = max(0, total - others) if total > 0 else 0
    wanted = {bulk_spec(i)[0]: bulk_spec(i) for i in range(1, want + 1)}
    extra = [n for n in bulk_names if n not in wanted]
    missing = [spec for n, spec in wanted.items() if n not in existing]

    def delete(n):
        s.delete("/flavors/" + existing[n]["id"], endpoint_filter=ep("compute"), raise_exc=True)

    def create(spec):
        ensure_flavor(s, existing, *spec)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(delete, extra))
        list(pool.map(create, missing))
    if extra or missing:
        changed("bulk flavors: %d created, %d deleted" % (len(missing), len(extra)))
    say("%d public flavors (%d lab-bulk-*)" % (others + want, want))


# ---------------------------------------------------------------- images

def image_props(purpose, distro, version, user, desc, min_disk, min_ram):
    today = datetime.datetime.utcnow().strftime("%Y-%m-%d")
    return {
        "architecture": "x86_64", "hypervisor_type": "qemu", "hw_disk_bus": "scsi",
        "hw_scsi_model": "virtio-scsi", "hw_rng_model": "virtio", "os_distro": distro, "os_version": version,
        "os_purpose": purpose, "replace_frequency": "never", "provided_until": "none",
        "uuid_validity": "none", "hotfix_hours": "0", "image_source": "private",
        "image_description": desc, "image_build_date": today, "image_original_user": user,
        "patchlevel": "lab", "min_disk": min_disk, "min_ram": min_ram,
    }


IMAGES = [
    ("lab-tiny", ["os:ubuntu", "managed_by_clusterstacks-lab"],
     image_props("generic", "ubuntu", "24.04", "ubuntu",
                 "1 MiB of zeros for the fake-driver lab (never booted for real)", 1, 512)),
    ("ubuntu-capi-image-v1.32.5", ["os:ubuntu", "managed_by_clusterstacks-lab"],
     image_props("k8snode", "ubuntu", "24.04", "ubuntu",
                 "https://github.com/osism/k8s-capi-images (lab stand-in: 1 MiB of zeros)", 20, 2048)),
]


def images(s):
    data = b"\0" * (1024 * 1024)
    for name, tags, props in IMAGES:
        r = s.get("/v2/images", endpoint_filter=ep("image"), params={"name": name}, raise_exc=True).json()
        live = [i for i in r["images"] if i["status"] == "active"]
        for i in r["images"]:
            if i["status"] != "active":
                s.delete("/v2/images/" + i["id"], endpoint_filter=ep("image"), raise_exc=False)
                changed("deleted unfinished image %s (%s)" % (name, i["status"]))
        if live:
            continue
        body = {"name": name, "disk_format": "raw", "container_format": "bare", "visibility": "public",
                "tags": tags}
        body.update(props)
        img = s.post("/v2/images", endpoint_filter=ep("image"), json=body, raise_exc=True).json()
        s.put("/v2/images/%s/file" % img["id"], endpoint_filter=ep("image"), data=data,
              headers={"Content-Type": "application/octet-stream"}, raise_exc=True)
        changed("created image " + name)


# ---------------------------------------------------------------- network for load balancers

def lb_network(s):
    r = s.get("/v2.0/networks", endpoint_filter=ep("network"), params={"name": "lab-lb-net"}, raise_exc=True).json()
    if r["networks"]:
        net = r["networks"][0]
    else:
        net = s.post("/v2.0/networks", endpoint_filter=ep("network"), json={"network": {
            "name": "lab-lb-net", "shared": True, "provider:network_type": "flat",
            "provider:physical_network": "lbnet"}}, raise_exc=True).json()["network"]
        changed("created network lab-lb-net")
    r = s.get("/v2.0/subnets", endpoint_filter=ep("network"), params={"name": "lab-lb-subnet"}, raise_exc=True).json()
    if not r["subnets"]:
        s.post("/v2.0/subnets", endpoint_filter=ep("network"), json={"subnet": {
            "name": "lab-lb-subnet", "network_id": net["id"], "ip_version": 4, "cidr": "10.10.0.0/24",
            "enable_dhcp": False, "gateway_ip": None}}, raise_exc=True)
        changed("created subnet lab-lb-subnet (10.10.0.0/24, metadata only: the no-op drivers send nothing)")


# ---------------------------------------------------------------- application credential

def appcred():
    m = member()
    uid = m.get_user_id()
    r = kget(m, "/users/%s/application_credentials" % uid, params={"name": APPCRED})["application_credentials"]
    if r:
        try:
            appcred_session(r[0]["id"]).get_token()
            return r[0]["id"]
        except ks_exc.Unauthorized:
            m.delete(AUTH_URL + "/users/%s/application_credentials/%s" % (uid, r[0]["id"]), raise_exc=True)
            changed("deleted application credential %s (secret did not match)" % APPCRED)
    c = kpost(m, "/users/%s/application_credentials" % uid, {"application_credential": {
        "name": APPCRED, "secret": APPCRED_SECRET,
        "description": "clusterstacks lab: the member user's application credential"}})["application_credential"]
    changed("created application credential %s with roles %s" % (APPCRED, ",".join(x["name"] for x in c["roles"])))
    return c["id"]


def appcred_id():
    m = member()
    r = kget(m, "/users/%s/application_credentials" % m.get_user_id(), params={"name": APPCRED})
    print(r["application_credentials"][0]["id"] if r["application_credentials"] else "")


def resources():
    s = admin()
    flavors(s)
    images(s)
    lb_network(s)
    cid = appcred()
    say("resources ok (%d changes)" % len(CHANGES))
    with open(os.environ["APPCRED_ID_FILE"], "w") as f:
        f.write(cid + "\n")


# ---------------------------------------------------------------- checks

def retry(what, fn, timeout=180):
    start = time.time()
    last = None
    while time.time() - start < timeout:
        try:
            out = fn()
            if out is True or out is None:
                return
            last = out
        except Exception as e:  # noqa: BLE001 - report the last failure after the deadline
            last = "%s: %s" % (type(e).__name__, e)
        time.sleep(2)
    raise SystemExit("health check '%s' failed after %ds: %s" % (what, timeout, last))


def check():
    want = int(os.environ.get("NUM_COMPUTES", "4"))
    s = admin()
    m = member()
    cid = open(os.environ["APPCRED_ID_FILE"]).read().strip()
    a = appcred_session(cid)

    def hypervisors():
        r = s.get("/os-hypervisors/detail", endpoint_filter=ep("compute"),
                  headers={"OpenStack-API-Version": "compute 2.88"}, raise_exc=True).json()["hypervisors"]
        up = sorted(h["hypervisor_hostname"] for h in r if h["state"] == "up")
        return True if len(up) >= want else "hypervisors up: %s (want %d)" % (up, want)

    def services():
        r = s.get("/os-services", endpoint_filter=ep("compute"), raise_exc=True).json()["services"]
        down = [x["binary"] + "@" + x["host"] for x in r if x["state"] != "up"]
        return True if not down and len(r) >= want + 2 else "compute services down: %s" % down

    def placement():
        r = s.get("/resource_providers", endpoint_filter=ep("placement"), raise_exc=True).json()
        n = len(r["resource_providers"])
        return True if n >= want else "%d resource providers (want %d)" % (n, want)

    def member_calls():
        m.get("/flavors/detail", endpoint_filter=ep("compute"), raise_exc=True)
        m.get("/v2/images", endpoint_filter=ep("image"), raise_exc=True)
        m.get("/v2.0/networks", endpoint_filter=ep("network"), raise_exc=True)
        m.get("/v2/lbaas/loadbalancers", endpoint_filter=ep("load-balancer"), raise_exc=True)

    def appcred_calls():
        a.get("/servers", endpoint_filter=ep("compute"), raise_exc=True)
        a.get("/v2/lbaas/loadbalancers", endpoint_filter=ep("load-balancer"), raise_exc=True)

    retry("hypervisors", hypervisors)
    retry("nova services", services)
    retry("placement providers", placement)
    retry("member API calls", member_calls, 60)
    retry("application credential API calls", appcred_calls, 60)
    say("health check ok: keystone, nova (%d hypervisors up), placement, glance, neutron, octavia; "
        "admin, member and application credential log in" % want)


def smoke():
    m = member()
    c = ep("compute")
    h = {"OpenStack-API-Version": "compute 2.64"}
    fl = [f for f in m.get("/flavors", endpoint_filter=c, raise_exc=True).json()["flavors"]
          if f["name"] == "SCS-2V-4-20s"][0]
    img = m.get("/v2/images", endpoint_filter=ep("image"), params={"name": "lab-tiny"},
                raise_exc=True).json()["images"][0]
    t0 = time.time()
    srv = m.post("/servers", endpoint_filter=c, headers=h, json={"server": {
        "name": "lab-smoke", "flavorRef": fl["id"], "imageRef": img["id"], "networks": "none"}},
        raise_exc=True).json()["server"]
    status = "BUILD"
    try:
        while time.time() - t0 < 300:
            d = m.get("/servers/" + srv["id"], endpoint_filter=c, headers=h, raise_exc=True).json()["server"]
            status = d["status"]
            if status in ("ACTIVE", "ERROR"):
                break
            time.sleep(0.3)
        took = time.time() - t0
    finally:
        m.delete("/servers/" + srv["id"], endpoint_filter=c, raise_exc=False)
    if status != "ACTIVE":
        raise SystemExit("smoke boot ended %s: %s" % (status, json.dumps(d.get("fault", {}))))
    for _ in range(100):
        if m.get("/servers/" + srv["id"], endpoint_filter=c, raise_exc=False).status_code == 404:
            break
        time.sleep(0.3)
    say("smoke boot ok: SCS-2V-4-20s server ACTIVE in %.1fs on hostId %s..., deleted" % (took, d["hostId"][:12]))


# ---------------------------------------------------------------- hypervisors and zones

def compute_services(s):
    r = s.get("/os-services", endpoint_filter=ep("compute"), params={"binary": "nova-compute"},
              headers={"OpenStack-API-Version": "compute 2.53"}, raise_exc=True).json()["services"]
    return sorted(r, key=lambda x: int(x["host"].replace("compute", "") or 0))


def hypervisors(n):
    """Keep compute1..computeN enabled, disable the others (the scheduler's ComputeFilter skips them)."""
    s = admin()
    svcs = compute_services(s)
    if not 0 <= n <= len(svcs):
        raise SystemExit("hypervisors: N must be 0..%d, got %d" % (len(svcs), n))
    for i, svc in enumerate(svcs):
        want = "enabled" if i < n else "disabled"
        if svc["status"] != want:
            body = {"status": want}
            if want == "disabled":
                body["disabled_reason"] = "clusterstacks lab: lab/openstack/hypervisors %d" % n
            s.put("/os-services/" + svc["id"], endpoint_filter=ep("compute"), json=body,
                  headers={"OpenStack-API-Version": "compute 2.53"}, raise_exc=True)
    now = compute_services(s)
    say("enabled: %s; disabled: %s" % (" ".join(x["host"] for x in now if x["status"] == "enabled") or "-",
                                        " ".join(x["host"] for x in now if x["status"] == "disabled") or "-"))


def zones(spec):
    """spec "3+1": compute1-3 in zone az1, compute4 in az2 (host aggregates lab-az1, lab-az2).
    spec "off": remove the lab's aggregates, every host is back in Nova's default zone "nova"."""
    s = admin()
    c = ep("compute")
    hosts = [x["host"] for x in compute_services(s)]
    want = {}
    if spec not in ("off", "none", "0"):
        sizes = [int(x) for x in spec.split("+")]
        if sum(sizes) != len(hosts) or min(sizes) < 1:
            raise SystemExit("zones: the sizes in '%s' must be >= 1 and add up to %d hosts" % (spec, len(hosts)))
        k = 0
        for z, size in enumerate(sizes, 1):
            want["lab-az%d" % z] = ("az%d" % z, hosts[k:k + size])
            k += size
    aggs = {a["name"]: a for a in s.get("/os-aggregates", endpoint_filter=c, raise_exc=True).json()["aggregates"]}
    # first take hosts out of aggregates they should leave, then drop unwanted aggregates, then add
    for name, a in aggs.items():
        if not name.startswith("lab-az"):
            continue
        keep = want.get(name, (None, []))
        for h in a["hosts"]:
            if h not in keep[1] or a.get("availability_zone") != keep[0]:
                s.post("/os-aggregates/%s/action" % a["id"], endpoint_filter=c,
                       json={"remove_host": {"host": h}}, raise_exc=True)
        if name not in want or a.get("availability_zone") != want[name][0]:
            s.delete("/os-aggregates/%s" % a["id"], endpoint_filter=c, raise_exc=True)
    aggs = {a["name"]: a for a in s.get("/os-aggregates", endpoint_filter=c, raise_exc=True).json()["aggregates"]}
    for name, (zone, members) in want.items():
        a = aggs.get(name)
        if not a:
            a = s.post("/os-aggregates", endpoint_filter=c, json={"aggregate": {
                "name": name, "availability_zone": zone}}, raise_exc=True).json()["aggregate"]
        for h in members:
            if h not in a.get("hosts", []):
                s.post("/os-aggregates/%s/action" % a["id"], endpoint_filter=c,
                       json={"add_host": {"host": h}}, raise_exc=True)
    r = s.get("/os-availability-zone/detail", endpoint_filter=c, raise_exc=True).json()["availabilityZoneInfo"]
    out = []
    for z in r:
        hs = sorted(h for h, svc in (z.get("hosts") or {}).items() if "nova-compute" in svc)
        if hs:
            out.append("%s: %s" % (z["zoneName"], " ".join(hs)))
    say("zones: " + "; ".join(out))


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "identity":
        identity()
    elif cmd == "resources":
        resources()
    elif cmd == "bulk":
        bulk(int(sys.argv[2]))
    elif cmd == "check":
        check()
    elif cmd == "smoke":
        smoke()
    elif cmd == "hypervisors":
        hypervisors(int(sys.argv[2]))
    elif cmd == "zones":
        zones(sys.argv[2])
    elif cmd == "appcred-id":
        appcred_id()
    else:
        raise SystemExit(__doc__)
    if os.environ.get("CHANGES_FILE"):
        with open(os.environ["CHANGES_FILE"], "a") as f:
            for c in CHANGES:
                f.write(c + "\n")


if __name__ == "__main__":
    main()
