"""A story whose every paragraph and subheading has a wrapper of one kind ("content element"),
split over two containers around an ad: readability gathers the paragraph wrappers that
score, and content._join_segment_gaps puts back the ones it left between them (a lone
subheading, a paragraph with a link), in their place. Teasers, link lines, the heading of
an entry whose embed is gone and anything after the story's last wrapper stay out."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newscrawl.clean.article import extract_article


@dataclass
class Story:
    url: str
    title: str
    paragraphs: list[str]  # eight; the 5th and 6th longer than 250 characters
    headings: tuple[str, str]  # subheadings before paragraphs 4 and 8
    linked: tuple[str, str, str]  # a paragraph: text, link text, text
    element: str  # the class of every block's wrapper
    container: str  # the class of the two containers


EN = Story(
    url="https://news.example.com/city/2024/towers",
    title="Council closes two office towers",
    paragraphs=[
        "The city council voted on Tuesday to close two of its five office towers downtown, "
        "after a review found that most floors stood empty on four days of the week.",
        "Officials said the move would save about twelve million dollars a year, money the "
        "council wants to spend on repairs to the remaining buildings and on transit.",
        "Staff unions said they had not been consulted and warned that the remaining towers "
        "would not have room for everyone once the new attendance rules take effect.",
        "A spokeswoman for the council said the plan had been drawn up with the unions' input "
        "and that desks would be shared where offices could not be assigned.",
        "The review, obtained by the newspaper under freedom-of-information rules, shows that "
        "the council had planned the closures since the spring of last year, months before "
        "the attendance rules were announced, and that it had asked staff in both towers to "
        "pack their files by the end of January, well ahead of the vote.",
        "It also shows that two departments asked to keep their floors, citing the laboratory "
        "equipment they need, the archives they hold and the cost of moving them, and that "
        "both requests were turned down in the autumn by the committee in charge of the plan, "
        "without a hearing.",
        "Council members who voted against the plan said the savings were overstated, because "
        "the leases on the two towers run for another three years anyway.",
        "The mayor said the city would look for tenants to take over the leases, and that "
        "several companies had already asked about the space on the upper floors.",
    ],
    headings=("Unions were not consulted, they say", "Savings overstated"),
    linked=("The deputy mayor ", "has said the city will drop shared desks",
            " and move toward assigned seating where possible, though several departments "
            "will keep their shared desks for now."),
    element="story-content-element-inline",
    container="story-block-content",
)

DE = Story(
    url="https://zeitung.example.de/stadt/2024/buerotuerme",
    title="Stadtrat schließt zwei Bürotürme",
    paragraphs=[
        "Der Stadtrat hat am Dienstag beschlossen, zwei seiner fünf Bürotürme in der Innenstadt "
        "zu schließen, nachdem eine Prüfung ergeben hatte, dass die meisten Etagen leer stehen.",
        "Die Verwaltung rechnet mit Einsparungen von rund zwölf Millionen Euro im Jahr, die in "
        "die Sanierung der übrigen Gebäude und in den Nahverkehr fließen sollen.",
        "Der Personalrat sagte, er sei nicht gefragt worden, und warnte, dass die übrigen Türme "
        "nicht genug Platz für alle bieten, sobald die neuen Anwesenheitsregeln gelten.",
        "Eine Sprecherin der Stadt sagte, der Plan sei mit dem Personalrat abgestimmt worden und "
        "Schreibtische würden geteilt, wo keine festen Büros vergeben werden könnten.",
        "Aus dem Prüfbericht, den die Zeitung nach dem Informationsfreiheitsgesetz erhalten hat, "
        "geht hervor, dass die Stadt die Schließungen seit dem Frühjahr des vergangenen Jahres "
        "geplant hatte, Monate vor der Ankündigung der Anwesenheitsregeln, und die Beschäftigten "
        "beider Türme schon im Januar gebeten hatte, ihre Akten zu packen.",
        "Der Bericht zeigt auch, dass zwei Ämter ihre Etagen behalten wollten, mit Verweis auf "
        "ihre Laborgeräte, ihre Archive und die Kosten eines Umzugs, und dass beide Anträge im "
        "Herbst vom zuständigen Ausschuss abgelehnt wurden, ohne dass es eine Anhörung gab, wie "
        "Mitglieder des Ausschusses bestätigten.",
        "Ratsmitglieder, die gegen den Plan stimmten, halten die Einsparungen für zu hoch "
        "angesetzt, weil die Mietverträge der beiden Türme ohnehin noch drei Jahre laufen.",
        "Der Oberbürgermeister sagte, die Stadt suche Nachmieter für die beiden Türme, und "
        "mehrere Unternehmen hätten bereits nach den oberen Etagen gefragt.",
    ],
    headings=("Personalrat fühlt sich übergangen", "Einsparungen umstritten"),
    linked=("Der Bürgermeister ", "hatte angekündigt, feste Arbeitsplätze",
            " wieder einzuführen, wo immer das möglich ist, doch mehrere Ämter wollen bei "
            "geteilten Schreibtischen bleiben, wie sie auf Anfrage mitteilten."),
    element="rte-text-element",
    container="article-body-part",
)


def _segment(story: Story, inner: str) -> str:
    return (f"<section class='content-group'><div class='sr-only'>Article content</div>"
            f"<div class='{story.element}'>{inner}</div></section>")


def _page(story: Story, *, extra_gap: str = "", tail: str = "") -> str:
    p = [f"<p>{t}</p>" for t in story.paragraphs]
    first, link, rest = story.linked
    href = story.url.rsplit("/", 1)[0] + "/desks"
    linked = f"<p>{first}<a href='{href}'>{link}</a>{rest}</p>"
    part1 = [*p[:3], f"<h3>{story.headings[0]}</h3>", *p[3:5]]
    part2 = [p[5], extra_gap, p[6], f"<h3>{story.headings[1]}</h3>", linked, p[7]]
    blocks1 = "".join(_segment(story, b) for b in part1)
    blocks2 = "".join(_segment(story, b) for b in part2 if b) + tail
    return (
        f"<html><head><title>{story.title}</title></head><body><main><article>"
        f"<h1>{story.title}</h1>"
        f"<div class='story-block'><div class='{story.container}'>{blocks1}</div>"
        "<div class='right-rail'><h4>Trending</h4><ul><li><a href='/a'>Another story one"
        "</a></li><li><a href='/b'>Another story two</a></li></ul></div></div>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        f"<div class='story-block'><div class='{story.container}'>{blocks2}</div></div>"
        "</article></main><footer><p>© Example</p></footer></body></html>"
    )


def _body(story: Story, **kw: str) -> str:
    return extract_article(_page(story, **kw), story.url)["articleBody"]


@pytest.mark.parametrize("story", [EN, DE], ids=["en", "de"])
def test_subheadings_and_a_linked_paragraph_between_the_segments_come_back_in_place(
    story: Story,
) -> None:
    body = _body(story)
    first, link, rest = story.linked
    order = [story.paragraphs[2], story.headings[0], story.paragraphs[3],
             story.paragraphs[6], story.headings[1], first + link + rest, story.paragraphs[7]]
    places = [body.find(text.strip()) for text in order]
    assert -1 not in places, [t for t, at in zip(order, places, strict=True) if at < 0]
    assert places == sorted(places)


@pytest.mark.parametrize("story", [EN, DE], ids=["en", "de"])
def test_a_teaser_segment_between_the_segments_stays_out(story: Story) -> None:
    teaser = ("<h3><a href='/other/story'>An entirely different story about parking</a></h3>"
              "<p>Why the garages on the ring road stand empty on Sundays, and what the "
              "city plans to do about it before the summer season begins.</p>")
    body = _body(story, extra_gap=teaser)
    assert "parking" not in body and "garages" not in body
    assert story.headings[1] in body


@pytest.mark.parametrize("story", [EN, DE], ids=["en", "de"])
def test_a_link_line_between_the_segments_stays_out(story: Story) -> None:
    line = "<p><a href='/other/plan'>Read more: the city's office plan in numbers</a></p>"
    body = _body(story, extra_gap=line)
    assert "office plan in numbers" not in body
    assert story.headings[1] in body


@pytest.mark.parametrize("story", [EN, DE], ids=["en", "de"])
def test_the_heading_of_an_entry_whose_embed_is_gone_stays_out(story: Story) -> None:
    """A live-blog entry: a heading over an embedded post the cleaning prunes. As the page
    has it, the wrapper holds more than the heading: it is no subheading of the story."""
    entry = ("<h3>A plea from a restaurant</h3><div class='tweet' data-id='1'></div>")
    body = _body(story, extra_gap=entry)
    assert "A plea from a restaurant" not in body
    assert story.headings[1] in body


@pytest.mark.parametrize("story", [EN, DE], ids=["en", "de"])
def test_a_heading_after_the_last_segment_is_not_joined(story: Story) -> None:
    tail = _segment(story, "<h3>Our newsroom on the move</h3>")
    body = _body(story, tail=tail)
    assert "Our newsroom on the move" not in body
    assert story.paragraphs[7] in body


def test_a_left_out_reader_comment_is_not_joined() -> None:
    """Readers' comments in wrappers of the story's kind: readability's merge takes some
    (that is its call); one it left out (a link in it) is not joined to the story."""
    story = EN

    def comment(text: str) -> str:
        return (f"<article class='comment'><div class='{story.element}'><p>{text}</p></div>"
                "</article>")

    comments = (
        "<section id='comments' class='comments'>"
        + comment("I have worked in one of those towers for twelve years, and the floors were "
                  "empty long before the pandemic, so the review only says what we all knew, "
                  "and the council should have acted years ago instead of renting more space.")
        + comment("See <a href='https://blog.example.org/towers'>my post on the towers</a> "
                  "for the numbers the council left out of its review.")
        + comment("The savings will be eaten by the cost of moving, as always, and nobody will "
                  "ask about it next year when the budget comes round again, mark my words, "
                  "because this is how every one of these plans has ended in this city.")
        + "</section>"
    )
    body = _body(story, tail=comments)
    assert "my post on the towers" not in body
    assert story.paragraphs[7] in body
