#!/usr/bin/env python3
"""Audiences, their CSV export and a full rebuild against a running service (issue 5).

1. Builds a workspace of 10,000 units / 30,000 people with sides and tags (one CSV import), then
   5 events with mixed rules and 200 overrides, and waits until every projection has passed them.
2. Audience query latency at 8 concurrent keep-alive clients, first page and inviteable=true.
3. CSV export time of the largest audience (every unit), and an audience as of an instant.
4. A full rebuild of every projection from the event store (events/s, and whether the rebuilt
   tables equal the live ones), beside the ceiling measured in the same run: reading and
   deserialising every event and projecting nothing (projection=none).
The service must list the benchmark user among its operators: GUESTLIST_OPERATORS=bench-ops.
Usage: benchmarks/audience.py [--base http://localhost:8080] [--db guestlist] [--seconds 15]
"""
import argparse
import os
import random
import subprocess
import threading
import time

from guestlib import Client, percentile

SIDES = ["Bride", "Groom", "Both"]
TAGS = ["family", "college", "work", "vip", "neighbours", "no-kids-event"]
RULES = [
    {"include": {"all": True}},
    {"include": {"sides": ["Bride"]}, "exclude": {"tags": ["no-kids-event"]}},
    {"include": {"tags": ["family", "vip"], "tagMatch": "ANY"}, "exclude": {"tags": ["work"]}},
    {"include": {"sides": ["Groom", "Both"], "tags": ["college", "family"], "tagMatch": "ALL"}},
    {"include": {"all": True}, "exclude": {"sides": ["Groom"], "tags": ["neighbours"]}},
]


def guests_csv(units, people, seed=7):
    rnd = random.Random(seed)
    lines = ["Name,Phone,Household,Side,Tags"]
    for n in range(people):
        unit = n % units
        side = SIDES[unit % 3]
        tags = "|".join(sorted(random.Random(unit).sample(TAGS, unit % 3)))
        phone = "" if rnd.random() < 0.05 else f"+91 9{n:09d}"
        lines.append(f'"Guest {n}","{phone}","Household {unit:05d}",{side},"{tags}"')
    return "\n".join(lines) + "\n"


def psql(db, sql):
    env = dict(os.environ, PGPASSWORD=os.environ.get("GUESTLIST_DB_PASSWORD", ""))
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", os.environ.get("GUESTLIST_DB_USER", "postgres"), "-d", db,
                          "-Atc", sql], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


def build(api, db, units, people):
    ws = api.ok("POST", "/api/v1/workspaces", {"name": "Audience benchmark", "defaultRegion": "IN"})["id"]
    base = f"/api/v1/workspaces/{ws}"
    started = time.perf_counter()
    run = api.ok("POST", f"{base}/imports?channel=CSV", guests_csv(units, people).encode(), content_type="text/csv")
    while api.ok("GET", f"{base}/imports/{run['id']}?after={run['position']}")["status"] not in ("COMPLETED", "FAILED"):
        time.sleep(0.2)
    unit_ids = []
    page = 0
    while len(unit_ids) < units:
        body = api.ok("GET", f"{base}/units?size=500&page={page}&after={psql(db, 'SELECT max(global_index) FROM domain_event_entry')}")
        unit_ids += [u["id"] for u in body["items"]]
        page += 1
        if not body["items"]:
            break
    events = []
    rnd = random.Random(11)
    for i, rules in enumerate(RULES):
        event = api.ok("POST", f"{base}/events", {"name": f"Event {i}"})["id"]
        api.ok("PUT", f"{base}/events/{event}/audience/rules", rules)
        for unit in rnd.sample(unit_ids, 40):
            api.ok("PUT", f"{base}/events/{event}/audience/overrides/{unit}",
                   {"mode": rnd.choice(["FORCE_INCLUDE", "FORCE_EXCLUDE"])})
        events.append(event)
    head = psql(db, "SELECT max(global_index) FROM domain_event_entry")
    api.ok("GET", f"{base}/units?size=1&after={head}")
    print(f"workspace built in        {time.perf_counter() - started:8.1f} s: {len(unit_ids)} units, {people} people, "
          f"5 events, 200 overrides, {head} events in the store")
    return base, events


def load(base_url, base, events, query, clients, seconds):
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    def worker(n):
        api = Client(base_url, "bench-ops")
        i = n
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            status, _ = api.request("GET", f"{base}/events/{events[i % len(events)]}/audience?size=50{query}")
            latencies.append((time.perf_counter() - start) * 1000)
            if status != 200:
                errors.append(status)
            i += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    label = "inviteable=true" if query else "first page"
    print(f"audience {label:16s} p50 {percentile(latencies, 50):6.1f} ms  p99 {percentile(latencies, 99):6.1f} ms  "
          f"({len(latencies)} requests, {len(latencies) / seconds:6.0f}/s, {clients} clients, {len(errors)} errors)")


def rebuild(api, projection):
    status = api.ok("POST", f"/api/v1/operations/rebuild?projection={projection}")
    while status["state"] in ("RUNNING", "COMPARING"):
        time.sleep(0.5)
        status = api.ok("GET", f"/api/v1/operations/rebuild/{status['id']}")
    if status["state"] != "DONE":
        raise SystemExit(f"rebuild {projection}: {status}")
    return status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--db", default="guestlist")
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()

    api = Client(args.base, "bench-ops")
    base, events = build(api, args.db, args.units, args.people)
    load(args.base, base, events, "", args.clients, args.seconds)
    load(args.base, base, events, "&inviteable=true", args.clients, args.seconds)

    started = time.perf_counter()
    status, body = api.request("GET", f"{base}/events/{events[0]}/audience.csv")
    export = time.perf_counter() - started
    print(f"CSV export (whole audience) {export:6.2f} s  {len(body.splitlines()) - 1} units, {len(body) / 2**20:.1f} MiB, status {status}")

    at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    time.sleep(1)
    asof = []
    for event in events:
        started = time.perf_counter()
        api.ok("GET", f"{base}/events/{event}/audience?asOf={at}")
        asof.append(time.perf_counter() - started)
    print(f"audience asOf (from events) median {percentile(asof, 50):5.2f} s  max {max(asof):5.2f} s over the 5 events")

    full = rebuild(api, "all")
    ceiling = rebuild(api, "none")
    diffs = sum(d["onlyInRebuilt"] + d["onlyInLive"] for d in full["differences"])
    print(f"rebuild all projections   {full['eventsDone']} events in {full['feedSeconds']:6.2f} s = {full['eventsPerSecond']:8.0f} events/s; "
          f"equal to live: {full['equal']} ({diffs} differing rows over {len(full['differences'])} tables)")
    print(f"ceiling: read+deserialise {ceiling['eventsDone']} events in {ceiling['feedSeconds']:6.2f} s = {ceiling['eventsPerSecond']:8.0f} events/s")
    print(f"ratio rebuild/ceiling     {full['feedSeconds'] / ceiling['feedSeconds']:8.1f} x")


if __name__ == "__main__":
    main()
