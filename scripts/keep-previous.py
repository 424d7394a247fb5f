#!/usr/bin/env python3
"""Keeps the previous release's content-hashed files servable in a new build.

    python3 scripts/keep-previous.py PREVIOUS_DIST NEW_DIST

A tab opened before a release still has the old page, which names the old glue, wasm and rule set
(rules-<hash>.bin is fetched only when the person presses Start). Copying them (with their .br/.gz
siblings) into the new dist/ lets that tab go on; a rule set older than one release is gone, and the
widget then reloads the page (ui/dom.rs fetch_rules). The files copied are those of PREVIOUS_DIST's own
build.json, not the ones it carried in turn, so only one release back is kept. NEW_DIST/build.json lists
them under "previous_release" (they are neither precached nor counted in the size budget).
"""
import json
import os
import re
import shutil
import sys

HASHED = re.compile(r"-[0-9a-f]{8}\.[A-Za-z0-9]+$")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    old, new = sys.argv[1], sys.argv[2]
    path = os.path.join(new, "build.json")
    doc = json.load(open(path))
    kept = []
    old_json = os.path.join(old, "build.json")
    if os.path.isfile(old_json):
        current = {f["path"] for f in doc["files"]}
        for f in json.load(open(old_json)).get("files", []):
            name = f["path"]
            if name in current or not HASHED.search(name) or not os.path.isfile(os.path.join(old, name)):
                continue
            for suffix in ("", ".br", ".gz"):
                src = os.path.join(old, name + suffix)
                if os.path.isfile(src):
                    os.makedirs(os.path.dirname(os.path.join(new, name)) or new, exist_ok=True)
                    shutil.copy2(src, os.path.join(new, name + suffix))
            kept.append(name)
    doc["previous_release"] = sorted(kept)
    with open(path, "w") as fh:
        json.dump(doc, fh, indent=2)
        fh.write("\n")
    print(f"build:   kept {len(kept)} hashed files of the previous release" + (f" ({', '.join(sorted(kept))})" if kept else ""))


if __name__ == "__main__":
    main()
