#!/usr/bin/env python3
"""Import throughput against a running service (issue 4), beside the database's own ceiling.

1. Generates a deterministic messy CSV: mixed phone formats, 5% malformed, 3% without phone,
   10% repeated phones, households of 1-6.
2. Imports it through POST /imports?channel=CSV, waits until the run is COMPLETED and every
   projection has passed the newest event, and reports rows/s; samples the service's heap meanwhile.
3. Times the ceiling in the same run: the same rows COPYed by psql into a scratch table of the same
   database, and reports the ratio.
Usage: benchmarks/import.py [--rows 100000] [--base http://localhost:8080] [--db guestlist]
"""
import argparse
import os
import random
import subprocess
import tempfile
import threading
import time

from guestlib import Client

FIRST = ["Anita", "Rohan", "Priya", "Vikram", "Meera", "Arjun", "Kavya", "Sanjay", "Neha", "Rahul", "Isha", "Dev"]
LAST = ["Sharma", "Kapoor", "Iyer", "Reddy", "Patel", "Gupta", "Nair", "Singh", "Das", "Mehta", "Rao", "Bose"]
TAGS = ["family", "college", "work", "vip", "neighbours", "family-delhi"]


def messy_csv(rows, seed=42):
    rnd = random.Random(seed)
    lines = ["Name,Phone,Household,Side,Tags"]
    phones, n, household = [], 0, 0
    while n < rows:
        household += 1
        size = rnd.randint(1, 6)
        family = f"The {rnd.choice(LAST)} Family {household}"
        side = rnd.choice(["Bride", "Groom", "Both"])
        tags = "|".join(rnd.sample(TAGS, rnd.randint(0, 2)))
        for _ in range(min(size, rows - n)):
            n += 1
            name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            roll = rnd.random()
            if roll < 0.03:
                phone = ""
            elif roll < 0.08:
                phone = rnd.choice(["12345", "98x11 2233", "000", "+44 7700 900123", "call me"])
            elif roll < 0.18 and phones:
                phone = rnd.choice(phones)
            else:
                digits = f"9{rnd.randint(100000000, 999999999)}"
                phone = rnd.choice([f"+91 {digits[:5]} {digits[5:]}", f"0{digits}", f"{digits[:5]}-{digits[5:]}",
                                    f"(+91) {digits}", f"0091{digits}", digits])
                phones.append(phone)
            lines.append(f'"{name}","{phone}","{family}",{side},"{tags}"')
    return "\n".join(lines) + "\n"


def psql(db, sql, *extra):
    env = dict(os.environ, PGPASSWORD=os.environ.get("GUESTLIST_DB_PASSWORD", ""))
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", os.environ.get("GUESTLIST_DB_USER", "postgres"), "-d", db,
                          "-v", "ON_ERROR_STOP=1", "-Atc", sql, *extra], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


class HeapSampler(threading.Thread):
    """Samples heap in use and live data after GC through Actuator while the import runs."""

    def __init__(self, api):
        super().__init__(daemon=True)
        self.api, self.stop, self.used, self.live = api, False, 0, 0

    def metric(self, name):
        status, body = self.api.request("GET", f"/actuator/metrics/{name}" + ("?tag=area:heap" if name == "jvm.memory.used" else ""))
        return body["measurements"][0]["value"] if status == 200 else 0

    def run(self):
        while not self.stop:
            self.used = max(self.used, self.metric("jvm.memory.used"))
            self.live = max(self.live, self.metric("jvm.gc.live.data.size"))
            time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--db", default="guestlist")
    args = parser.parse_args()

    payload = messy_csv(args.rows)
    api = Client(args.base, "bench-importer")
    ws = api.ok("POST", "/api/v1/workspaces", {"name": "Import benchmark", "defaultRegion": "IN"})["id"]
    sampler = HeapSampler(Client(args.base, "bench-importer"))
    sampler.start()

    start = time.perf_counter()
    run = api.ok("POST", f"/api/v1/workspaces/{ws}/imports?channel=CSV", payload.encode(), content_type="text/csv")
    accepted = time.perf_counter()
    after = run["position"]
    while True:
        state = api.ok("GET", f"/api/v1/workspaces/{ws}/imports/{run['id']}?after={after}")
        if state["status"] in ("COMPLETED", "FAILED"):
            break
        time.sleep(0.25)
    head = int(psql(args.db, "SELECT max(global_index) FROM domain_event_entry"))
    while api.request("GET", f"/api/v1/workspaces/{ws}/units?size=1&after={head}")[0] == 503:
        pass  # each try waits up to 5 s for the projections to pass the head
    done = time.perf_counter()
    sampler.stop = True
    sampler.join()
    if state["status"] != "COMPLETED":
        raise SystemExit(f"run {state['status']}: {state.get('failureReason')}")

    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write(payload)
    psql(args.db, "DROP TABLE IF EXISTS bench_ceiling; CREATE TABLE bench_ceiling (name text, phone text, household text, side text, tags text)")
    ceiling_start = time.perf_counter()
    psql(args.db, f"\\copy bench_ceiling FROM '{f.name}' WITH (FORMAT csv, HEADER true)")
    ceiling = time.perf_counter() - ceiling_start
    psql(args.db, "DROP TABLE bench_ceiling")
    os.unlink(f.name)

    elapsed = done - start
    print(f"rows                      {args.rows}")
    print(f"counters                  {state['counters']}")
    print(f"accepted (202) after      {accepted - start:8.2f} s (upload, validation pass, storage)")
    print(f"imported and projected in {elapsed:8.2f} s  = {args.rows / elapsed:9.0f} rows/s")
    print(f"ceiling: psql COPY        {ceiling:8.2f} s  = {args.rows / ceiling:9.0f} rows/s")
    print(f"ratio service/ceiling     {elapsed / ceiling:8.1f} x")
    print(f"peak heap used (sampled)  {sampler.used / 2**20:8.0f} MiB; peak live data after GC {sampler.live / 2**20:8.0f} MiB")


if __name__ == "__main__":
    main()
