#!/usr/bin/env python3
"""How the audience recompute grows with the number of tags and sides (issue 8), against a running service.

For each count N, in a fresh workspace each time (so earlier rounds add nothing to the work):
  - tags:  an event whose rule includes N tags (tagMatch ALL), then a unit carrying those N tags,
           then the rule switched to tagMatch ANY;
  - sides: a workspace of N sides, an event whose rule includes all N, then a unit on the last side,
           then the rule switched to exclude the N sides.
Measured: the command's round trip, and the catch-up, from the command's answer until
GET …/audience?after=<its position> answers (the projection recomputed the bindings). The catch-up
includes the pooled processor's wait for its next poll (up to 500 ms, see BENCHMARKS.md), which
hides the recompute itself at small counts: read the medians and the trend over the large counts.
Each answer is checked: the unit is in the audience, then in (ANY) or out (exclude) as the rule says.

If the service refuses a count at the edge (a 4xx: counts may be capped), the count is reported as
refused and skipped.
Usage: benchmarks/audience-tags.py [--base http://localhost:8080] [--counts 10,20,30,40,50,1000,5000,10000,20000]
                                   [--repeat 5] [--series tags,sides]
"""
import argparse
import statistics
import time

from guestlib import Client


class Refused(Exception):
    pass


def timed(api, method, path, body=None):
    start = time.perf_counter()
    status, parsed = api.request(method, path, body)
    if 400 <= status < 500:
        raise Refused(f"{method} {path.split('/')[-1]} -> {status} {parsed.get('type') if isinstance(parsed, dict) else ''}")
    if status >= 300:
        raise SystemExit(f"{method} {path} -> {status}: {parsed}")
    return parsed, time.perf_counter() - start


def catch_up(api, base, event, position):
    """Seconds until the audience read passes the position, and the unit ids it then holds.

    A read waits at most 5 s and then answers 503 not-caught-up: it is asked again, on the same clock."""
    start = time.perf_counter()
    while True:
        status, page = api.request("GET", f"{base}/events/{event}/audience?size=10&after={position}")
        if status != 503:
            break
    if status != 200:
        raise SystemExit(f"audience read -> {status}: {page}")
    return time.perf_counter() - start, [item["unitId"] for item in page["items"]]


def round_of(api, series, n, i):
    """One fresh workspace: returns {step: (command seconds, catch-up seconds)}."""
    labels = [f"{series[:-1]}-{k:06d}" for k in range(n)]
    sides = labels if series == "sides" else None
    ws = api.ok("POST", "/api/v1/workspaces", {"name": f"Bench {series} {n} #{i}", "defaultRegion": "IN",
                                                **({"sides": sides} if sides else {})})["id"]
    base = f"/api/v1/workspaces/{ws}"
    event = api.ok("POST", f"{base}/events", {"name": "Sangeet"})["id"]
    if series == "tags":
        first = {"include": {"tags": labels, "tagMatch": "ALL"}}
        unit_body = {"name": "The Sharmas", "side": "Bride", "tags": labels}
        second, second_keeps = {"include": {"tags": labels, "tagMatch": "ANY"}}, True
    else:
        first = {"include": {"sides": labels}}
        unit_body = {"name": "The Sharmas", "side": labels[-1]}
        second, second_keeps = {"include": {"all": True}, "exclude": {"sides": labels}}, False
    results = {}
    rules, _ = timed(api, "PUT", f"{base}/events/{event}/audience/rules", first)
    catch_up(api, base, event, rules["position"])
    unit, command = timed(api, "POST", f"{base}/units", unit_body)
    waited, members = catch_up(api, base, event, unit["position"])
    assert members == [unit["id"]], f"{series} {n}: the unit should be in the audience, got {members}"
    results["unit added"] = (command, waited)
    rules, command = timed(api, "PUT", f"{base}/events/{event}/audience/rules", second)
    waited, members = catch_up(api, base, event, rules["position"])
    assert members == ([unit["id"]] if second_keeps else []), f"{series} {n}: after the second rule, got {members}"
    results["rule changed"] = (command, waited)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--counts", default="10,20,30,40,50,1000,5000,10000,20000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--series", default="tags,sides")
    args = parser.parse_args()
    api = Client(args.base, "bench-owner")

    round_of(api, "tags", 10, -1)  # warms the JIT and the connection up; not counted
    print(f"{'series':<6} {'N':>6}  {'step':<13} {'command median':>15} {'catch-up median':>16} {'catch-up min':>13}")
    for series in args.series.split(","):
        for n in (int(c) for c in args.counts.split(",")):
            try:
                rounds = [round_of(api, series, n, i) for i in range(args.repeat)]
            except Refused as refused:
                print(f"{series:<6} {n:>6}  refused by the service: {refused}")
                continue
            for step in rounds[0]:
                commands = [r[step][0] * 1000 for r in rounds]
                waits = [r[step][1] * 1000 for r in rounds]
                print(f"{series:<6} {n:>6}  {step:<13} {statistics.median(commands):12.1f} ms "
                      f"{statistics.median(waits):13.1f} ms {min(waits):10.1f} ms")


if __name__ == "__main__":
    main()
