#!/usr/bin/env python3
"""Round trips of the guest model against a running service (issue 3).

Measures, over N sequential calls on one keep-alive connection:
  - "add a person to a new unit": POST /units then POST /units/{id}/members, as one operation;
  - the wait of GET /units/{id}?after=<position of that person> (read-your-writes).
Usage: benchmarks/guest-model.py [--base http://localhost:8080] [--n 1000]
"""
import argparse
import statistics
import time

from guestlib import Client, percentile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()

    api = Client(args.base, "bench-owner")
    ws = api.ok("POST", "/api/v1/workspaces", {"name": "Benchmark", "defaultRegion": "IN"})["id"]
    base = f"/api/v1/workspaces/{ws}"

    add, after = [], []
    for i in range(args.n + 20):
        start = time.perf_counter()
        unit = api.ok("POST", f"{base}/units", {"name": f"Family {i:05d}", "side": "Bride"})["id"]
        person = api.ok("POST", f"{base}/units/{unit}/members", {"name": f"Guest {i:05d}", "phone": f"+9198{i:08d}"})
        added = time.perf_counter()
        api.ok("GET", f"{base}/units/{unit}?after={person['position']}")
        read = time.perf_counter()
        if i >= 20:  # the first calls warm the JIT up and are not counted
            add.append((added - start) * 1000)
            after.append((read - added) * 1000)

    def line(name, values):
        return (f"{name:<44} median {statistics.median(values):7.2f} ms   p99 {percentile(values, 99):7.2f} ms"
                f"   max {max(values):7.2f} ms   (n={len(values)})")

    print(line("add a person to a new unit (2 commands)", add))
    print(line("GET unit ?after=<its position> (wait+read)", after))


if __name__ == "__main__":
    main()
