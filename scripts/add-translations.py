#!/usr/bin/env python3
"""Adds translation keys to one namespace (common, accounts, elections, results):
`scripts/add-translations.py elections new.json`, where new.json is
{key: [pt-BR, es, en, fr, ht, ar]}."""
import collections
import json
import pathlib
import sys

LOCALES = ["pt-BR", "es", "en", "fr", "ht", "ar"]
namespace, source = sys.argv[1], sys.argv[2]
new = json.load(open(source), object_pairs_hook=collections.OrderedDict)
root = pathlib.Path(__file__).resolve().parent.parent / "app" / "locales"
for i, loc in enumerate(LOCALES):
    path = root / loc / f"{namespace}.json"
    d = json.load(open(path), object_pairs_hook=collections.OrderedDict)
    for k, v in new.items():
        d[k] = v[i]
    with open(path, "w") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write("\n")
