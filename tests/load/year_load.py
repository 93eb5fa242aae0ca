"""The read model's workloads on a generated year (docs/performance.md). Run by tests/load/year-load.sh,
which publishes the service in Release and generates the year with tools/PerfEval.DataGenerator; this
drives the service the way the provincial platform, other systems and analysts do, and prints one
markdown table of medians.

Every workload runs RUNS times; the table gives the median run. The load generators (wrk, and this
process for pushes and single reads) share the machine with the service.
"""
import argparse
import http.client
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

KEY = "demo-admin-key"  # a Development demo key: refused in Production


def log(message):
    print(message, file=sys.stderr, flush=True)


class Service:
    """The published service on the generated database, started and stopped as a process."""

    def __init__(self, app, data, port):
        self.app, self.data, self.port = app, data, port
        self.process = None

    def command(self, *args):
        return ["dotnet", f"{self.app}/PerfEval.Api.dll", "--contentRoot", self.app,
                f"--Database:DataFolder={self.data}", *args]

    def start(self):
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", Logging__LogLevel__Default="Warning")
        self.process = subprocess.Popen(
            self.command("--urls", f"http://127.0.0.1:{self.port}", "--Demo:Enabled=false",
                         "--Security:RequestsPerMinute=100000000"),
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                if self.request("GET", "/health/ready", key=None)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("the service did not become ready")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait()
            self.process = None

    def request(self, method, path, body=None, headers=None, key=KEY):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        all_headers = dict(headers or {})
        if key:
            all_headers["X-Api-Key"] = key
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, data

    def rss_kb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            return int(next(line for line in status if line.startswith("VmRSS:")).split()[1])


def timed(call):
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wrk(service, path_or_script, connections, duration, paths=None):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", "-H", f"X-Api-Key: {KEY}"]
    env = dict(os.environ)
    if paths:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
            listing.write("\n".join(paths))
        env["PATHS_FILE"] = listing.name
        args += ["-s", os.path.join(os.path.dirname(__file__), "rotate.lua")]
    output = subprocess.run(args + [f"http://127.0.0.1:{service.port}{path_or_script}"], env=env,
                            capture_output=True, text=True, check=True).stdout
    if re.search(r"Non-2xx|Socket errors", output):
        raise RuntimeError(f"wrk saw errors:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def ms(p):
        value, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {"rps": rps, "p50": ms(50), "p99": ms(99)}


def push(service, items, key=None):
    body = json.dumps({"adjustments": items})
    status, data = service.request("POST", "/api/v1/budget-adjustments", body,
                                   headers={"Idempotency-Key": key or str(uuid.uuid4())})
    if status != 201:
        raise RuntimeError(f"push answered {status}: {data[:300]}")


def item(year, line, amount):
    code, line_id = line
    return {"departmentCode": code, "fiscalYear": year, "lineId": line_id, "amount": amount,
            "documentNumber": "负载测试〔2025〕1号", "reason": "负载测试", "effectiveDate": f"{year}-06-30",
            "sourceSystem": "year-load", "sourceItemId": uuid.uuid4().hex}


def lines_of(service, year):
    """One budget line per department: pushes go to every department, one line each."""
    status, data = service.request("GET", f"/api/v1/fiscal-years/{year}/export?format=ndjson&dataset=budget-lines")
    lines = {}
    for row in data.decode().splitlines():
        line = json.loads(row)
        lines.setdefault(line["departmentCode"], (line["departmentCode"], line["id"]))
    return list(lines.values())


def ranking_path(year):
    return f"/api/v1/fiscal-years/{year}/scorecards?limit=50"


def ranking_quiet(service, args, lines):
    return wrk(service, ranking_path(args.year), 8, args.duration)


def ranking_while_pushing(service, args, lines):
    """wrk on the ranking while another system pushes 10 one-item adjustments a second to random
    departments and a client reads single scorecards now and then."""
    stop = threading.Event()
    pushes, reads = [], []

    def pusher():
        while not stop.is_set():
            started = time.perf_counter()
            pushes.append(timed(lambda: push(service, [item(args.year, random.choice(lines), 1.00)]))[0])
            time.sleep(max(0.0, 0.1 - (time.perf_counter() - started)))

    def reader():
        while not stop.is_set():
            code = random.choice(lines)[0]
            reads.append(timed(lambda: service.request("GET", f"/api/v1/departments/{code}/evaluations/{args.year}"))[0])
            time.sleep(0.2)

    threads = [threading.Thread(target=pusher), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    try:
        result = wrk(service, ranking_path(args.year), 8, args.duration)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    result.update(pushes=len(pushes), push_p99=percentile(pushes, 99), read_p99=percentile(reads, 99))
    return result


def first_ranking_after_start(service, args, lines):
    service.stop()
    service.start()
    return {"ms": timed(lambda: service.request("GET", ranking_path(args.year)))[0]}


def wide_push(service, args, lines):
    """One push of one item on each department's line: 10,000 items, 10,000 lines, 10,000 departments."""
    items = [item(args.year, line, 1.00) for line in lines]
    ms = timed(lambda: push(service, items))[0]
    after = timed(lambda: service.request("GET", ranking_path(args.year)))[0]
    return {"ms": ms, "items": len(items), "ranking_after": after}


def one_item_pushes(service, args, lines):
    latencies = [timed(lambda: push(service, [item(args.year, random.choice(lines), 1.00)]))[0] for _ in range(200)]
    after = timed(lambda: service.request("GET", ranking_path(args.year)))[0]
    return {"p99": percentile(latencies, 99), "ranking_after": after}


def rotating_reads(service, args, lines):
    codes = [code for code, _ in random.Random(7).sample(lines, 2000)]
    ceiling = wrk(service, "/health/live", 64, args.duration, paths=[f"/health/live?d={c}" for c in codes])
    cards = wrk(service, "/", 64, args.duration, paths=[f"/api/v1/departments/{c}/evaluations/{args.year}" for c in codes])
    return {"ratio": cards["rps"] / ceiling["rps"], "rps": cards["rps"], "ceiling": ceiling["rps"], "p99": cards["p99"]}


def rebuild(service, args, lines):
    """The whole year scored and written again from an empty read model (the service stopped)."""
    service.stop()
    with sqlite3.connect(os.path.join(service.data, "perfeval.db")) as db:
        db.execute("DELETE FROM scorecards")
        db.execute("DELETE FROM read_model_state")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development")
    output = subprocess.run(service.command("rebuild-read-model"), env=env, capture_output=True, text=True, check=True).stdout
    seconds = float(re.search(r"scorecards changed in ([\d.]+) s", output).group(1))
    service.start()
    return {"ms": seconds * 1000}


def exports(service, args, lines):
    result = {}
    for dataset in ("scorecards", "indicators"):
        idle = service.rss_kb()
        peak = [idle]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], service.rss_kb())
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        ms, (status, data) = timed(lambda: service.request("GET", f"/api/v1/fiscal-years/{args.year}/export?format=csv&dataset={dataset}"))
        done.set()
        sampler.join()
        rows = data.decode("utf-8-sig").count("\n") - 1
        result[dataset] = {"rows_per_s": rows / (ms / 1000), "rows": rows, "peak_mb": (peak[0] - idle) / 1024}
    return result


WORKLOADS = [ranking_quiet, ranking_while_pushing, first_ranking_after_start, wide_push, one_item_pushes,
             rotating_reads, rebuild, exports]


def median_run(runs, pick):
    values = [pick(run) for run in runs]
    return statistics.median(values)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--port", type=int, default=5193)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--only", default="", help="comma-separated workload names (default: all)")
    args = parser.parse_args()
    chosen = [w for w in WORKLOADS if not args.only or w.__name__ in args.only.split(",")]

    service = Service(args.app, args.data, args.port)
    service.start()
    try:
        lines = lines_of(service, args.year)
        log(f"{len(lines)} departments with a budget line")
        runs = {}
        for workload in chosen:
            runs[workload.__name__] = []
            for n in range(args.runs):
                log(f"{workload.__name__}, run {n + 1} of {args.runs}…")
                runs[workload.__name__].append(workload(service, args, lines))
        print(json.dumps(runs), file=sys.stderr)
    finally:
        service.stop()

    print(table(runs, args.runs))


def table(runs, count):
    def m(name, pick):
        return median_run(runs[name], pick)

    rows = []
    if "ranking_quiet" in runs:
        rows.append(("ranking page, 8 connections, nothing else",
                     f"{m('ranking_quiet', lambda r: r['rps']):.0f} req/s, p99 {m('ranking_quiet', lambda r: r['p99']):.1f} ms", "—"))
    if "ranking_while_pushing" in runs:
        quiet = m("ranking_quiet", lambda r: r["rps"]) if "ranking_quiet" in runs else float("nan")
        busy = lambda pick: m("ranking_while_pushing", pick)
        rows += [
            ("the same while 10 one-item pushes a second go to random departments",
             f"{busy(lambda r: r['rps']):.0f} req/s ({busy(lambda r: r['rps']) / quiet:.2f} of quiet), p50 {busy(lambda r: r['p50']):.1f} ms, p99 {busy(lambda r: r['p99']):.1f} ms",
             "p99 ≤ 50 ms, throughput ≥ 0.5 of quiet"),
            ("a single scorecard GET during that work", f"p99 {busy(lambda r: r['read_p99']):.1f} ms", "—"),
            ("one-item pushes during that work", f"p99 {busy(lambda r: r['push_p99']):.1f} ms ({busy(lambda r: r['pushes']):.0f} pushes)", "—"),
        ]
    if "first_ranking_after_start" in runs:
        rows.append(("first ranking read after start", f"{m('first_ranking_after_start', lambda r: r['ms']):.1f} ms", "≤ 100 ms"))
    if "wide_push" in runs:
        rows.append(("one push of 10,000 items over 10,000 lines of 10,000 departments, read model included",
                     f"{m('wide_push', lambda r: r['ms']):.0f} ms; ranking right after {m('wide_push', lambda r: r['ranking_after']):.1f} ms", "≤ 1 s; ≤ 100 ms"))
    if "one_item_pushes" in runs:
        rows.append(("one-item push (200 in a row)",
                     f"p99 {m('one_item_pushes', lambda r: r['p99']):.1f} ms; ranking right after {m('one_item_pushes', lambda r: r['ranking_after']):.1f} ms", "≤ 10 ms; ≤ 100 ms"))
    if "rotating_reads" in runs:
        rows.append(("scorecard GETs rotating over 2,000 departments, against /health/live rotating (64 connections)",
                     f"{m('rotating_reads', lambda r: r['ratio']):.2f} of it ({m('rotating_reads', lambda r: r['rps']):.0f} vs {m('rotating_reads', lambda r: r['ceiling']):.0f} req/s), p99 {m('rotating_reads', lambda r: r['p99']):.1f} ms",
                     "≥ 0.5, p99 ≤ 5 ms"))
    if "rebuild" in runs:
        rows.append(("rebuilding the whole year's read model", f"{m('rebuild', lambda r: r['ms']) / 1000:.2f} s", "≤ 3 s"))
    if "exports" in runs:
        for dataset in ("scorecards", "indicators"):
            rows.append((f"year export, {dataset}, CSV",
                         f"{m('exports', lambda r: r[dataset]['rows_per_s']):,.0f} rows/s ({runs['exports'][0][dataset]['rows']:,} rows), "
                         f"memory +{m('exports', lambda r: r[dataset]['peak_mb']):.0f} MB at peak",
                         "≥ 50,000 rows/s, flat memory"))
    lines = [f"| workload | median of {count} runs | target |", "|---|---|---|"]
    lines += [f"| {workload} | {figure} | {target} |" for workload, figure, target in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
