import gzip, json, sys, re
from pathlib import Path
sys.path.insert(0, '/work/shared/tools')
from score_metadata import norm
from newscrawl.clean.article import build_page
from newscrawl.clean.render import normalize_space
d = Path("/work/shared/data/fundus/dev"); gt = json.loads((d/"ground-truth.json").read_text())
pred = json.loads(Path(sys.argv[1]).read_text())
ids = sys.argv[2:] or list(gt)
SKIP = {'script','style','head','title','meta','noscript','template'}
def order_index(root):
    return {el: i for i, el in enumerate(root.iter())}
summary = []
for pid in ids:
    t = gt[pid]; p = pred[pid]
    caps = [im for im in (t.get('images') or []) if im.get('caption')]
    if not caps: continue
    page = build_page(gzip.decompress((d/"html"/f"{pid}.html.gz").read_bytes()), t['url'])
    root = page.root; idx = order_index(root)
    h1 = next(iter(root.iter('h1')), None)
    blocks = [b for b in (p.get('articleBody') or '').split('\n\n') if len(b) > 60]
    def find_text(s):
        s = norm(s)[:80]
        best = None
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in SKIP: continue
            if s and s in norm(normalize_space(el.text_content())): best = el
        return best
    b0 = find_text(blocks[0]) if blocks else None
    b1 = find_text(blocks[-1]) if blocks else None
    bpos = (idx.get(b0, -1), idx.get(b1, -1))
    pcaps = [norm(im.get('caption') or '') for im in p.get('images') or []]
    print(f"== {pid}  h1@{idx.get(h1)} body@{bpos} predimgs={len(p.get('images') or [])}")
    for im in caps:
        c = im['caption']; nc = norm(c)
        found = any(nc and (nc == x or (nc in x or x in nc) and min(len(x),len(nc)) >= 0.6*max(len(x),len(nc))) for x in pcaps if x)
        el = find_text(c)
        where = 'ATTR/none'
        desc = ''
        if el is not None:
            i = idx[el]
            where = 'before-h1' if h1 is not None and i < idx[h1] else ('before-body' if i < bpos[0] else ('in-body' if i <= bpos[1] else 'after-body'))
            chain = [el] + list(el.iterancestors())[:4]
            desc = ' < '.join(f"{a.tag}.{(a.get('class') or '').split(' ')[0][:25]}" for a in chain)
        else:
            # attribute?
            for e in root.iter():
                if not isinstance(e.tag, str): continue
                for k, v in e.attrib.items():
                    if nc[:50] and nc[:50] in norm(v):
                        desc = f"attr {e.tag}@{k}"; break
                if desc: break
        print(f"   [{'OK' if found else '--'}] {where:11} cover={im.get('is_cover')} {desc[:150]} | {c[:60]!r} credit={im.get('credit')!r}")
