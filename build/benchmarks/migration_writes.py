"""One scenario's figures for migration.sh, as a JSON line: the migration's duration (from `migrate --report`) and,
from pgbench's per-transaction log, how long the longest insert waited while the migration ran.

pgbench --log lines: client transaction latency_us script end_epoch_s end_epoch_us.
Usage: migration_writes.py NAME STARTED FINISHED REPORT.json WRITER_LOG...
"""
import json
import statistics
import sys

name, started, finished, report_file, *logs = sys.argv[1:]
started, finished = float(started), float(finished)
report = json.load(open(report_file))

before, during, last_done = [], [], 0.0
for log in logs:
    for line in open(log):
        fields = line.split()
        latency = int(fields[2]) / 1e6
        done = int(fields[4]) + int(fields[5]) / 1e6
        last_done = max(last_done, done)
        if done < started:
            before.append(latency)
        elif done - latency <= finished:
            during.append(latency)

if last_done < finished + 1:
    sys.exit(f"{name}: the writer stopped before the migration ended; raise WRITER_SECONDS")

print(json.dumps({
    "scenario": name,
    "migrationMs": report["durationMs"],
    "scripts": ", ".join(f"{a['script']} {a['durationMs']} ms" for a in report["applied"]),
    "writesBlockedMs": round(max(during, default=0) * 1000),
    "writesDuringMigration": len(during),
    "writerMedianMs": round(statistics.median(before) * 1000, 2) if before else None,
}))
