# 100,000 incidents in one file: read, checked and computed without error
python3 - <<'PY'
out = ['<?xml version="1.0" encoding="UTF-8"?>', '<incidents xmlns="urn:dossier:1">']
for i in range(100000):
    d = 1 + i % 28
    h = i % 20
    out.append('  <incident id="INC-%d" service="app" severity="minor" detected="2026-09-%02dT%02d:00" resolved="2026-09-%02dT%02d:30">'
               '<summary>第 %d 号事件</summary><report kind="detection" at="2026-09-%02dT%02d:05"/></incident>' % (i + 1, d, h, d, h, i, d, h))
out.append('</incidents>')
open('records/incidents.xml', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
