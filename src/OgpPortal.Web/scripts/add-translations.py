#!/usr/bin/env python3
"""Adds or updates translations in Resources/SharedResource.es.resx and .fr.resx (ADR 0009).

Input: lines "English<TAB>Spanish<TAB>French" (a file given as argument, or stdin). The English text is the
key, exactly as written in L["..."]. Existing entries are kept (updated when the line repeats a key);
both files are written sorted by key, so diffs stay small.

    python3 scripts/add-translations.py new-strings.tsv
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

RESOURCES = Path(__file__).resolve().parent.parent / "Resources"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path):
    if not path.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}


def write(path, entries):
    lines = [HEADER]
    for key in sorted(entries, key=str.casefold):
        lines.append(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
    lines.append("</root>\n")
    path.write_text("".join(lines), encoding="utf-8")


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    files = {lang: RESOURCES / f"SharedResource.{lang}.resx" for lang in ("es", "fr")}
    entries = {lang: read(path) for lang, path in files.items()}
    for number, line in enumerate(source, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            sys.exit(f"line {number}: expected English<TAB>Spanish<TAB>French: {line!r}")
        english, spanish, french = parts
        entries["es"][english] = spanish
        entries["fr"][english] = french
    for lang, path in files.items():
        write(path, entries[lang])
    print(f"{len(entries['es'])} Spanish and {len(entries['fr'])} French entries")


if __name__ == "__main__":
    main()
