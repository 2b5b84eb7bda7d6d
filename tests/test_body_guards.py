"""Catastrophic bodies: a wall, a fact box or a print-only class must never win over the story."""

from __future__ import annotations

from newscrawl.clean.article import extract_article

URL = "https://news.example.com/politics/2024/budget-talks"
PARAGRAPHS = [
    "The finance ministers met on Tuesday to settle the budget for the coming year, after "
    "three weeks of talks that had stalled over the cost of the new rail line.",
    "Officials said the agreement keeps spending on schools and hospitals at this year's "
    "level, while the rail line is to be paid for over ten years instead of five.",
    "The opposition called the deal a postponement of hard choices and said it would vote "
    "against it when the budget comes before parliament next month.",
    "Business groups welcomed the agreement, saying that a longer schedule for the rail line "
    "would spare companies the tax rise they had feared since the spring.",
    "The budget is expected to pass with a small majority, according to the whips of the "
    "governing parties, who counted their votes on Wednesday morning.",
]

STORY = PARAGRAPHS + [
    "Talks on the rail line itself are to resume in the autumn, when the engineers present "
    "their revised estimate of the cost of the tunnel under the river.",
    "Until then the ministry will not sign new contracts for the line, a spokeswoman said, "
    "so that the revised estimate can be taken into account.",
]


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Budget talks end</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav></header>"
        f"{body}<footer><p>© News Example</p></footer></body></html>"
    )


def test_a_story_in_containers_with_print_variant_classes_is_kept() -> None:
    """Tailwind's `print:hidden` hides a block when printing: it is no boilerplate class."""
    blocks = "".join(
        f"<div class='print:hidden md:flex relative'><p>{p}</p></div>" for p in PARAGRAPHS
    )
    item = extract_article(_page(f"<main><h1>Budget talks end</h1>{blocks}</main>"), URL)
    for p in PARAGRAPHS:
        assert p in item["articleBody"]


def test_a_registration_wall_with_a_content_class_is_not_the_body() -> None:
    wall = (
        "<div class='main_content'><p>ニュースレターを登録すると続きが読めます（無料）</p>"
        "<p>ご登録いただいたメールアドレス宛てにニュースレターを配信します。</p>"
        "<a href='/register'>登録する</a></div>"
    )
    story = (
        "<p>イオン銀行は14日、同日付で社長を解任する人事を発表した。金融庁から受けた資金洗浄対策の"
        "不備を巡る経営責任を明確にする。</p><p>後任には取締役が就く。新トップのもとで企業統治の"
        "立て直しを急ぐ。</p><p>金融庁は昨年12月、同行に業務改善命令を出していた。</p>"
    )
    item = extract_article(
        _page(f"<div><main><article><h1>Budget talks end</h1><section>{story}</section>"
              f"</article></main></div><div class='background'><div>{wall}</div></div>"),
        URL,
    )
    assert "イオン銀行は14日" in item["articleBody"]
    assert "続きが読めます" not in item["articleBody"]


def test_a_story_split_over_components_beats_a_fact_box() -> None:
    """Each paragraph in a component of its own: readability scores each alone and a short
    fact box outscores them; the sibling components together are the story."""
    fact_box = (
        "<div class='facts-box'><div class='facts-inner'><p>1997: Labour wins the election "
        "with a majority of 179 seats, the largest in its history.</p><p>2007: the prime "
        "minister leaves office after ten years, the longest Labour term.</p></div></div>"
    )
    components = "".join(
        f"<div class='sc-aXZVg'><div><div><p>{p}</p></div></div></div>" for p in STORY
    )
    item = extract_article(
        _page(f"<article><h1>Budget talks end</h1>{fact_box}<div>{components}</div></article>"),
        URL,
    )
    for p in STORY:
        assert p in item["articleBody"]
    assert "1997: Labour" not in item["articleBody"]


def test_short_and_linked_paragraphs_of_a_split_story_stay_in_it() -> None:
    """The same components also hold the story's short paragraphs (an interview's
    questions), sentences whose words are mostly a link, and a short closing paragraph:
    they are the story's, in their place. A component holding a "Keep reading:" label over a
    linked title is a teaser, not the story's."""
    fact_box = (
        "<div class='facts-box'><div class='facts-inner'><p>1997: Labour wins the election "
        "with a majority of 179 seats, the largest in its history.</p><p>2007: the prime "
        "minister leaves office after ten years, the longest Labour term.</p></div></div>"
    )
    question = "Will the deal hold?"
    linked = ("It also <a href='https://budget.example.org/plan.pdf'>sets out the schedule "
              "for the rail line's tunnel</a>.")
    closing = "The minister declined to comment."
    parts = [*STORY[:3], question, *STORY[3:5], linked, *STORY[5:], closing]
    components = "".join(
        f"<div class='sc-aXZVg'><div><div><p>{p}</p></div></div></div>" for p in parts
    ) + ("<div class='sc-aXZVg'><div><div><p><i><b>Keep reading</b>:</i></p><p>"
         "<a href='/n/2'>Rail line costs double in a year, the engineers say</a></p></div>"
         "</div></div>")
    item = extract_article(
        _page(f"<article><h1>Budget talks end</h1>{fact_box}<div>{components}</div></article>"),
        URL,
    )
    body = item["articleBody"].split("\n\n")
    expected = [*STORY[:3], question, *STORY[3:5],
                "It also sets out the schedule for the rail line's tunnel.", *STORY[5:], closing]
    assert body == expected


def test_comments_are_not_a_split_story() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    comments = "".join(
        f"<li class='comment'><p>{p.replace('The', 'Reader:')}</p></li>" for p in PARAGRAPHS * 2
    )
    item = extract_article(
        _page(f"<article><h1>Budget talks end</h1><div class='entry'>{story}</div></article>"
              f"<ol class='comments'>{comments}</ol>"),
        URL,
    )
    assert PARAGRAPHS[0] in item["articleBody"]
    assert "Reader:" not in item["articleBody"]


def test_a_story_whose_names_are_all_links_is_kept() -> None:
    """readability's cleanup drops a block with many links; the block holding the story's
    paragraphs stays (every town in a list of earthquake intensities is a link)."""
    towns = "、".join(f"<a href='/topics/town{n}'>町{n}</a>" for n in range(40))
    story = (
        "<div class='nfyQp'><p>気象庁は13日、午後9時19分ごろ、日向灘で震度5弱の地震が"
        "あったと発表した。震源の深さは約30キロ、地震の規模は6.9と推定される。</p>"
        f"<p>各地の震度は次のとおり。</p><p>宮崎県：{towns}</p></div>"
    )
    item = extract_article(_page(f"<main><h1>宮崎県で震度5弱</h1>{story}</main>"), URL)
    assert "気象庁は13日" in item["articleBody"]
    assert "町39" in item["articleBody"]


def test_a_story_in_blocks_named_after_a_sidebar_layout_is_kept() -> None:
    """'sidebar-grid__content' names a layout with a sidebar, not a sidebar: blocks holding
    several paragraphs of running text with few links are the story."""
    blocks = "".join(
        "<div class='sidebar-grid__container'><div class='sidebar-grid__content'>"
        + "".join(f"<p>{p}</p>" for p in STORY[i:i + 3]) + "</div></div>"
        for i in range(0, 6, 3)
    )
    item = extract_article(
        _page(f"<article><div class='sidebar-grid'><h1>Budget talks end</h1>{blocks}</div>"
              "</article>"),
        URL,
    )
    for p in STORY[:6]:
        assert p in item["articleBody"]


def test_a_long_comment_thread_does_not_outscore_a_short_story() -> None:
    story = "".join(f"<p class='bodytext'>{p}</p>" for p in PARAGRAPHS[:3])
    comment = (
        "I do not agree with the minister at all, and I have said so for years: the rail "
        "line was a mistake from the start, and postponing its cost changes nothing, since "
        "our children will pay it with interest, as they always do with such schemes."
    )
    thread = "".join(
        f"<li class='member column'><div class='columns'><div class='text'><p>{comment} "
        f"({n})</p><p>{comment}</p></div></div></li>" for n in range(12)
    )
    item = extract_article(
        _page("<main><section><article><h1>Budget talks end</h1><div class='corpus'>"
              f"{story}</div></article><div class='mini news community'>"
              f"<ul class='comments-list columns'>{thread}</ul></div></section></main>"),
        URL,
    )
    assert PARAGRAPHS[0] in item["articleBody"]
    assert "I do not agree" not in item["articleBody"]
