#!/usr/bin/env bash
# Three instances of the service jar on one PostgreSQL (the embedded one of the first, or a
# configured one), on loopback. Prints how the projector's segments are spread, the latency of
# schema commands through each instance (p50/p99) on a table whose segment it owns and on
# one another instance owns (and the CPU time the instances used meanwhile), the schema
# propagation (from a change's answer through one instance until another lists the table's
# rows with the new field, p50/p99), and the failover time after `kill -9` of an instance that
# owns segments: from the kill until every segment is held by a live instance again.
#
#   bench/cluster.sh                      # about 3 minutes on a quiet machine
#   ROUNDS=50 bench/cluster.sh            # schema commands per instance and kind (default 30)
#   PROPAGATIONS=200 bench/cluster.sh     # changes whose propagation is timed (default 100)
#   DYNTABLES_DB_URL=... DYNTABLES_DB_PASSWORD=... bench/cluster.sh   # on a configured PostgreSQL
#   JAR=/elsewhere/dyntables.jar bench/cluster.sh                     # another build, to compare
#
# Builds nothing: needs deploy/target/dyntables.jar (./mvnw -B -DskipTests package), java 17
# and python3. Settings: PORTS ("18092 18093 18094"), DATA (/tmp/cluster-bench), KEEP=1 keeps
# the data directory; the instances' own settings come from the environment (e.g.
# DYNTABLES_PROJECTION_FETCH_DELAY). Every wait is bounded; every instance started is stopped
# at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${JAR:-deploy/target/dyntables.jar}
[ -f "$JAR" ] || { echo "missing $JAR: build it first (./mvnw -B -DskipTests package)" >&2; exit 1; }
for tool in java python3; do
	command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
export JAR PORTS=${PORTS:-18092 18093 18094} DATA=${DATA:-/tmp/cluster-bench} ROUNDS=${ROUNDS:-30} PROPAGATIONS=${PROPAGATIONS:-100} KEEP=${KEEP:-0}
exec python3 - <<'PY'
import http.client, json, os, shutil, signal, socket, statistics, subprocess, time

JAR, DATA, ROUNDS = os.path.abspath(os.environ["JAR"]), os.environ["DATA"], int(os.environ["ROUNDS"])
PROPAGATIONS = int(os.environ["PROPAGATIONS"])
PORTS = [int(port) for port in os.environ["PORTS"].split()]
EXTERNAL = os.environ.get("DYNTABLES_DB_URL", "")
services = {}  # port -> process


def request(port, method, path, body=None, timeout=30):
    """One HTTP call: (status or an error name, milliseconds, parsed JSON body or None)."""
    started = time.time()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=json.dumps(body).encode() if body is not None else None,
                           headers=headers)
        response = connection.getresponse()
        text = response.read()
        elapsed = (time.time() - started) * 1000
        try:
            return response.status, elapsed, json.loads(text) if text else None
        except ValueError:
            return response.status, elapsed, None
    except (socket.timeout, OSError) as error:
        return type(error).__name__, (time.time() - started) * 1000, None
    finally:
        connection.close()


def start(port, database_url=None, password=None, deadline=420):
    """Starts the jar on its port; answers once it is ready, or stops everything."""
    data = os.path.join(DATA, str(port))
    os.makedirs(data, exist_ok=True)
    env = dict(os.environ, DYNTABLES_DATA_DIR=data, AXONIQ_UPDATE_CHECKER_DISABLED="true")
    if database_url:
        env.update(DYNTABLES_DB_URL=database_url, DYNTABLES_DB_PASSWORD=password)
    out = open(os.path.join(DATA, f"service-{port}.log"), "w")
    process = subprocess.Popen(["java", "-jar", JAR, f"--server.port={port}"], stdout=out,
                               stderr=subprocess.STDOUT, env=env)
    services[port] = process
    started = time.time()
    while time.time() - started < deadline and process.poll() is None:
        if request(port, "GET", "/actuator/health/readiness", timeout=2)[0] == 200:
            return
        time.sleep(0.3)
    raise SystemExit(f"instance on port {port} did not become ready; see {out.name}")


def embedded_database(port):
    """The URL and password of the embedded PostgreSQL the first instance started."""
    data = os.path.join(DATA, str(port))
    password = open(os.path.join(data, "postgres-password")).read().strip()
    pid_file = open(os.path.join(data, "postgres", "postmaster.pid")).read().splitlines()
    return f"jdbc:postgresql://127.0.0.1:{pid_file[3].strip()}/postgres", password


def projection(port):
    status, _, body = request(port, "GET", "/api/admin/projection", timeout=10)
    return body if status == 200 else None


def nodes():
    """port -> the instance's node name (as segment owners are named)."""
    return {port: projection(port)["node"] for port in services if services[port].poll() is None}


def distribution(observer):
    """port -> segments it holds, read from one instance's status (every instance sees all)."""
    names = {name: port for port, name in nodes().items()}
    held = {port: [] for port in services}
    free = []
    for segment in projection(observer)["segments"]:
        if segment["owner"] in names:
            held[names[segment["owner"]]].append(segment["segment"])
        else:
            free.append(segment["segment"])
    return held, free


def wait_for(what, condition, deadline=60, step=0.1):
    started = time.time()
    while time.time() - started < deadline:
        if condition():
            return time.time() - started
        time.sleep(step)
    raise SystemExit(f"timed out waiting for {what}")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def cpu_seconds():
    """User and system CPU time the running instances' JVMs have used so far (not PostgreSQL's)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for process in services.values():
        if process.poll() is None:
            fields = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def segment_of(table_id, segment_count):
    """The projector's segment of a table: Java's String.hashCode of its id, masked (the
    sequencing policy is by aggregate identifier, a power-of-two segment count assumed)."""
    value = 0
    for char in str(table_id):
        value = (31 * value + ord(char)) & 0xFFFFFFFF
    return value & (segment_count - 1)


try:
    shutil.rmtree(DATA, ignore_errors=True)
    os.makedirs(DATA)
    print(f"Starting three instances on ports {PORTS} (logs in {DATA})", flush=True)
    start(PORTS[0], EXTERNAL or None, os.environ.get("DYNTABLES_DB_PASSWORD", ""))
    url, password = (EXTERNAL, os.environ.get("DYNTABLES_DB_PASSWORD", "")) if EXTERNAL else embedded_database(PORTS[0])
    for port in PORTS[1:]:
        start(port, url, password)
    print(f"  instances: {', '.join(f'http://127.0.0.1:{port}' for port in PORTS)} on {url}")

    def spread():
        held, free = distribution(PORTS[0])
        return not free and all(held[port] for port in PORTS)
    seconds = wait_for("every instance to own a segment", spread)
    held, _ = distribution(PORTS[0])
    count = sum(len(segments) for segments in held.values())
    print(f"Segment distribution ({count} segments, settled {seconds:.1f} s after the last start):")
    for port in PORTS:
        print(f"  :{port} owns {sorted(held[port])}")

    print(f"Schema commands, {ROUNDS} per instance and kind (PUT adding a field, answered once applied),"
          f" on a table whose segment the instance owns and on one another instance owns:")
    owner_of = {segment: port for port, segments in held.items() for segment in segments}
    cpu_before, wall_before = cpu_seconds(), time.time()
    by_kind = {"owner": [], "non-owner": []}
    for port in PORTS:
        tables = {}
        for attempt in range(40):
            if len(tables) == 2:
                break
            status, _, table = request(port, "POST", "/api/table", {"name": f"Bench {port} {attempt}",
                                                                    "fields": {"f0": "text"}})
            if status != 201:
                raise SystemExit(f"creating a table through :{port} answered {status}")
            kind = "owner" if owner_of.get(segment_of(table["id"], count)) == port else "non-owner"
            tables.setdefault(kind, table["id"])
        for kind, table_id in sorted(tables.items(), reverse=True):
            fields, times, statuses = {"f0": "text"}, [], {}
            for i in range(1, ROUNDS + 1):
                fields[f"f{i}"] = "integer"
                status, ms, _ = request(port, "PUT", f"/api/table/{table_id}", {"fields": fields})
                statuses[status] = statuses.get(status, 0) + 1
                times.append(ms)
            by_kind[kind].extend(times)
            print(f"  through :{port} as {kind:9}: p50 {percentile(times, 0.5):5.0f} ms,"
                  f" p99 {percentile(times, 0.99):5.0f} ms, statuses {statuses}")
    cpu, wall = cpu_seconds() - cpu_before, time.time() - wall_before
    if by_kind["owner"] and by_kind["non-owner"]:
        owner_p50, other_p50 = percentile(by_kind["owner"], 0.5), percentile(by_kind["non-owner"], 0.5)
        print(f"  all instances as owner: p50 {owner_p50:.1f} ms, p99 {percentile(by_kind['owner'], 0.99):.1f} ms;"
              f" as non-owner: p50 {other_p50:.1f} ms, p99 {percentile(by_kind['non-owner'], 0.99):.1f} ms;"
              f" non-owner/owner p50 {other_p50 / owner_p50:.2f} (goal 1.2)")
    print(f"  CPU of the three JVMs meanwhile: {cpu:.1f} s in {wall:.1f} s")
    cpu_before = cpu_seconds()
    time.sleep(10)
    print(f"  CPU of the three JVMs idle: {cpu_seconds() - cpu_before:.2f} s in 10 s")

    source, reader = PORTS[0], PORTS[1]
    print(f"Schema propagation, {PROPAGATIONS} changes through :{source} (adding a field), from the answer"
          f" until :{reader} lists the table's rows with the new field:")
    status, _, table = request(source, "POST", "/api/table", {"name": "Propagated", "fields": {"a": "text"}})
    if status != 201:
        raise SystemExit(f"creating a table through :{source} answered {status}")
    table_id = table["id"]
    request(source, "POST", f"/api/table/{table_id}/row", {"a": "x"})
    rows_path = f"/api/table/{table_id}/rows"
    wait_for(f"the row to be listed through :{reader}", lambda: request(reader, "GET", rows_path)[2])

    def lists(field):
        status, _, body = request(reader, "GET", rows_path, timeout=5)
        return status == 200 and bool(body) and field in body[0]
    fields, delays, statuses = {"a": "text"}, [], {}
    for i in range(PROPAGATIONS):
        fields[f"p{i}"] = {"type": "integer", "required": False}
        status, _, _ = request(source, "PUT", f"/api/table/{table_id}", {"fields": fields})
        statuses[status] = statuses.get(status, 0) + 1
        answered = time.time()
        wait_for(f"field p{i} to be listed through :{reader}", lambda: lists(f"p{i}"), deadline=10, step=0)
        delays.append((time.time() - answered) * 1000)
    print(f"  p50 {percentile(delays, 0.5):.1f} ms, p99 {percentile(delays, 0.99):.1f} ms,"
          f" max {max(delays):.1f} ms (goal p99 200 ms), statuses {statuses}")

    # the victim: an instance that owns segments and does not hold the embedded PostgreSQL
    victim = max(PORTS[1:], key=lambda port: len(held[port]))
    observer = PORTS[0]
    lost = sorted(held[victim])
    victim_name = nodes()[victim]
    print(f"Failover: kill -9 of :{victim}, which owns segments {lost}")
    services[victim].send_signal(signal.SIGKILL)
    killed_at = time.time()
    services[victim].wait()

    def taken_over():
        body = projection(observer)
        return body is not None and all(segment["owner"] not in (None, victim_name) for segment in body["segments"])
    wait_for("the killed instance's segments to be taken over", taken_over, deadline=60, step=0.05)
    failover = time.time() - killed_at
    del services[victim]
    held, free = distribution(observer)
    print(f"  every segment held by a live instance again {failover:.2f} s after the kill (goal 5 s)")
    for port in services:
        print(f"  :{port} owns {sorted(held[port])}")
    status, ms, _ = request(PORTS[1] if PORTS[1] != victim else PORTS[2], "POST", "/api/table",
                            {"name": "After failover", "fields": {"a": "text"}})
    print(f"  a table created after the failover: {status} in {ms:.0f} ms")
finally:
    for port, process in list(services.items())[::-1]:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
    if os.environ.get("KEEP") != "1":
        shutil.rmtree(DATA, ignore_errors=True)
PY
