#!/usr/bin/env python3
"""Adds translation keys: reads a JSON {key: [pt-BR, es, en, fr, ht, ar]} from argv[1]."""
import json, sys, collections
LOCALES = ["pt-BR", "es", "en", "fr", "ht", "ar"]
new = json.load(open(sys.argv[1]), object_pairs_hook=collections.OrderedDict)
for i, loc in enumerate(LOCALES):
    p = f"/work/main/app/locales/{loc}.json"
    d = json.load(open(p), object_pairs_hook=collections.OrderedDict)
    for k, v in new.items():
        d[k] = v[i]
    with open(p, "w") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write("\n")
