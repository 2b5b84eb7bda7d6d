import gzip, json, sys, re
from pathlib import Path
from newscrawl.clean.article import build_page
from newscrawl.clean.render import normalize_space
from lxml import html as LH
d = Path("/work/shared/data/fundus/dev"); gt = json.loads((d/"ground-truth.json").read_text())
for pid in sys.argv[1:]:
    t = gt[pid]
    page = build_page(gzip.decompress((d/"html"/f"{pid}.html.gz").read_bytes()), t['url'])
    sd = page.structured; art = sd.article() or {}
    print("==", pid, "truth:", t['authors'])
    print("  ld author:", json.dumps(art.get('author'), ensure_ascii=False)[:400], "| types:", [o.get('@type') for o in sd.objects][:8])
    print("  meta:", {k: v for k, v in sd.meta_all.items() if 'author' in k or 'creator' in k or k in ('byl',)})
    # find visible elements containing first truth author
    for name in t['authors'][:2]:
        hits = 0
        for el in page.root.iter():
            if not isinstance(el.tag, str) or el.tag in ('script','style','head','html','body'): continue
            tx = normalize_space(el.text_content())
            if name.lower() in tx.lower() and len(tx) < 300 and not any(name.lower() in normalize_space(c.text_content()).lower() for c in el if isinstance(c.tag, str)):
                par = el.getparent()
                print(f"   vis[{name}] <{el.tag} class={el.get('class')!r} rel={el.get('rel')!r}> in <{par.tag} class={par.get('class')!r}>:", LH.tostring(par, encoding='unicode')[:500].replace('\n',' '))
                hits += 1
                if hits > 2: break
