#!/usr/bin/env python3
"""Size budget of the first page load.

    python3 scripts/size.py [--dist dist] [--first-load target/first-load.json]

Which files: the ones the browser actually fetched on a first visit, as recorded by the e2e suite in
target/first-load.json (when that file exists and belongs to the current build); otherwise the files
dist/build.json marks "first_load": true (index.html, boot, JS glue, wasm, CSS, ...). Either way plus
dist/build.json "background" (sw.js and the manifest, fetched outside the page's own requests).

Prints a table `file | raw | gzip | brotli` (bytes; gzip -9 and brotli -q 11, as served from the
pre-compressed siblings) and the brotli total, and exits 1 when that total exceeds the budget:
120 KB = 122880 bytes, or QADAM_BUDGET_BYTES.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_BUDGET = 120 * 1024


def measure(path):
    """raw/gzip/brotli of a file missing from build.json (siblings if present, else compress now)."""
    data = open(path, "rb").read()
    raw = len(data)
    gz = os.path.getsize(path + ".gz") if os.path.exists(path + ".gz") else len(gzip.compress(data, 9, mtime=0))
    if os.path.exists(path + ".br"):
        br = os.path.getsize(path + ".br")
    else:
        try:
            br = len(subprocess.run(["brotli", "-q", "11", "-c", path], check=True, capture_output=True).stdout)
        except (OSError, subprocess.CalledProcessError):
            br = gz
    return {"raw": raw, "gzip": min(gz, raw), "brotli": min(br, raw)}


def main():
    ap = argparse.ArgumentParser(description="first-load size budget")
    ap.add_argument("--dist", default=os.path.join(ROOT, os.environ.get("QADAM_DIST") or "dist"))
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    ap.add_argument("--first-load", default=os.path.join(target, "first-load.json"))
    args = ap.parse_args()

    budget = int(os.environ.get("QADAM_BUDGET_BYTES") or DEFAULT_BUDGET)
    build_json = os.path.join(args.dist, "build.json")
    if not os.path.isfile(build_json):
        print(f"size: {build_json} not found; run scripts/build.sh first")
        return 1
    build = json.load(open(build_json))
    known = {f["path"]: f for f in build["files"]}

    source = "dist/build.json first_load entries"
    paths = [f["path"] for f in build["files"] if f.get("first_load")]
    transferred = None
    if os.path.isfile(args.first_load):
        rec = json.load(open(args.first_load))
        rec_paths = []
        for f in rec.get("files", []):
            if f["path"] not in rec_paths:
                rec_paths.append(f["path"])
        fresh = os.path.getmtime(args.first_load) >= os.path.getmtime(build_json)
        missing = [p for p in rec_paths if not os.path.isfile(os.path.join(args.dist, p))]
        if fresh and rec_paths and not missing:
            paths = rec_paths
            transferred = rec.get("total_transferred")
            source = f"{os.path.relpath(args.first_load, ROOT)} (what the browser fetched)"
        elif missing:
            print(f"size: ignoring {args.first_load}: not from this build ({', '.join(missing[:3])} not in dist)")
        else:
            print(f"size: ignoring {args.first_load}: older than {build_json}")

    # Fetched on a first visit outside the page's own requests (the service worker script, the manifest):
    # counted too, whether or not the recording saw them.
    background = [p for p in build.get("background", []) if p not in paths]
    if background:
        source += " + dist/build.json background (" + ", ".join(background) + ")"
    paths = paths + background

    rows = []
    for p in paths:
        full = os.path.join(args.dist, p)
        if p in known:
            f = known[p]
            rows.append((p, f["raw"], f["gzip"], f["brotli"]))
        elif os.path.isfile(full):
            m = measure(full)
            rows.append((p, m["raw"], m["gzip"], m["brotli"]))
        else:
            print(f"size: {p} is not in {args.dist}")
            return 1

    total = tuple(sum(r[i] for r in rows) for i in (1, 2, 3))
    width = max([len("file"), len("total")] + [len(r[0]) for r in rows])
    print(f"size: first load, from {source}")
    print(f"| {'file':<{width}} | {'raw':>9} | {'gzip':>9} | {'brotli':>9} |")
    print(f"|{'-' * (width + 2)}|{'-' * 10}:|{'-' * 10}:|{'-' * 10}:|")
    for name, raw, gz, br in rows:
        print(f"| {name:<{width}} | {raw:>9,} | {gz:>9,} | {br:>9,} |")
    print(f"| {'total':<{width}} | {total[0]:>9,} | {total[1]:>9,} | {total[2]:>9,} |")
    if transferred is not None:
        print(f"size: the browser received {transferred:,} bytes of response bodies")
    pct = 100.0 * total[2] / budget
    verdict = "OK" if total[2] <= budget else "OVER BUDGET"
    print(f"size: total brotli {total[2]:,} B = {total[2] / 1024:.1f} KB of the "
          f"{budget / 1024:.1f} KB budget ({pct:.0f}%): {verdict}")
    return 0 if total[2] <= budget else 1


if __name__ == "__main__":
    sys.exit(main())
