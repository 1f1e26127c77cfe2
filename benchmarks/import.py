#!/usr/bin/env python3
"""Import (and undo) throughput against a running service (issues 4 and 10), beside the database's own ceiling.

1. Generates a deterministic messy CSV: households of 1-6, a tag on every row (20 distinct tags), five
   phone formats, 5% malformed, 3% without phone, 10% repeated phones.
2. Imports it through POST /imports?channel=CSV, waits until the run is COMPLETED and every
   projection has passed the newest event, and reports rows/s; samples the service's heap meanwhile.
3. With --undo, then undoes the run through POST /imports/{id}/undo and times it the same way: asked →
   run UNDONE → every projection caught up, with the heap sampled again.
4. Times the ceiling in the same run: the same rows COPYed by psql into a scratch table of the same
   database, and reports the ratio.
Usage: benchmarks/import.py [--rows 100000] [--base http://localhost:8080] [--db guestlist] [--undo]
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
TAGS = ["family", "college", "work", "vip", "neighbours", "family-delhi", "school", "cousins", "gym", "office-pune",
        "book-club", "mumbai", "chennai", "bride-friends", "groom-friends", "elders", "kids", "band", "cricket", "temple"]
assert len(set(TAGS)) == 20


def phone_formats(digits):
    """The five ways the file writes a valid Indian mobile number."""
    return [f"+91 {digits[:5]} {digits[5:]}", f"0{digits}", f"{digits[:5]}-{digits[5:]}", f"0091{digits}", digits]


def messy_csv(rows, seed=42):
    rnd = random.Random(seed)
    lines = ["Name,Phone,Household,Side,Tags"]
    phones, n, household = [], 0, 0
    while n < rows:
        household += 1
        size = rnd.randint(1, 6)
        family = f"The {rnd.choice(LAST)} Family {household}"
        side = rnd.choice(["Bride", "Groom", "Both"])
        household_tag = rnd.choice(TAGS)
        for _ in range(min(size, rows - n)):
            n += 1
            name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            # every row has the household's tag, a third of them one more of their own
            tags = household_tag if rnd.random() < 0.67 else "|".join([household_tag, rnd.choice([t for t in TAGS if t != household_tag])])
            roll = rnd.random()
            if roll < 0.03:
                phone = ""
            elif roll < 0.08:
                phone = rnd.choice(["12345", "98x11 2233", "000", "+44 7700 900123", "call me"])
            elif roll < 0.18 and phones:
                phone = rnd.choice(phones)
            else:
                digits = f"9{rnd.randint(100000000, 999999999)}"
                phone = rnd.choice(phone_formats(digits))
                phones.append(phone)
            lines.append(f'"{name}","{phone}","{family}",{side},"{tags}"')
    return "\n".join(lines) + "\n"


def psql(db, sql, *extra):
    env = dict(os.environ, PGPASSWORD=os.environ.get("GUESTLIST_DB_PASSWORD", ""))
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", os.environ.get("GUESTLIST_DB_USER", "postgres"), "-d", db,
                          "-v", "ON_ERROR_STOP=1", "-Atc", sql, *extra], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


class HeapSampler(threading.Thread):
    """Samples heap in use and live data after GC through Actuator; peaks are kept per phase."""

    def __init__(self, api):
        super().__init__(daemon=True)
        self.api, self.stop, self.used, self.live = api, False, 0, 0

    def metric(self, name):
        status, body = self.api.request("GET", f"/actuator/metrics/{name}" + ("?tag=area:heap" if name == "jvm.memory.used" else ""))
        return body["measurements"][0]["value"] if status == 200 else 0

    def phase(self):
        """The peaks since the last call, and a fresh start for the next phase."""
        peaks, self.used, self.live = (self.used, self.live), 0, 0
        return peaks

    def run(self):
        while not self.stop:
            self.used = max(self.used, self.metric("jvm.memory.used"))
            self.live = max(self.live, self.metric("jvm.gc.live.data.size"))
            time.sleep(0.5)


def await_projections(api, db, ws):
    """Until every projection has passed the newest event: each try waits up to 5 s for them."""
    head = int(psql(db, "SELECT max(global_index) FROM domain_event_entry"))
    while api.request("GET", f"/api/v1/workspaces/{ws}/units?size=1&after={head}")[0] == 503:
        pass


def import_run(api, db, ws, payload):
    start = time.perf_counter()
    run = api.ok("POST", f"/api/v1/workspaces/{ws}/imports?channel=CSV", payload.encode(), content_type="text/csv")
    accepted = time.perf_counter()
    while True:
        state = api.ok("GET", f"/api/v1/workspaces/{ws}/imports/{run['id']}?after={run['position']}")
        if state["status"] in ("COMPLETED", "FAILED"):
            break
        time.sleep(0.25)
    completed = time.perf_counter()
    await_projections(api, db, ws)
    done = time.perf_counter()
    if state["status"] != "COMPLETED":
        raise SystemExit(f"run {state['status']}: {state.get('failureReason')}")
    return state, accepted - start, completed - start, done - start


def undo_run(base, db, ws, run_id):
    """The undo answers once the run is UNDONE (or 409 after its own wait, the undo going on): then polls the run."""
    api = Client(base, "bench-importer")
    api.conn.timeout = 900  # the answer waits for the whole undo
    start = time.perf_counter()
    status, body = api.request("POST", f"/api/v1/workspaces/{ws}/imports/{run_id}/undo")
    answered = time.perf_counter()
    if status != 200 and not (status == 409 and "under way" in str(body)):
        raise SystemExit(f"undo -> {status}: {body}")
    after = f"?after={body['position']}" if status == 200 else ""
    while True:
        state = api.ok("GET", f"/api/v1/workspaces/{ws}/imports/{run_id}{after}")
        if state.get("undoneAt"):
            break
        time.sleep(0.25)
    undone = time.perf_counter()
    await_projections(api, db, ws)
    done = time.perf_counter()
    active = int(psql(db, f"SELECT count(*) FROM people WHERE workspace_id = '{ws}' AND status = 'ACTIVE'"))
    return state, answered - start, undone - start, done - start, active


def copy_ceiling(db, payload):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write(payload)
    psql(db, "DROP TABLE IF EXISTS bench_ceiling; CREATE TABLE bench_ceiling (name text, phone text, household text, side text, tags text)")
    start = time.perf_counter()
    psql(db, f"\\copy bench_ceiling FROM '{f.name}' WITH (FORMAT csv, HEADER true)")
    ceiling = time.perf_counter() - start
    psql(db, "DROP TABLE bench_ceiling")
    os.unlink(f.name)
    return ceiling


def heap_line(label, peaks):
    used, live = peaks
    return f"{label:26s}{used / 2**20:8.0f} MiB; peak live data after GC {live / 2**20:8.0f} MiB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--db", default="guestlist")
    parser.add_argument("--undo", action="store_true", help="then undo the run, and time that too")
    args = parser.parse_args()

    payload = messy_csv(args.rows)
    api = Client(args.base, "bench-importer")
    ws = api.ok("POST", "/api/v1/workspaces", {"name": "Import benchmark", "defaultRegion": "IN"})["id"]
    sampler = HeapSampler(Client(args.base, "bench-importer"))
    sampler.start()

    state, accepted, completed, elapsed = import_run(api, args.db, ws, payload)
    import_heap = sampler.phase()
    if args.undo:
        undone_state, answered, undone, undo_elapsed, active = undo_run(args.base, args.db, ws, state["id"])
        undo_heap = sampler.phase()
    sampler.stop = True
    sampler.join()
    ceiling = copy_ceiling(args.db, payload)

    print(f"rows                      {args.rows}")
    print(f"counters                  {state['counters']}")
    print(f"accepted (202) after      {accepted:8.2f} s (upload, validation pass, storage)")
    print(f"run COMPLETED after       {completed:8.2f} s (then the projections caught up)")
    print(f"imported and projected in {elapsed:8.2f} s  = {args.rows / elapsed:9.0f} rows/s")
    print(heap_line("import peak heap used", import_heap))
    if args.undo:
        print(f"undo answered after       {answered:8.2f} s; run UNDONE after {undone:8.2f} s "
              f"(kept for newer changes: {undone_state['keptNewerChange']})")
        print(f"undone and projected in   {undo_elapsed:8.2f} s  = {args.rows / undo_elapsed:9.0f} rows/s")
        print(heap_line("undo peak heap used", undo_heap))
        print(f"active people after undo  {active}")
    print(f"ceiling: psql COPY        {ceiling:8.2f} s  = {args.rows / ceiling:9.0f} rows/s")
    print(f"ratio service/ceiling     {elapsed / ceiling:8.1f} x" + (f" (undo {undo_elapsed / ceiling:.1f} x)" if args.undo else ""))


if __name__ == "__main__":
    main()
