"""Run extract_article over fundus (and optionally other sets) with draft patches."""
import gzip, json, sys, time
from pathlib import Path
sys.path.insert(0, '/work/tmp/md/draft')
import newscrawl.clean.article as A
import newscrawl.clean.metadata as M
PATCH = set(sys.argv[2].split(',')) if len(sys.argv) > 2 else set()
orig = M.read_metadata
def patched(page):
    orig(page)
    if 'headline' in PATCH:
        import headline
        page.fields.pop('headline', None); page.sources.pop('headline', None)
        headline.read_headline(page)
    if 'authors' in PATCH:
        import authors
        page.fields.pop('authors', None); page.sources.pop('authors', None)
        authors.read_authors(page)
A.read_metadata = patched
if 'images' in PATCH:
    import copy as _copy
    import newscrawl.clean.content as C
    import newscrawl.clean.captions as CAP
    from newscrawl.clean.render import SLIDE_MARK, is_slide
    from newscrawl.clean.boilerplate import prune_chrome
    def _work_copy(page):
        work = _copy.deepcopy(page.root)
        page.held[len(page.held):] = work.iter()
        page.origin = dict(zip(work.iter(), page.root.iter()))
        prune_chrome(work)
        C._shield_article_root(work)
        for figure in work.iter("figure"):
            if is_slide(figure):
                figure.set(SLIDE_MARK, "")
        return work
    C._work_copy = _work_copy
    orig_collect = CAP.collect_images
    def collect(page):
        import figures
        from newscrawl.clean.render import normalize_space
        caps = figures.collect_region_images(page)
        region_images = list(page.images)
        if not region_images and not caps:
            return orig_collect(page)
        back = {o: w for w, o in page.origin.items()}
        body = page.body
        inbody = set(body.iter()) if body is not None else set()
        for c in caps:
            w = back.get(c)
            if w is not None and w in inbody and w.getparent() is not None:
                w.drop_tree()
        page.images = []
        orig_collect(page)
        body_imgs = page.images
        page.images = region_images
        texts = set()
        for im in region_images:
            for t in (im.caption, im.alt):
                if t: texts.add(t)
            if im.caption and im.credit:
                texts.add(normalize_space(im.caption + ' ' + im.credit))
        if body is not None and texts:
            CAP._drop_caption_echoes(body, texts)
    A.STAGES['captions'] = collect
origfinish = A.finish
def finish(page):
    if 'language' in PATCH:
        import language
        from newscrawl.clean.render import to_blocks, blocks_to_text
        declared = None
        for v in (page.root.get('lang'), page.root.get('xml:lang'), page.fields.get('inLanguage')):
            declared = declared or language.normalize_tag(v)
        text = (page.fields.get('headline') or '') + '\n' + (blocks_to_text(to_blocks(page.body)) if page.body is not None else '')
        tag, src = language.choose_language(declared, text)
        page.fields['inLanguage'] = tag
    return origfinish(page)
A.finish = finish
from newscrawl.clean.article import extract_article
S = Path("/work/shared/data")
out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
sets = sys.argv[3].split(',') if len(sys.argv) > 3 else ['fundus']
def run(name, items):
    t = time.time(); pred = {}
    for pid, path, url in items:
        pred[pid] = extract_article(gzip.decompress(path.read_bytes()), url)
    (out / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False, default=str))
    print(name, len(items), f"{time.time()-t:.1f}s", file=sys.stderr)
if 'extraction' in sets:
    ae = S / "article-extraction-benchmark/dev"; gt = json.loads((ae / "ground-truth.json").read_text())
    run("extraction", [(k, ae / "html" / f"{k}.html.gz", v.get("url", "")) for k, v in gt.items()])
if 'dates' in sets:
    d = S / "dates/dev"; meta = json.loads((d / "meta.json").read_text())
    run("dates", [(k, d / "pages" / f"{k}.html.gz", v["url"]) for k, v in meta.items()])
f = S / "fundus/dev"; fg = json.loads((f / "ground-truth.json").read_text())
run("fundus", [(k, f / "html" / f"{k}.html.gz", v["url"]) for k, v in fg.items()])
