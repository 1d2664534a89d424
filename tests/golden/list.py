#!/usr/bin/env python3
"""Print "number lang" for every document of the sample's register in each
language it asks for, and English too for the documents named on the
command line (English editions checked even where the register asks only
Chinese)."""
import sys
import xml.etree.ElementTree as ET

NS = "{urn:dossier:1}"
extra = set(sys.argv[2:])
for d in ET.parse(sys.argv[1]).getroot().iter(NS + "document"):
    langs = d.get("lang").split()
    if d.get("number") in extra and "en" not in langs:
        langs.append("en")
    for lang in langs:
        print(d.get("number"), lang)
