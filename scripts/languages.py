#!/usr/bin/env python3
"""The languages of rules/languages.toml (the one list of them) for the scripts outside the Rust code.

    python3 scripts/languages.py codes [--pseudo]   kk ru en          (the pseudo-locales too with --pseudo)
    python3 scripts/languages.py default            ru
    python3 scripts/languages.py hunspell           one line a language with a dictionary: kk kk_KZ hunspell-kk
    python3 scripts/languages.py packages           hunspell-kk hunspell-ru hunspell-en-us

scripts/build.sh imports it (`languages(pseudo)`, `copy_text`, `default_first`, `page_description`). A pseudo-locale (`pseudo_of`) is built only with the cargo
feature `pseudo-locale` (PSEUDO_FEATURE), for tests; it has no dictionary, so the spelling check skips it.
"""
import json
import os
import sys
import tomllib

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TABLE = os.path.join(ROOT, "rules", "languages.toml")
PSEUDO_FEATURE = "pseudo-locale"


def languages(pseudo=False):
    """The table's languages in the switch's order; the pseudo-locales only when `pseudo`."""
    with open(TABLE, "rb") as f:
        table = tomllib.load(f).get("language", [])
    codes = [l.get("code") for l in table]
    for l in table:
        if not l.get("code") or codes.count(l["code"]) > 1:
            sys.exit(f"languages: {TABLE}: a language without a code, or one twice: {codes}")
        if l.get("pseudo_of") and l["pseudo_of"] not in codes:
            sys.exit(f"languages: {TABLE}: {l['code']} is a pseudo-locale of {l['pseudo_of']}, which is not listed")
    defaults = [l["code"] for l in table if l.get("default")]
    if len(defaults) != 1:
        sys.exit(f"languages: {TABLE}: exactly one language must be the default (found {defaults})")
    return [l for l in table if pseudo or not l.get("pseudo_of")]


def copy_text(copy_json, cid, langs):
    """{code: text} of a copy id in `langs`, from the copy.json build.rs writes (every language of its build)."""
    with open(copy_json, encoding="utf-8") as f:
        copy = json.load(f)
    if cid not in copy:
        sys.exit(f"build: rules/copy.toml has no `{cid}` entry")
    missing = [l["code"] for l in langs if l["code"] not in copy[cid]]
    if missing:
        sys.exit(f"build: {copy_json} lacks {missing} (it is from a build with other languages)")
    return {l["code"]: copy[cid][l["code"]] for l in langs}


def default_first(langs):
    """The languages with the default first, as the page's own texts list them."""
    return sorted(langs, key=lambda l: not l.get("default"))


def page_description(copy_json, langs):
    """The page's and the installed app's description: page_description in the default language, then the
    name of every language."""
    first = default_first(langs)
    return copy_text(copy_json, "page_description", first)[first[0]["code"]] + " " + " · ".join(l["name"] for l in first)


def default():
    return next(l["code"] for l in languages() if l.get("default"))


def pseudo_build(features):
    """Whether a cargo --features list (comma or space separated) turns the pseudo-locales on."""
    return PSEUDO_FEATURE in features.replace(",", " ").split()


def main(argv):
    what = argv[1] if len(argv) > 1 else ""
    if what == "codes":
        print(" ".join(l["code"] for l in languages("--pseudo" in argv[2:])))
    elif what == "default":
        print(default())
    elif what == "hunspell":
        for l in languages():
            if "hunspell" in l:
                print(l["code"], l["hunspell"]["dictionary"], l["hunspell"]["package"])
    elif what == "packages":
        print(" ".join(l["hunspell"]["package"] for l in languages() if "hunspell" in l))
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
