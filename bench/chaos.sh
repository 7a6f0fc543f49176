#!/usr/bin/env bash
# Fault scenarios against the service jar on loopback, with its embedded PostgreSQL. For each it
# prints what the clients saw (statuses, latencies) and whether anything acknowledged was lost.
#
#   bench/chaos.sh                  # all scenarios, about 4 minutes
#   SCENARIOS="a c" bench/chaos.sh  # some of them
#
#   (a) kill -9 of the service during inserts and an NDJSON load; restart on the same data directory
#   (b) its PostgreSQL stopped (immediate shutdown) for 10 s under load, then started again on the
#       same port with the same settings
#   (c) one user table locked by a psql session for 20 s while other tables are created and changed
#   (d) 8 chunked NDJSON uploads that send 1,200 rows and go silent, while other requests run
#
# Builds nothing: needs deploy/target/dyntables.jar (./mvnw -B -DskipTests package), java 17,
# python3 and psql. Settings: PORT (18084), SCENARIOS ("a b c d"), KEEP=1 keeps the work directory.
# Every wait is bounded; the script reports what it saw and does not stop at the first failure.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=deploy/target/dyntables.jar
[ -f "$JAR" ] || { echo "missing $JAR: build it first (./mvnw -B -DskipTests package)" >&2; exit 1; }
for tool in java python3 psql; do
	command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/chaos-XXXXXX)
export JAR WORK PORT=${PORT:-18084} SCENARIOS=${SCENARIOS:-a b c d} KEEP=${KEEP:-0}
exec python3 - <<'PY'
import http.client, json, os, signal, socket, statistics, subprocess, sys, threading, time

JAR, WORK, PORT = os.path.abspath(os.environ["JAR"]), os.environ["WORK"], int(os.environ["PORT"])
DATA = os.path.join(WORK, "data")
services = []  # every service process started, stopped at the end


def log(message):
    print(f"  {message}", flush=True)


# ---- the service ---------------------------------------------------------------------------

def start_service(name, deadline=180):
    """Starts the jar on the data directory; answers (process, seconds to ready) or (process, None)."""
    out = open(os.path.join(WORK, f"service-{name}.log"), "w")
    env = dict(os.environ, DYNTABLES_DATA_DIR=DATA, AXONIQ_UPDATE_CHECKER_DISABLED="true")
    env.pop("DYNTABLES_DB_URL", None)
    started = time.time()
    process = subprocess.Popen(["java", "-jar", JAR, f"--server.port={PORT}"], stdout=out,
                               stderr=subprocess.STDOUT, env=env)
    services.append(process)
    while time.time() - started < deadline and process.poll() is None:
        if request("GET", "/actuator/health/readiness", timeout=2)[0] == 200:
            return process, time.time() - started
        time.sleep(0.3)
    return process, None


def stop_service(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def request(method, path, body=None, timeout=10, content_type="application/json"):
    """One HTTP call: (status or an error name, milliseconds, body)."""
    started = time.time()
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        headers = {"Content-Type": content_type} if body is not None else {}
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        text = response.read()
        return response.status, (time.time() - started) * 1000, text
    except socket.timeout:
        return "timeout", (time.time() - started) * 1000, b""
    except OSError as error:
        return type(error).__name__, (time.time() - started) * 1000, b""
    finally:
        connection.close()


def create_table(name, fields):
    status, _, body = request("POST", "/api/table", {"name": name, "fields": fields}, timeout=30)
    if status not in (201, 202):
        raise SystemExit(f"could not create table {name}: {status} {body[:200]!r}")
    return json.loads(body)


def all_values(table_id, field="n"):
    status, _, body = request("GET", f"/api/table/{table_id}/rows", timeout=60)
    if status != 200:
        return None
    return {row[field] for row in json.loads(body)}


def summary(latencies):
    if not latencies:
        return "none"
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms, max {ordered[-1]:.0f} ms"


def tally(statuses):
    counts = {}
    for status in statuses:
        counts[str(status)] = counts.get(str(status), 0) + 1
    return ", ".join(f"{count} x {status}" for status, count in sorted(counts.items())) or "none"


# ---- its PostgreSQL ------------------------------------------------------------------------

def postmaster():
    with open(os.path.join(DATA, "postgres", "postmaster.pid")) as pid_file:
        lines = pid_file.read().splitlines()
    return int(lines[0]), int(lines[3])


def psql_env():
    with open(os.path.join(DATA, "postgres-password")) as password_file:
        password = password_file.read().strip()
    return dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(postmaster()[1]), PGUSER="postgres",
                PGDATABASE="postgres", PGPASSWORD=password)


# ---- clients -------------------------------------------------------------------------------

class Inserter(threading.Thread):
    """Inserts rows {"n": k} one by one until stopped, keeping the acknowledged (201) ones."""
    counter = iter(range(1, 10**9))
    counter_lock = threading.Lock()

    def __init__(self, table_id, stop):
        super().__init__(daemon=True)
        self.table_id, self.stop = table_id, stop
        self.acknowledged, self.statuses, self.latencies = set(), [], []

    def run(self):
        while not self.stop.is_set():
            with Inserter.counter_lock:
                n = next(Inserter.counter)
            status, ms, _ = request("POST", f"/api/table/{self.table_id}/row", {"n": n}, timeout=30)
            self.statuses.append(status)
            self.latencies.append(ms)
            if status == 201:
                self.acknowledged.add(n)
            elif not isinstance(status, int):
                time.sleep(0.2)


class ChunkedUpload(threading.Thread):
    """Streams NDJSON rows in chunks: all of them, or `stall_after` rows and then silence."""

    def __init__(self, table_id, rows, stall_after=None, stall_seconds=0, rows_per_chunk=200):
        super().__init__(daemon=True)
        self.table_id, self.rows, self.stall_after = table_id, rows, stall_after
        self.stall_seconds, self.rows_per_chunk = stall_seconds, rows_per_chunk
        self.sent, self.outcome = 0, None

    def run(self):
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=self.stall_seconds + 60) as sock:
                sock.sendall((f"POST /api/table/{self.table_id}/rows HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n").encode())
                while self.sent < self.rows:
                    if self.stall_after is not None and self.sent >= self.stall_after:
                        sock.settimeout(self.stall_seconds)
                        try:  # silent; did the service give up on us first?
                            answer = sock.recv(4096)
                            self.outcome = ("answered while stalled: " + answer.split(b"\r\n")[0].decode()
                                            if answer else "closed by the service while stalled")
                        except socket.timeout:
                            self.outcome = f"still open after {self.stall_seconds} s of silence"
                        return
                    chunk = "".join(json.dumps({"n": self.sent + i}) + "\n"
                                    for i in range(self.rows_per_chunk)).encode()
                    sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.sent += self.rows_per_chunk
                sock.sendall(b"0\r\n\r\n")
                self.outcome = sock.recv(4096).split(b"\r\n")[0].decode()
        except OSError as error:
            self.outcome = f"{type(error).__name__} after {self.sent} rows"


def probe(paths_and_bodies, seconds, interval=0.2, timeout=10):
    """Runs the given requests in turn for some seconds; answers their statuses and latencies."""
    statuses, latencies, end = [], [], time.time() + seconds
    while time.time() < end:
        for method, path, body in paths_and_bodies:
            status, ms, _ = request(method, path, body, timeout=timeout)
            statuses.append(status)
            latencies.append(ms)
        time.sleep(interval)
    return statuses, latencies


# ---- scenarios -----------------------------------------------------------------------------

def scenario_a():
    print("\n== (a) kill -9 of the service during inserts and a load; restart on the same data directory")
    rows = create_table("chaos kill rows", {"n": "integer"})["id"]
    loaded = create_table("chaos kill load", {"n": "integer"})["id"]
    stop = threading.Event()
    inserters = [Inserter(rows, stop) for _ in range(4)]
    for inserter in inserters:
        inserter.start()
    upload = ChunkedUpload(loaded, rows=1_000_000)
    upload.start()
    time.sleep(4)
    victim = services[-1]
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(10)
    time.sleep(1)
    stop.set()
    for inserter in inserters:
        inserter.join(40)
    upload.join(40)
    acknowledged = set().union(*(inserter.acknowledged for inserter in inserters))
    statuses = [status for inserter in inserters for status in inserter.statuses]
    log(f"inserts: {tally(statuses)}; load: {upload.outcome} ({upload.sent} rows sent)")
    try:
        old = postmaster()[0]
        os.kill(old, 0)
        log(f"the killed service's PostgreSQL (process {old}) lives on")
    except (OSError, ValueError):
        log("no PostgreSQL outlived the service")
    _, ready = start_service("a-restart")
    if ready is None:
        log("RESULT: FAILED - the service did not come back within 180 s (see service-a-restart.log)")
        return
    log(f"restart on the same data directory: ready in {ready:.1f} s")
    kept = all_values(rows)
    lost = acknowledged - (kept or set())
    kept_load = all_values(loaded)
    log(f"acknowledged rows: {len(acknowledged)}, lost: {len(lost)}; rows of the unacknowledged load kept: "
        f"{len(kept_load) if kept_load is not None else 'unreadable'} of {upload.sent} sent")
    whole = kept_load is not None and len(kept_load) in (0, upload.rows)
    log("RESULT: " + ("ok" if not lost and whole else "FAILED") + " - nothing acknowledged lost"
        + ("" if not lost else f" is FALSE: {sorted(lost)[:10]}...") + ", load all or nothing: "
        + ("yes" if whole else "NO"))


def scenario_b():
    print("\n== (b) PostgreSQL stopped (immediate shutdown) for 10 s under a running service, then started again")
    table = create_table("chaos db away", {"n": "integer"})["id"]
    pid, pg_port = postmaster()
    with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
        command = [part.decode() for part in cmdline.read().split(b"\0") if part]
    if os.geteuid() == 0:  # PostgreSQL refuses root: run it as the service does, in a user namespace
        command = ["unshare", "-U"] + command
    stop = threading.Event()
    inserter = Inserter(table, stop)
    inserter.start()
    time.sleep(2)
    before = len(inserter.statuses)
    os.kill(pid, signal.SIGQUIT)  # immediate shutdown, as pg_ctl stop -m immediate
    stopped_at = time.time()
    outage = []
    while time.time() - stopped_at < 10:
        outage.append(request("GET", "/actuator/health/readiness", timeout=5)[:2])
        outage.append(request("GET", f"/api/table/{table}/rows?limit=1", timeout=40)[:2])
        time.sleep(0.5)
    during = inserter.statuses[before:]
    log(f"while down, inserts: {tally(during)}")
    log("while down, readiness: " + tally([s for i, (s, _) in enumerate(outage) if i % 2 == 0])
        + "; reads: " + tally([s for i, (s, _) in enumerate(outage) if i % 2 == 1]) + ", "
        + summary([ms for i, (_, ms) in enumerate(outage) if i % 2 == 1]))
    with open(os.path.join(WORK, "postgres-restarted.log"), "w") as out:
        subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=os.path.join(DATA, "postgres"),
                         start_new_session=True)
    restarted_at, recovered = time.time(), None
    while time.time() - restarted_at < 60:
        if request("GET", f"/api/table/{table}/rows?limit=1", timeout=5)[0] == 200 and \
                request("POST", f"/api/table/{table}/row", {"n": -1}, timeout=5)[0] == 201:
            recovered = time.time() - restarted_at
            break
        time.sleep(0.5)
    time.sleep(1)
    stop.set()
    inserter.join(40)
    log(f"PostgreSQL started again on port {pg_port}; "
        + (f"reads and writes answer again after {recovered:.1f} s" if recovered is not None
           else "the service did NOT recover within 60 s"))
    kept = all_values(table)
    lost = inserter.acknowledged - (kept or set())
    log(f"acknowledged rows: {len(inserter.acknowledged)}, lost: {len(lost) if kept is not None else 'unreadable'}")
    readiness_down = any(status != 200 for i, (status, _) in enumerate(outage) if i % 2 == 0)
    fine = recovered is not None and kept is not None and not lost
    log("RESULT: " + ("ok" if fine and readiness_down else "FAILED") + " - recovered by itself: "
        + ("yes" if recovered is not None else "NO") + ", nothing acknowledged lost: "
        + ("yes" if kept is not None and not lost else "NO") + ", readiness went DOWN while it was away: "
        + ("yes" if readiness_down else "NO"))


def scenario_c():
    print("\n== (c) one user table locked by psql for 20 s while other tables are created and changed")
    locked = create_table("chaos locked", {"n": "integer"})
    session = subprocess.Popen(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-c",
         f'BEGIN; LOCK TABLE dyntables_data."{locked["physicalName"]}" IN ACCESS EXCLUSIVE MODE; '
         "SELECT pg_sleep(20); COMMIT;"], env=psql_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1)
    started = time.time()
    change_locked = request("PUT", f"/api/table/{locked['id']}", {"fields": {"n": "integer", "m": "text"}},
                            timeout=30)
    log(f"a change of the locked table itself: {change_locked[0]} in {change_locked[1]:.0f} ms")
    creates, changes, inserts = [], [], []
    others = []
    for i in range(5):
        status, ms, body = request("POST", "/api/table", {"name": f"chaos free {i}", "fields": {"a": "integer"}},
                                   timeout=30)
        creates.append((status, ms))
        if status in (201, 202):
            others.append(json.loads(body)["id"])
    for table_id in others:
        changes.append(request("PUT", f"/api/table/{table_id}", {"fields": {"a": "integer", "b": "text"}},
                               timeout=30)[:2])
        inserts.append(request("POST", f"/api/table/{table_id}/row", {"a": 1, "b": "x"}, timeout=30)[:2])
    elapsed = time.time() - started
    log(f"other tables while locked ({elapsed:.1f} s): creates {tally(s for s, _ in creates)}, "
        f"{summary([ms for _, ms in creates])}")
    log(f"  changes {tally(s for s, _ in changes)}, {summary([ms for _, ms in changes])}")
    log(f"  inserts using the changed schema {tally(s for s, _ in inserts)}, {summary([ms for _, ms in inserts])}")
    session.wait(40)
    latencies = [ms for _, ms in creates + changes + inserts]
    fine = all(s == 201 for s, _ in creates) and all(s == 200 for s, _ in changes) and \
        all(s == 201 for s, _ in inserts) and max(latencies, default=0) < 5000
    caught_up = None
    deadline = time.time() + 40
    while time.time() < deadline:
        status, _, body = request("GET", f"/api/table/{locked['id']}", timeout=10)
        if status == 200 and json.loads(body).get("version") == 2:
            caught_up = time.time() - started
            break
        time.sleep(1)
    log("the locked table's own change: " + (f"applied {caught_up:.1f} s after it was sent"
                                             if caught_up is not None else "NOT applied 40 s after the lock ended"))
    log("RESULT: " + ("ok" if fine and caught_up is not None else "FAILED")
        + " - other tables answered with their final status within 5 s while one table was locked: "
        + ("yes" if fine else "NO") + "; the locked table caught up: " + ("yes" if caught_up is not None else "NO"))


def scenario_d():
    print("\n== (d) 8 chunked NDJSON uploads send 1,200 rows and go silent for 30 s while other requests run")
    target = create_table("chaos stalled target", {"n": "integer"})["id"]
    other = create_table("chaos stalled other", {"n": "integer"})["id"]
    request("POST", f"/api/table/{other}/row", {"n": 1})
    baseline = probe([("GET", f"/api/table/{other}/rows?limit=10", None),
                      ("POST", f"/api/table/{other}/row", {"n": 2})], seconds=3)
    log(f"before: {tally(baseline[0])}, {summary(baseline[1])}")
    uploads = [ChunkedUpload(target, rows=100_000, stall_after=1200, stall_seconds=30) for _ in range(8)]
    for upload in uploads:
        upload.start()
    time.sleep(2)
    during = probe([("GET", f"/api/table/{other}/rows?limit=10", None),
                    ("POST", f"/api/table/{other}/row", {"n": 3}),
                    ("GET", "/api/table", None)], seconds=20, timeout=10)
    log(f"while 8 uploads stall: {tally(during[0])}, {summary(during[1])}")
    for upload in uploads:
        upload.join(60)
    log("the stalled uploads: " + tally(upload.outcome for upload in uploads))
    after = probe([("GET", f"/api/table/{other}/rows?limit=10", None),
                   ("POST", f"/api/table/{other}/row", {"n": 4})], seconds=5)
    log(f"after they left: {tally(after[0])}, {summary(after[1])}")
    ok = all(s in (200, 201) for s in during[0] + after[0]) and max(during[1] + after[1]) < 5000
    log("RESULT: " + ("ok" if ok else "FAILED") + " - other requests answered within 5 s, during and after")


try:
    print(f"dyntables chaos: {JAR} on 127.0.0.1:{PORT}, data in {DATA}")
    _, ready = start_service("a")
    if ready is None:
        raise SystemExit("the service did not start; see " + os.path.join(WORK, "service-a.log"))
    print(f"  service ready in {ready:.1f} s")
    for name in os.environ["SCENARIOS"].split():
        try:
            {"a": scenario_a, "b": scenario_b, "c": scenario_c, "d": scenario_d}[name]()
        except Exception as error:  # report and go on with the next scenario
            log(f"RESULT: FAILED - the scenario itself broke: {type(error).__name__}: {error}")
finally:
    for process in reversed(services):
        stop_service(process)
    try:  # a PostgreSQL left running in the data directory (by a failed restart) is stopped too
        pid, _ = postmaster()
        os.kill(pid, signal.SIGINT)
        for _ in range(60):
            os.kill(pid, 0)
            time.sleep(0.5)
    except (OSError, ValueError):
        pass
    if os.environ["KEEP"] != "1":
        subprocess.run(["rm", "-rf", WORK])
    else:
        print(f"work directory kept: {WORK}")
PY
