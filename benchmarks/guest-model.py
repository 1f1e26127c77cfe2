#!/usr/bin/env python3
"""Round trips of the guest model against a running service (issues 3 and 9).

Measures, over N sequential calls on one keep-alive connection:
  - "add a person to a new unit": POST /units then POST /units/{id}/members, as one operation;
  - the wait of GET /units/{id}?after=<position of that person> (read-your-writes), median and p99;
  - freshness without ?after=: of --fresh reads, each GET /units/{id} issued 50 ms after the 201 that
    created the unit, the share that finds it (200, not 404);
  - with --second URL (another instance on the same database): the pick-up delay there, from the 201
    on the first instance to the first GET /units/{id} on the second that finds the unit.
Usage: benchmarks/guest-model.py [--base http://localhost:8080] [--n 1000] [--fresh 1000]
                                 [--second http://localhost:8081] [--second-n 200]
"""
import argparse
import statistics
import time

from guestlib import Client, percentile

WARM_UP = 20
FRESH_DELAY_S = 0.050
PICK_UP_TIMEOUT_S = 10.0


def line(name, values):
    return (f"{name:<52} median {statistics.median(values):7.2f} ms   p99 {percentile(values, 99):7.2f} ms"
            f"   max {max(values):7.2f} ms   (n={len(values)})")


def round_trips(api, base, n):
    add, after = [], []
    for i in range(n + WARM_UP):
        start = time.perf_counter()
        unit = api.ok("POST", f"{base}/units", {"name": f"Family {i:05d}", "side": "Bride"})["id"]
        person = api.ok("POST", f"{base}/units/{unit}/members", {"name": f"Guest {i:05d}", "phone": f"+9198{i:08d}"})
        added = time.perf_counter()
        api.ok("GET", f"{base}/units/{unit}?after={person['position']}")
        read = time.perf_counter()
        if i >= WARM_UP:  # the first calls warm the JIT up and are not counted
            add.append((added - start) * 1000)
            after.append((read - added) * 1000)
    print(line("add a person to a new unit (2 commands)", add))
    print(line("GET unit ?after=<its position> (wait+read)", after))


def fresh_reads(api, base, n):
    seen = 0
    for i in range(n):
        unit = api.ok("POST", f"{base}/units", {"name": f"Fresh {i:05d}", "side": "Groom"})["id"]
        created = time.perf_counter()
        time.sleep(max(0.0, FRESH_DELAY_S - (time.perf_counter() - created)))
        status, _ = api.request("GET", f"{base}/units/{unit}")
        seen += status == 200
    print(f"{'GET unit without ?after=, 50 ms after its 201':<52} sees it {100.0 * seen / n:6.2f} %   ({seen} of {n})")


def second_instance_pick_up(api, second, base, n):
    delays, missed = [], 0
    for i in range(n + WARM_UP):
        unit = api.ok("POST", f"{base}/units", {"name": f"Elsewhere {i:05d}", "side": "Bride"})["id"]
        created = time.perf_counter()
        while True:
            status, _ = second.request("GET", f"{base}/units/{unit}")
            now = time.perf_counter()
            if status == 200 or now - created > PICK_UP_TIMEOUT_S:
                break
            time.sleep(0.001)
        if i < WARM_UP:
            continue
        if status == 200:
            delays.append((now - created) * 1000)
        else:
            missed += 1
    if delays:
        print(line("pick-up on the second instance (201 -> found there)", delays))
    if missed:
        print(f"  {missed} units not found on the second instance within {PICK_UP_TIMEOUT_S:.0f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--fresh", type=int, default=1000, help="reads without ?after= (0 skips them)")
    parser.add_argument("--second", help="base URL of a second instance on the same database")
    parser.add_argument("--second-n", type=int, default=200)
    args = parser.parse_args()

    api = Client(args.base, "bench-owner")
    ws = api.ok("POST", "/api/v1/workspaces", {"name": "Benchmark", "defaultRegion": "IN"})["id"]
    base = f"/api/v1/workspaces/{ws}"

    round_trips(api, base, args.n)
    if args.fresh > 0:
        fresh_reads(api, base, args.fresh)
    if args.second:
        second = Client(args.second, "bench-owner")
        second_instance_pick_up(api, second, base, args.second_n)


if __name__ == "__main__":
    main()
