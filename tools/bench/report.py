#!/usr/bin/env python3
"""Turns tools/bench/run.sh results (JSON Lines) into docs/performance.md: medians of the
A/B pairs, ledger/baseline ratios, peak RSS, the targets of the performance issue, and
the machine the run was on."""
import json, os, platform, statistics, subprocess, sys, datetime

results_path, out_path, balance_claims = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(line) for line in open(results_path) if line.strip()]

def group(name, size, system):
    return [r for r in rows if r["name"] == name and r["size"] == size and r["system"] == system]

def median_rate(name, size, system):
    runs = group(name, size, system)
    if not runs: return None, None, 0
    rates = [r["events"] / r["seconds"] for r in runs if r["seconds"] > 0]
    return statistics.median(rates), max(r["rssKiB"] for r in runs), len(runs)

def fmt(rate): return "-" if rate is None else f"{rate:,.0f}"
def mib(kib): return "-" if kib is None else f"{kib / 1024:,.0f} MiB"
def ratio(a, b): return None if a is None or b is None or b == 0 else a / b
def fr(value): return "-" if value is None else f"{value:.2f}"

sizes = sorted({r["size"] for r in rows if r["name"] == "ingest"})
lines = []
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0] if True else ""
lines += ["# Performance", "",
          f"Last full run: {datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M UTC')} on {os.cpu_count()} cores ({cpu}), "
          f"{mem / 1048576:.0f} GiB, Linux {platform.release()}, {swift}.",
          "Command: `tools/bench/run.sh` (see its header for options). Each figure is the median of the",
          "A/B pairs run in this one session (baseline, then ledger, alternately); rates are events (or",
          "lookups) per second of the whole process unless said; peak RSS is the process's maximum",
          "resident set (`/usr/bin/time %M`), which counts the pages of the memory-mapped store it touched.", ""]

lines += ["## Ledger against the raw-LMDB baseline", "",
          "| events | measure | baseline /s | ledger /s | ratio | target | ledger peak RSS | pairs |",
          "|---:|---|---:|---:|---:|---|---:|---:|"]
for size in sizes:
    for name, label, target in [("ingest", "durable append (whole process)", 0.5), ("scan", "scan and decode every event", 1.0),
                                ("lookups", "case stream reads", 0.5)]:
        b, _, nb = median_rate(name, size, "baseline")
        l, rss, nl = median_rate(name, size, "ledger")
        r = ratio(l, b)
        ok = "" if r is None else ("met" if r >= target else "missed")
        lines.append(f"| {size:,} | {label} | {fmt(b)} | {fmt(l)} | {fr(r)} | ≥ {target} {ok} | {mib(rss)} | {min(nb, nl)} |")
    rep, rss, n = median_rate("replay", size, "ledger")
    b, _, _ = median_rate("scan", size, "baseline")
    r = ratio(rep, b)
    lines.append(f"| {size:,} | replay of all projections (whole process) | {fmt(b)} (scan) | {fmt(rep)} | {fr(r)} | ≥ 1.0 {'met' if r and r >= 1 else 'missed'} | {mib(rss)} | {n} |")
    ver, rss, n = median_rate("verify", size, "ledger")
    lines.append(f"| {size:,} | verify (chain, validation, indexes, projections) | | {fmt(ver)} | | | {mib(rss)} | {n} |")
lines.append("")

single, _, ns = median_rate("commit", 1000, "single")
group64, rss, ng = median_rate("commit", 6400, "group64")
gr = ratio(group64, single)
lines += ["## Group commit", "",
          "| measure | events/s | pairs |", "|---|---:|---:|",
          f"| one durable commit per event | {fmt(single)} | {ns} |",
          f"| 64 producers, single events through the writer actor | {fmt(group64)} | {ng} |",
          f"| ratio (target ≥ 20) | {fr(gr)} {'met' if gr and gr >= 20 else 'missed'} | |", ""]

if len(sizes) >= 2:
    small, large = sizes[-2], sizes[-1]
    lines += ["## Linearity", "", f"| measure | {small:,} events/s | {large:,} events/s | ratio (target ≥ 0.7) |", "|---|---:|---:|---:|"]
    for name, label in [("ingest", "append"), ("replay", "replay")]:
        a, _, _ = median_rate(name, small, "ledger"); c, _, _ = median_rate(name, large, "ledger")
        r = ratio(c, a)
        lines.append(f"| {label} | {fmt(a)} | {fmt(c)} | {fr(r)} {'met' if r and r >= 0.7 else 'missed'} |")
    lines.append("")

cat = [r for r in rows if r["name"] == "catchup"]
bal = group("balances", balance_claims, "ledger")
if bal:
    secs = statistics.median(r["seconds"] for r in bal)
    lines += ["## Balances", "",
              f"`balances --year 2020 --by state` on a ledger of {balance_claims:,} claims: median {secs:.2f} s "
              f"over {len(bal)} runs, peak RSS {mib(max(r['rssKiB'] for r in bal))}."
              + (f" The first read after the append also caught the projections up: {cat[0]['seconds']:.1f} s for {cat[0]['events']:,} events." if cat else ""), ""]

with open(out_path + ".new", "w") as f:
    f.write("\n".join(lines) + "\n")
# Keep the hand-written analysis below the generated tables.
analysis = ""
if os.path.exists(out_path):
    text = open(out_path).read()
    marker = "<!-- analysis -->"
    if marker in text: analysis = text[text.index(marker):]
with open(out_path, "w") as f:
    f.write(open(out_path + ".new").read() + ("\n" + analysis if analysis else ""))
os.remove(out_path + ".new")
print("\n".join(lines))
