#!/usr/bin/env python3
"""Turn the benchmark kit's floor input (report-N.txt, written by
../shared/bench/gen.py) into dossier's layout vocabulary, so that dossier
and the raw pango+cairo floor typeset exactly the same content: same text,
same fonts (DejaVu Sans with Noto Sans CJK SC), 10 pt body with 14 pt
lines, 9 pt tables, A4 with 20 mm margins, a running header, a
"Page X of Y" footer; dossier adds the table of contents the other engines
have where the floor has a page break.

    python3 bench/gen_layout.py report-N.txt report-N.xml
"""
import sys
from xml.sax.saxutils import escape, quoteattr

FONT = "DejaVu Sans, Noto Sans CJK SC"


def main():
    src, dst = sys.argv[1], sys.argv[2]
    out = []
    w = out.append
    header = ("", "")
    body = []
    table = None
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        kind, _, rest = line.partition("\t")
        f = rest.split("\t") if rest else []
        if kind == "M":
            header = (f[0], f[1])
        elif kind == "T":
            body.append(f'<p style="title">{escape(f[0])}</p>')
        elif kind == "P":
            body.append(f"<p>{escape(f[0])}</p>")
        elif kind == "B":
            body.append('<toc depth="1"/><page-break/>')
        elif kind == "H":
            body.append(f'<h level="1" numbered="false">{escape(f[0])}</h>')
        elif kind == "W":
            table = {"widths": " ".join(f"{x}mm" for x in f), "rows": []}
        elif kind == "R":
            table["rows"].append("<row>" + "".join(f"<cell>{escape(c)}</cell>" for c in f) + "</row>")
        elif kind == "D":
            table["rows"].append("<row>" + "".join(f"<cell>{escape(c)}</cell>" for c in f) + "</row>")
        elif kind == "E":
            body.append(f'<table widths="{table["widths"]}" header-rows="1">' + "".join(table["rows"]) + "</table>")
            table = None
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<document xmlns="urn:dossier:layout:1" lang="zh-CN" title="Monthly IT Service Report" date="2024-05-31">\n')
    for name, size, bold, lh in (("body", 10, "false", 1.4), ("title", 20, "true", 1.3), ("h1", 14, "true", 1.3),
                                 ("table", 9, "false", 1.4), ("table-header", 9, "true", 1.4),
                                 ("header", 8, "false", 1.2), ("footer", 8, "false", 1.2), ("toc1", 10, "false", 1.4)):
        align = ' align="justify"' if name == "body" else (' align="left"' if name == "title" else "")
        w(f'<style name="{name}" font={quoteattr(FONT)} size="{size}" bold="{bold}" line-height="{lh}" indent="0pt"'
          f' colour="#000000"{align}/>\n')
    w('<page-master name="body" size="A4" margin-top="20mm" margin-bottom="20mm" margin-left="20mm" margin-right="20mm">')
    w(f"<header><left>{escape(header[0])}</left><right>{escape(header[1])}</right></header>")
    w('<footer rule="false"><center>Page <field name="page"/> of <field name="pages"/></center></footer></page-master>\n')
    w('<section master="body">\n' + "\n".join(body) + "\n</section>\n</document>\n")
    with open(dst, "w", encoding="utf-8") as fh:
        fh.write("".join(out))


if __name__ == "__main__":
    main()
