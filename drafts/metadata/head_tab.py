import gzip, json, sys, re, html
from pathlib import Path
sys.path.insert(0, '/work/shared/tools')
from score_metadata import norm
from newscrawl.clean.article import build_page
from newscrawl.clean.render import normalize_space
d = Path("/work/shared/data/fundus/dev"); gt = json.loads((d/"ground-truth.json").read_text())
SUF = re.compile(r"\s+[|\-–—:·»]\s+[^|\-–—:·»]{2,60}$")
def toks(s): return " ".join(re.findall(r"\w+", norm(s or "")))
out = {}
for pid, t in gt.items():
    page = build_page(gzip.decompress((d/"html"/f"{pid}.html.gz").read_bytes()), t['url'])
    sd = page.structured; art = sd.article() or {}
    cands = {'ld': art.get('headline') if isinstance(art.get('headline'), str) else None,
             'og': sd.meta.get('og:title'), 'tw': sd.meta.get('twitter:title'),
             'ti': page.root.findtext('.//title')}
    cands = {k: normalize_space(html.unescape(v)) for k, v in cands.items() if v and v.strip()}
    vis = {}
    for el in page.root.iter():
        if not isinstance(el.tag, str) or el.tag in ('script','style','title','meta','head','noscript','template','a','li','html','body'): continue
        anc = [a.tag for a in el.iterancestors()]
        if any(a in ('head','script','noscript','template','a','li', 'nav') for a in anc): continue
        s = toks(normalize_space(el.text_content()))
        if s and len(s) < 400: vis.setdefault(s, el.tag)
    h1s = [normalize_space(h.text_content()) for h in page.root.iter('h1')]
    T = toks(t['headline'])
    row = {}
    for k, v in cands.items():
        vs = [v, SUF.sub('', v)]
        row[k] = (any(toks(x) == T for x in vs), next((vis[toks(x)] for x in vs if toks(x) in vis), None))
    row['h1'] = (bool(h1s) and toks(h1s[0]) == T, 'h1')
    out[pid] = row
    print(pid, row)
json.dump(out, open('/work/tmp/md/head_tab.json','w'))
