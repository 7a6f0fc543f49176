#!/usr/bin/env bash
# Row API benchmark: the service over HTTP beside the same work done directly on the same
# PostgreSQL (the service's embedded one), printed as one table with the ratio of each pair.
#
#   bench/rows-benchmark.sh            # builds the jar if missing, runs everything (about 6 minutes)
#   TABLES=10000 bench/rows-benchmark.sh   # also: create latency, insert rate and memory at 100
#                                          # and at 10,000 tables (about 10 more minutes)
#
# Settings (environment): DURATION (seconds per wrk/pgbench run, default 10), WARMUP (seconds of
# unreported load per HTTP path before measuring, default 60: the JIT compiler needs minutes on
# two cores), CONNECTIONS (16), BULK_ROWS (100000), PAGE_TABLE_ROWS (10000), TABLES (0: no scale
# run), ONLY (a comma-separated list of the parts to run: credentials, create, insert, floor, page,
# bulk, export, aggregate; default all; ONLY=credentials runs only the warm-up and the insert with an API key
# beside protected mode), LATE (0: none; N: after the other parts, N more tables are created and
# single-row inserts into a table created after them are measured beside inserts into the first
# table, alternated), PROFILE_DIR (a flight recording of each measured part, written there as
# <part>.jfr), AGGREGATE_QUERY (the listing the aggregate part measures, default
# select=age,count()), JAR (the jar to run, default deploy/target/dyntables.jar), PORT (default a free one),
# REBUILD=1 to rebuild the jar first,
# JAVA_OPTS (extra JVM options, for example a flight recording:
# JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/rows.jfr,settings=profile").
#
# Needs: java 17, python3, wrk, psql and pgbench (apt-get install -y wrk postgresql-client).
# Everything runs on loopback. The embedded PostgreSQL's port is read from the
# postmaster.pid file in the service's data directory (fourth line), so pgbench and psql
# talk to the very server the service uses.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
BULK_ROWS=${BULK_ROWS:-100000}
PAGE_TABLE_ROWS=${PAGE_TABLE_ROWS:-10000}
PGBIN=$(pg_config --bindir 2>/dev/null || dirname "$(command -v pgbench)")
for tool in wrk python3 java; do
	command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk postgresql-client)" >&2; exit 1; }
done
[ -x "$PGBIN/pgbench" ] || { echo "missing pgbench (apt-get install -y postgresql-client)" >&2; exit 1; }

JAR=${JAR:-deploy/target/dyntables.jar}
if [ ! -f "$JAR" ] || [ "${REBUILD:-0}" = 1 ]; then
	./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package
fi

WORK=$(mktemp -d)
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
SERVICE_PID=
cleanup() {
	if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
		kill "$SERVICE_PID"
		for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting the service on port $PORT (data in $WORK)" >&2
# shellcheck disable=SC2086
DYNTABLES_DATA_DIR="$WORK/data" AXONIQ_UPDATE_CHECKER_DISABLED=true \
	java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!

BASE="http://127.0.0.1:$PORT" WORK="$WORK" PGBIN="$PGBIN" DURATION="$DURATION" CONNECTIONS="$CONNECTIONS" \
	WARMUP="${WARMUP:-60}" BULK_ROWS="$BULK_ROWS" PAGE_TABLE_ROWS="$PAGE_TABLE_ROWS" SERVICE_PID="$SERVICE_PID" \
	python3 - <<'PY'
import http.client, json, os, re, statistics, subprocess, sys, time, urllib.parse

BASE = os.environ["BASE"]
WORK = os.environ["WORK"]
PGBIN = os.environ["PGBIN"]
DURATION = int(os.environ["DURATION"])
CONNECTIONS = int(os.environ["CONNECTIONS"])
BULK_ROWS = int(os.environ["BULK_ROWS"])
PAGE_TABLE_ROWS = int(os.environ["PAGE_TABLE_ROWS"])
SERVICE_PID = int(os.environ["SERVICE_PID"])
TABLES = int(os.environ.get("TABLES", "0"))
ONLY = os.environ.get("ONLY", "")
PARTS = set(ONLY.split(",")) if ONLY else {"credentials", "create", "insert", "floor", "page", "bulk", "export",
                                           "aggregate"}
LATE = int(os.environ.get("LATE", "0"))
PROFILE_DIR = os.environ.get("PROFILE_DIR", "")
AGGREGATE_QUERY = os.environ.get("AGGREGATE_QUERY", "select=age,count()")
FIGURES = {}
HOST, PORT = urllib.parse.urlparse(BASE).hostname, urllib.parse.urlparse(BASE).port
ROW = {"first_name": "Joe", "last_name": "Doe", "age": 16, "address": "Heaven Str 45"}
FIELDS = {"first_name": "string", "last_name": "string", "age": "integer", "address": "string"}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def request(method, path, body=None, headers=None, raw=False):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=300)
    headers = dict(headers or {})
    if body is not None and not isinstance(body, (bytes, str)) and not hasattr(body, "read"):
        body = json.dumps(body)
        headers.setdefault("Content-Type", "application/json")
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read() if not raw else response
    if raw:
        return response, connection
    connection.close()
    return response.status, data


# --- wait for the service -------------------------------------------------------------
deadline = time.time() + 180
while True:
    try:
        status, _ = request("GET", "/actuator/health")
        if status == 200:
            break
    except OSError:
        pass
    if time.time() > deadline:
        sys.exit("the service did not start; see its log")
    time.sleep(0.5)
with open(os.path.join(WORK, "data", "postgres", "postmaster.pid")) as pid_file:
    pid_lines = pid_file.read().splitlines()
POSTMASTER, PG_PORT = int(pid_lines[0]), int(pid_lines[3])
PG_ENV = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(PG_PORT), PGUSER="postgres", PGDATABASE="postgres")
# versions that give the superuser a password keep it here; older ones trust loopback
PASSWORD_FILE = os.path.join(WORK, "data", "postgres-password")
if os.path.exists(PASSWORD_FILE):
    with open(PASSWORD_FILE) as password_file:
        PG_ENV["PGPASSWORD"] = password_file.read().strip()
log(f"service up; its PostgreSQL listens on port {PG_PORT}")


def cpu_seconds():
    """CPU time so far of the service JVM and of PostgreSQL (postmaster, its children, reaped children)."""
    tick = os.sysconf("SC_CLK_TCK")

    def stat(pid):
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields

    def own(pid, children=False):
        fields = stat(pid)
        total = int(fields[11]) + int(fields[12])
        if children:
            total += int(fields[13]) + int(fields[14])
        return total / tick

    java = own(SERVICE_PID)
    pg = own(POSTMASTER, children=True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = stat(entry)
                if int(fields[1]) == POSTMASTER:
                    pg += own(entry)
            except (OSError, IndexError):
                pass
    return java, pg


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def measured(work, count=None, unit="request", name=None):
    """Runs work; answers its result and the CPU the JVM and PostgreSQL used meanwhile, as a share of one core
    and, when count(result) tells how many requests (or rows) it did, in CPU milliseconds per request (or
    microseconds per row), with the machine's 1-min load average before and after. With a name, the JVM's CPU
    per unit is kept in FIGURES[name] (and, with PROFILE_DIR, the run is recorded in <name>.jfr)."""
    if name and PROFILE_DIR:
        subprocess.run(["jcmd", str(SERVICE_PID), "JFR.start", f"name={name}", "settings=profile",
                        f"filename={os.path.join(PROFILE_DIR, name + '.jfr')}"], capture_output=True, check=True)
    load_before = load_average()
    before, start = cpu_seconds(), time.time()
    result = work()
    after, elapsed = cpu_seconds(), time.time() - start
    if name and PROFILE_DIR:
        subprocess.run(["jcmd", str(SERVICE_PID), "JFR.stop", f"name={name}"], capture_output=True, check=True)
    java, pg = after[0] - before[0], after[1] - before[1]
    cpu = f"java {100 * java / elapsed:.0f}% / pg {100 * pg / elapsed:.0f}%"
    if count is not None:
        done = count(result)
        if unit == "row":
            cpu += f", {1e6 * java / done:.1f} / {1e6 * pg / done:.1f} us per row"
        else:
            cpu += f", {1e3 * java / done:.3f} / {1e3 * pg / done:.3f} ms per {unit}"
        if name:
            FIGURES[name] = (result, 1e3 * java / done)
    cpu += f"; load {load_before:.1f}-{load_average():.1f}"
    return result, cpu


def create_table(name):
    status, body = request("POST", "/api/table", {"name": name, "fields": FIELDS})
    assert status == 201, (status, body)
    table = json.loads(body)
    return table["id"], table["physicalName"]


def wrk(script, path, seconds=DURATION):
    lua = os.path.join(WORK, "bench.lua")
    with open(lua, "w") as f:
        f.write(script)
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s", "--latency",
                          "-s", lua, BASE + path], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    done = int(re.search(r"(\d+) requests in", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        log(f"wrk saw {errors.group(1)} non-2xx answers:\n{out}")
    return rate, p99ms, done


def pgbench(script, seconds=DURATION):
    sql = os.path.join(WORK, "bench.sql")
    with open(sql, "w") as f:
        f.write(script)
    out = subprocess.run([os.path.join(PGBIN, "pgbench"), "-n", "-M", "prepared", f"-c{CONNECTIONS}", "-j2",
                          f"-T{seconds}", "-f", sql], capture_output=True, text=True, env=PG_ENV, check=True).stdout
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    done = int(re.search(r"number of transactions actually processed: (\d+)", out).group(1))
    latency = float(re.search(r"latency average = ([\d.]+) ms", out).group(1))
    return tps, latency, done


def psql(command):
    subprocess.run([os.path.join(PGBIN, "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-c", command], env=PG_ENV,
                   check=True, capture_output=True)


results = []
tps = float("nan")

# --- warm-up (not reported): let the JIT compile the paths measured below ------------------
WARMUP = int(os.environ.get("WARMUP", "60"))
if WARMUP > 0:
    warm_id, _ = create_table("Warmup")
    warm_rows = "".join(json.dumps(dict(ROW, age=i % 100)) + "\n" for i in range(20000)).encode()
    for _ in range(2):
        request("POST", f"/api/table/{warm_id}/rows", warm_rows, {"Content-Type": "application/x-ndjson"})
        request("GET", f"/api/table/{warm_id}/rows?format=ndjson")
    for script, path in (
            ('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \'' + json.dumps(ROW)
             + "'\n", f"/api/table/{warm_id}/row"),
            ("request = function()\n"
             f'  return wrk.format("GET", "/api/table/{warm_id}/rows?limit=100&id=gt." .. math.random(0, 19000))\n'
             "end\n", "/")):
        lua = os.path.join(WORK, "warm.lua")
        with open(lua, "w") as f:
            f.write(script)
        subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{WARMUP}s", "-s", lua, BASE + path],
                       capture_output=True, check=True)
    log("warmed up")

# --- the table ------------------------------------------------------------------------


def report():
    print(f"\nRows benchmark: {CONNECTIONS} connections, {DURATION} s per run, {os.cpu_count()} CPUs, loopback\n")
    header = ("operation", "service (HTTP)", "PostgreSQL direct (or baseline)", "ratio", "CPU during run (of one core)")

    def cells(row):
        return [str(row[0]), str(row[1]), str(row[2]), row[3] if isinstance(row[3], str) else f"{row[3]:.2f}",
                str(row[4])]

    widths = [max(len(cells(row)[i]) for row in results + [header]) for i in range(5)]

    def line(row):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells(row), widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in results:
        print(line(row))
    print("\nratio = service / direct for throughput, direct / service for latency (higher is better, 1.00 = parity);"
          "\nfor the rows at many tables: the figure at many tables against the same figure at 100 tables;"
          "\nCPU: the JVM's and PostgreSQL's share of one core during the run, then their CPU time per request"
          "\n(per page, per row) over the same run: the service's, and 'raw' the direct run's")


# --- the cost of a credential ----------------------------------------------------------
if "credentials" in PARTS:
    # The service runs in protected mode (no credential configured): loopback clients need none. A
    # loopback request that carries an API key is checked like any other, so the same insert is
    # measured with a key and without, alternated in this one run (the machine's load drifts).
    status, body = request("POST", "/api/admin/keys", {"name": "benchmark"})
    assert status == 201, (status, body)
    API_KEY = json.loads(body)["key"]
    keyed_id, _ = create_table("KeyedInserts")
    INSERT = 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \'' + json.dumps(ROW) + "'\n"
    KEYED = INSERT + f'wrk.headers["Authorization"] = "Bearer {API_KEY}"\n'
    if WARMUP > 0:
        wrk(KEYED, f"/api/table/{keyed_id}/row", seconds=WARMUP // 2)


    def insert_run(script):
        """One insert run: its rate, its p99, and the JVM's CPU milliseconds per request (steadier than the rate
        on a machine that other work shares)."""
        before = cpu_seconds()[0]
        rate, p99, done = wrk(script, f"/api/table/{keyed_id}/row")
        return rate, p99, 1e3 * (cpu_seconds()[0] - before) / done


    plain_runs, keyed_runs = [], []
    for _ in range(3):
        plain_runs.append(insert_run(INSERT))
        keyed_runs.append(insert_run(KEYED))
    keyed_rate, plain_rate = statistics.mean(r[0] for r in keyed_runs), statistics.mean(r[0] for r in plain_runs)
    keyed_cpu, plain_cpu = statistics.mean(r[2] for r in keyed_runs), statistics.mean(r[2] for r in plain_runs)
    results.append(("single-row insert with an API key (req/s)",
                    f"{keyed_rate:,.0f}/s p99 {statistics.median(r[1] for r in keyed_runs):.1f} ms",
                    f"{plain_rate:,.0f}/s p99 {statistics.median(r[1] for r in plain_runs):.1f} ms (no credential, "
                    "protected mode)", keyed_rate / plain_rate,
                    "3 runs each, alternated: key " + " ".join(f"{r[0]:,.0f}" for r in keyed_runs)
                    + " / none " + " ".join(f"{r[0]:,.0f}" for r in plain_runs)))
    results.append(("same, JVM CPU per insert", f"{keyed_cpu:.3f} ms", f"{plain_cpu:.3f} ms (no credential)",
                     plain_cpu / keyed_cpu, "key " + " ".join(f"{r[2]:.3f}" for r in keyed_runs)
                     + " / none " + " ".join(f"{r[2]:.3f}" for r in plain_runs)))
    log("credential cost measured")

    if ONLY == "credentials":
        report()
        sys.exit(0)

# --- create table and schema change, sequential -----------------------------------------
if "create" in PARTS:
    create_ms, change_ms = [], []
    for i in range(15):
        start = time.time()
        table_id, _ = create_table(f"Created{i}")
        status, _ = request("POST", f"/api/table/{table_id}/row", ROW)
        assert status == 201, status
        create_ms.append(1000 * (time.time() - start))
    fields = dict(FIELDS)
    for i in range(15):
        fields[f"extra_{i}"] = {"type": "integer", "required": False}
        start = time.time()
        status, body = request("PUT", f"/api/table/{table_id}", {"fields": fields})
        assert status == 200, (status, body)
        change_ms.append(1000 * (time.time() - start))
    create_p50, change_p50 = statistics.median(create_ms), statistics.median(change_ms)
    raw_create_ms = []
    for i in range(15):
        start = time.time()
        psql(f"CREATE TABLE public.bench_raw_{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
             "first_name varchar(200), last_name varchar(200), age integer, address varchar(200)); "
             f"INSERT INTO public.bench_raw_{i} (first_name) VALUES ('x')")
        raw_create_ms.append(1000 * (time.time() - start))
    raw_change_ms = []
    for i in range(15):
        start = time.time()
        psql(f"ALTER TABLE public.bench_raw_0 ADD COLUMN extra_{i} integer")
        raw_change_ms.append(1000 * (time.time() - start))
    results.append(("create table p50 (command to first row)", f"{create_p50:.1f} ms",
                    f"{statistics.median(raw_create_ms):.1f} ms (psql)", statistics.median(raw_create_ms) / create_p50, ""))
    results.append(("schema change p50 (command to applied)", f"{change_p50:.1f} ms",
                    f"{statistics.median(raw_change_ms):.1f} ms (psql)", statistics.median(raw_change_ms) / change_p50, ""))
    log("create/change measured")

# --- single-row insert ----------------------------------------------------------------
if "insert" in PARTS:
    insert_id, insert_table = create_table("Inserts")
    (rate, p99, _), cpu = measured(lambda: wrk(
        'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \'' + json.dumps(ROW) + "'\n",
        f"/api/table/{insert_id}/row"), lambda r: r[2], name="insert")
    (tps, latency, _), raw_cpu = measured(lambda: pgbench(
        f'INSERT INTO dyntables_data."{insert_table}" (first_name, last_name, age, address) '
        "VALUES ('Joe', 'Doe', 16, 'Heaven Str 45') RETURNING id, first_name, last_name, age, address;\n"), lambda r: r[2])
    results.append(("single-row insert (req/s)", f"{rate:,.0f}/s p99 {p99:.1f} ms",
                     f"{tps:,.0f}/s avg {latency:.1f} ms", rate / tps, f"{cpu}; raw {raw_cpu}"))
    log("inserts measured")

# --- the HTTP floor: the cheapest request the service answers, beside the same insert ---
if "floor" in PARTS:
    if WARMUP > 0:
        wrk("", "/actuator/health/liveness", seconds=WARMUP // 2)
    (rate, p99, _), cpu = measured(lambda: wrk("", "/actuator/health/liveness"), lambda r: r[2], name="floor")
    results.append(("floor: GET /actuator/health/liveness", f"{rate:,.0f}/s p99 {p99:.1f} ms",
                     f"{tps:,.0f}/s (the insert above)", rate / tps, f"{cpu}; no database work"))
    log("floor measured")

# --- 100-row pages --------------------------------------------------------------------
if "page" in PARTS:
    page_id, page_table = create_table("Pages")
    ndjson = "".join(json.dumps(dict(ROW, age=i % 100)) + "\n" for i in range(PAGE_TABLE_ROWS)).encode()
    status, body = request("POST", f"/api/table/{page_id}/rows", ndjson, {"Content-Type": "application/x-ndjson"})
    assert status == 201, (status, body)
    # the service refreshes statistics after a load in the background; both sides need them
    psql(f'ANALYZE dyntables_data."{page_table}"')
    top = PAGE_TABLE_ROWS - 100
    (rate, p99, _), cpu = measured(lambda: wrk(
        "request = function()\n"
        f'  return wrk.format("GET", "/api/table/{page_id}/rows?limit=100&id=gt." .. math.random(0, {top}))\n'
        "end\n", "/"), lambda r: r[2], "page", name="page")
    (tps, latency, _), raw_cpu = measured(lambda: pgbench(
        f"\\set s random(0, {top})\n"
        f'SELECT id, first_name, last_name, age, address FROM dyntables_data."{page_table}" '
        "WHERE id > :s ORDER BY id LIMIT 101;\n"), lambda r: r[2], "page")
    results.append(("100-row page read (req/s)", f"{rate:,.0f}/s p99 {p99:.1f} ms",
                     f"{tps:,.0f}/s avg {latency:.1f} ms", rate / tps, f"{cpu}; raw {raw_cpu}"))
    log("pages measured")

# --- bulk load ------------------------------------------------------------------------
if "bulk" in PARTS:
    bulk_id, bulk_table = create_table("Bulk")
    bulk_file = os.path.join(WORK, "bulk.ndjson")
    csv_file = os.path.join(WORK, "bulk.csv")
    with open(bulk_file, "w") as nd, open(csv_file, "w") as csv:
        for i in range(BULK_ROWS):
            nd.write(json.dumps({"first_name": f"Joe{i}", "last_name": "Doe", "age": i % 100,
                                 "address": "Heaven Str 45"}) + "\n")
            csv.write(f"Joe{i},Doe,{i % 100},Heaven Str 45\n")


    def bulk():
        with open(bulk_file, "rb") as f:
            start = time.time()
            status, body = request("POST", f"/api/table/{bulk_id}/rows", f,
                                   {"Content-Type": "application/x-ndjson",
                                    "Content-Length": str(os.path.getsize(bulk_file))})
            elapsed = time.time() - start
        assert status == 201, (status, body[:500])
        assert json.loads(body)["inserted"] == BULK_ROWS
        return BULK_ROWS / elapsed


    bulk_rate, cpu = measured(bulk, lambda _: BULK_ROWS, "row", name="bulk")


    def copy():
        psql(f'CREATE TABLE public.bench_copy (LIKE dyntables_data."{bulk_table}" INCLUDING ALL)')
        start = time.time()
        psql(f"\\copy public.bench_copy (first_name, last_name, age, address) FROM '{csv_file}' WITH (FORMAT csv)")
        return BULK_ROWS / (time.time() - start)


    copy_rate, raw_cpu = measured(copy, lambda _: BULK_ROWS, "row")
    results.append((f"bulk insert {BULK_ROWS:,} rows NDJSON (rows/s)", f"{bulk_rate:,.0f}/s", f"{copy_rate:,.0f}/s (COPY)",
                    bulk_rate / copy_rate, f"{cpu}; raw {raw_cpu}"))
    log("bulk measured")

# --- export ---------------------------------------------------------------------------
if "export" in PARTS:
    def export():
        start = time.time()
        response, connection = request("GET", f"/api/table/{bulk_id}/rows?format=ndjson", raw=True)
        assert response.status == 200, response.status
        lines = 0
        while True:
            chunk = response.read(1 << 16)
            if not chunk:
                break
            lines += chunk.count(b"\n")
        connection.close()
        assert lines == BULK_ROWS, lines
        return lines / (time.time() - start)


    export_rate, cpu = measured(export, lambda _: BULK_ROWS, "row", name="export")


    def copy_out():
        start = time.time()
        psql(f'\\copy (SELECT id, first_name, last_name, age, address FROM dyntables_data."{bulk_table}" ORDER BY id) '
             "TO '/dev/null'")
        return BULK_ROWS / (time.time() - start)


    copy_out_rate, raw_cpu = measured(copy_out, lambda _: BULK_ROWS, "row")
    results.append((f"export {BULK_ROWS:,} rows NDJSON (rows/s)", f"{export_rate:,.0f}/s",
                    f"{copy_out_rate:,.0f}/s (COPY TO)", export_rate / copy_out_rate, f"{cpu}; raw {raw_cpu}"))

# --- an aggregate over a 100,000-row table -----------------------------------------------
if "aggregate" in PARTS:
    # ages 0-99: a hundred groups, as in the other tables; analyzed before either side reads it
    aggregate_id, aggregate_table = create_table("Aggregates")
    ndjson = "".join(json.dumps({"first_name": f"Joe{i}", "last_name": "Doe", "age": i % 100,
                                 "address": "Heaven Str 45"}) + "\n" for i in range(BULK_ROWS)).encode()
    status, body = request("POST", f"/api/table/{aggregate_id}/rows", ndjson, {"Content-Type": "application/x-ndjson"})
    assert status == 201, (status, body[:500])
    psql(f'ANALYZE dyntables_data."{aggregate_table}"')
    AGGREGATE_PATH = f"/api/table/{aggregate_id}/rows?{AGGREGATE_QUERY}"
    status, body = request("GET", AGGREGATE_PATH)
    assert status == 200, (status, body[:500])
    groups = json.loads(body)
    groups = groups.get("rows", groups) if isinstance(groups, dict) else groups
    assert len(groups) == min(100, BULK_ROWS), body[:500]
    # pgbench runs the very statement the service ran: the last one of its connection, in
    # pg_stat_activity (the service adds the ORDER BY of the groups)
    aggregate_sql = subprocess.run(
        [os.path.join(PGBIN, "psql"), "-At", "-v", "ON_ERROR_STOP=1", "-c",
         "SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE '%GROUP BY%' "
         f"AND query LIKE '%{aggregate_table}%' LIMIT 1"],
        env=PG_ENV, check=True, capture_output=True, text=True).stdout.strip()
    assert aggregate_sql, "the service's aggregate statement is not in pg_stat_activity"
    log(f"the service runs: {aggregate_sql}")
    if WARMUP > 0:
        wrk("", AGGREGATE_PATH, seconds=WARMUP // 2)
    (rate, p99, _), cpu = measured(lambda: wrk("", AGGREGATE_PATH), lambda r: r[2], name="aggregate")
    (tps, latency, _), raw_cpu = measured(lambda: pgbench(aggregate_sql + ";\n"), lambda r: r[2])
    results.append((f"aggregate {AGGREGATE_QUERY} over {BULK_ROWS:,} rows (req/s)", f"{rate:,.0f}/s p99 {p99:.1f} ms",
                    f"{tps:,.0f}/s avg {latency:.1f} ms", rate / tps, f"{cpu}; raw {raw_cpu}"))
    log("aggregate measured")

# --- flat as tables grow (TABLES > 0) ---------------------------------------------------


def create_tables(count, prefix):
    """Creates tables four at a time; answers their ids in order."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda i: create_table(f"{prefix}{i}")[0], range(count)))


def memory():
    """Resident memory of the service, and its heap in use after a full collection, in MiB."""
    with open(f"/proc/{SERVICE_PID}/status") as status:
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1)) / 1024
    subprocess.run(["jcmd", str(SERVICE_PID), "GC.run"], capture_output=True, check=True)
    info = subprocess.run(["jcmd", str(SERVICE_PID), "GC.heap_info"], capture_output=True, text=True,
                          check=True).stdout
    heap = int(re.search(r"used (\d+)K", info).group(1)) / 1024
    return rss, heap


def at_scale(ids):
    """Create p50 (command to first row), and the insert rates over random tables among these ids: the
    service's, and PostgreSQL's own (a function that inserts into the table of a given id), each after a warm
    pass that touches the tables."""
    created = []
    for i in range(15):
        start = time.time()
        table_id, _ = create_table(f"Probe{len(ids)}_{i}")
        status, _ = request("POST", f"/api/table/{table_id}/row", ROW)
        assert status == 201, status
        created.append(1000 * (time.time() - start))
    first, last = min(ids), max(ids)
    script = ('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \''
              + json.dumps(ROW) + "'\n"
              "request = function()\n"
              f'  return wrk.format(nil, "/api/table/" .. math.random({first}, {last}) .. "/row")\n'
              "end\n")
    wrk(script, "/", seconds=30)
    rate, p99, _ = wrk(script, "/")
    raw_script = f"\\set t random({first}, {last})\nSELECT public.bench_insert(:t);\n"
    pgbench(raw_script, seconds=30)
    raw_rate, _, _ = pgbench(raw_script)
    return statistics.median(created), rate, p99, raw_rate, memory()


if TABLES > 0:
    psql("CREATE FUNCTION public.bench_insert(table_id bigint) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
         "EXECUTE format('INSERT INTO dyntables_data.%I (first_name, last_name, age, address) "
         "VALUES ($1, $2, $3, $4) RETURNING id, first_name, last_name, age, address', "
         "(SELECT physical_name FROM dyntables.table_ref WHERE id = table_id)) "
         "USING 'Joe', 'Doe', 16, 'Heaven Str 45'; END $$")
    scale_ids = create_tables(100, "Scale")
    assert sorted(scale_ids) == list(range(min(scale_ids), min(scale_ids) + 100)), "table ids are not consecutive"
    small = at_scale(scale_ids)
    log("measured at 100 tables")
    start = time.time()
    scale_ids += create_tables(TABLES - 100, "Scale")
    log(f"created {TABLES - 100} more tables in {time.time() - start:.0f} s")
    large = at_scale(scale_ids)
    log(f"measured at {TABLES} tables")
    results.append((f"create p50 at {TABLES:,} tables vs 100", f"{large[0]:.1f} ms", f"{small[0]:.1f} ms",
                    small[0] / large[0], ""))
    results.append((f"insert into random tables, {TABLES:,} vs 100", f"{large[1]:,.0f}/s p99 {large[2]:.1f} ms",
                    f"{small[1]:,.0f}/s p99 {small[2]:.1f} ms", large[1] / small[1], ""))
    results.append((f"same, PostgreSQL direct, {TABLES:,} vs 100", f"{large[3]:,.0f}/s", f"{small[3]:,.0f}/s",
                    large[3] / small[3], "pgbench, a function inserting into the table of a random id"))
    results.append((f"service memory at {TABLES:,} tables vs 100",
                    f"RSS {large[4][0]:,.0f} MiB, heap {large[4][1]:,.0f} MiB",
                    f"RSS {small[4][0]:,.0f} MiB, heap {small[4][1]:,.0f} MiB", small[4][1] / large[4][1],
                    "heap in use after a full GC"))

# --- a table created after many others (LATE > 0) ---------------------------------------
if LATE > 0:
    first_id, _ = create_table("FirstTable")
    log(f"creating {LATE} tables")
    for i in range(LATE):
        create_table(f"Between{i}")
    late_id, _ = create_table("LateTable")
    script = ('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \''
              + json.dumps(ROW) + "'\n")
    wrk(script, f"/api/table/{first_id}/row", seconds=5)
    wrk(script, f"/api/table/{late_id}/row", seconds=5)
    runs = {"first": [], "late": []}
    for _ in range(2):
        for which, table in (("first", first_id), ("late", late_id)):
            (rate, p99, _), cpu = measured(lambda: wrk(script, f"/api/table/{table}/row"), lambda r: r[2],
                                           name=f"late-{which}")
            runs[which].append((rate, FIGURES[f"late-{which}"][1], cpu))
    first_rate = statistics.mean(r[0] for r in runs["first"])
    late_rate = statistics.mean(r[0] for r in runs["late"])
    results.append((f"insert into a table made after {LATE:,} others vs the first",
                    f"{late_rate:,.0f}/s, " + " ".join(f"{r[1]:.3f}" for r in runs["late"]) + " ms JVM CPU",
                    f"{first_rate:,.0f}/s, " + " ".join(f"{r[1]:.3f}" for r in runs["first"]) + " ms JVM CPU",
                    late_rate / first_rate, "2 runs each, alternated; " + runs["late"][-1][2]))

# --- against the floor: rates and JVM CPU per request relative to the liveness probe's -----
if "floor" in FIGURES:
    floor_rate, floor_cpu = FIGURES["floor"][0][0], FIGURES["floor"][1]
    for name, label in (("insert", "single-row insert"), ("page", "100-row page")):
        if name in FIGURES:
            rate, cpu = FIGURES[name][0][0], FIGURES[name][1]
            results.append((f"{label} against the floor", f"{rate:,.0f}/s, {cpu:.3f} ms JVM CPU",
                            f"{floor_rate:,.0f}/s, {floor_cpu:.3f} ms JVM CPU", rate / floor_rate,
                            f"JVM CPU per request {cpu / floor_cpu:.2f} x the floor's"))

report()
PY
