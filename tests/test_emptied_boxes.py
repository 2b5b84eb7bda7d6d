"""What a cleaned box leaves behind: the heading of a box whose teasers were removed
("Mehr zum Thema X", "More on this story") goes with them, and short labels classed hidden
("Weitere Informationen" opening an info box) are no body text. Pages in several languages
and templates; the controls keep a subheading, a box that held only its line, a box whose
paragraphs readability moved next to the story's others, and text classed hidden that is
long or shown on wider screens."""

from __future__ import annotations

import pytest

from newscrawl.clean.article import build_page, extract_article, finish
from newscrawl.clean.boilerplate import remove_boilerplate
from newscrawl.clean.content import find_main_content
from newscrawl.clean.metadata import read_metadata

URL = "https://news.example.com/region/2024/heat-damage"
STORY = [
    "The heat wave in June caused serious damage to roads and rails across the region, the "
    "transport ministry said on Monday, as engineers finished their first survey.",
    "On the motorway between the two largest cities, the asphalt buckled in three places and "
    "lanes had to be closed for several days while crews repaired the surface.",
    "Rail tracks warped near the border, and trains were slowed to walking pace for a week, "
    "which the operator said had cost it more than two million euros in fares.",
    "The ministry wants to replace the most exposed stretches with materials that stand higher "
    "temperatures, a programme it expects to take ten years and cost half a billion.",
]


def _teaser(title: str, summary: str, n: int) -> str:
    return (f"<div class='teaser'><a href='/region/2024/story-{n}'><img src='/i/{n}.jpg' "
            f"alt=''></a><h3><a href='/region/2024/story-{n}'>{title}</a></h3>"
            f"<p>{summary}</p></div>")


TEASERS_EN = "".join(_teaser(t, s, n) for n, (t, s) in enumerate([
    ("Motorway bridge closed after cracks found", "Inspectors found cracks in two pillars."),
    ("Trains slowed again as tracks overheat", "The operator warns of delays all week."),
    ("Why asphalt melts and what helps", "Engineers explain the new road surfaces."),
]))
TEASERS_DE = "".join(_teaser(t, s, n) for n, (t, s) in enumerate([
    ("Autobahnbrücke nach Rissen gesperrt", "Prüfer fanden Risse in zwei Pfeilern."),
    ("Hitze bremst Züge erneut aus", "Die Bahn warnt vor Verspätungen."),
    ("Warum Asphalt schmilzt", "Ingenieure erklären die neuen Beläge."),
]))

TEASERS_FR = "".join(_teaser(t, s, n) for n, (t, s) in enumerate([
    ("Un pont d'autoroute fermé après des fissures", "Deux piliers sont touchés."),
    ("Les trains ralentis par la chaleur", "La compagnie prévoit des retards."),
    ("Pourquoi l'asphalte fond", "Les ingénieurs expliquent les nouveaux revêtements."),
]))


def _page(middle: str, end: str = "") -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY[:2]) + middle + "".join(
        f"<p>{p}</p>" for p in STORY[2:])
    return (f"<html><head><title>Heat damage</title></head><body><article>"
            f"<h1>Heat damage on roads and rails</h1>{story}{end}</article></body></html>")


def _body(html: str) -> str:
    body = extract_article(html, URL)["articleBody"]
    for p in STORY:
        assert p in body
    return body


@pytest.mark.parametrize(
    ("box", "label"),
    [
        # a heading that is a plain <div> (readability makes it a <p>), German
        (f"<div class='contentbox list'><div class='boxhead'>Mehr zum Thema Hitzeschäden</div>"
         f"{TEASERS_DE}</div>", "Mehr zum Thema Hitzeschäden"),
        (f"<div class='related-box'><div class='box-header'>More on the heat wave</div>"
         f"{TEASERS_EN}</div>", "More on the heat wave"),
        (f"<div class='bloc'><div class='bloc-titre'>Nos articles sur la canicule</div>"
         f"{TEASERS_FR}</div>", "Nos articles sur la canicule"),
        # an <h2> over teaser cards, English
        (f"<section class='more'><h2>Our coverage of the heat</h2>{TEASERS_EN}</section>",
         "Our coverage of the heat"),
        # a label in a <span> over teaser cards, French
        (f"<aside class='box'><span class='box-title'>Articles sur la canicule</span>"
         f"{TEASERS_FR}</aside>", "Articles sur la canicule"),
    ],
    ids=["de-div", "en-div", "fr-div", "en-h2", "fr-span"],
)
def test_the_heading_of_a_box_whose_teasers_were_removed_goes(box: str, label: str) -> None:
    body = _body(_page(box))
    assert label not in body


def test_a_subheading_over_story_paragraphs_stays() -> None:
    """A section whose heading stands over paragraphs that stay: nothing was emptied."""
    section = ("<section><h2>Repairs to take ten years</h2><p>The ministry has asked for a "
               "first tranche of money in next year's budget, a spokesman said.</p></section>")
    body = _body(_page(section))
    assert "Repairs to take ten years" in body


def test_a_box_that_held_only_its_line_stays() -> None:
    """A short line alone in its box as the page has it (a note, a dateline): the box lost
    nothing, so it is no emptied box."""
    body = _body(_page("<div class='note'><span>Updated on Tuesday at noon</span></div>"))
    assert "Updated on Tuesday at noon" in body


def test_a_heading_whose_text_was_moved_within_the_body_stays() -> None:
    """readability's segment merge (and the split-story joins) move a box's paragraphs next
    to the story's others: the box then holds its heading alone, but nothing of it was
    removed, and the heading stays. Here the move is made by hand between the stages."""
    section = ("<section class='chapter'><h2>Rails hit hardest near the border</h2>"
               "<p>Crews worked through three nights to straighten the warped tracks, and the "
               "line reopened on Sunday, a week later than planned, the operator said, adding "
               "that the speed limit on the stretch would stay in place until the autumn, when "
               "the rails are to be replaced by ones that stand higher temperatures.</p>"
               "</section>")
    page = build_page(_page(section), URL)
    read_metadata(page)
    find_main_content(page)
    assert page.body is not None
    chapter = next(el for el in page.body.iter("section") if el.get("class") == "chapter")
    page.body.append(chapter.find("p"))  # moved, as the merge does
    remove_boilerplate(page)
    body = finish(page)["articleBody"]
    assert "Rails hit hardest near the border" in body
    assert "Crews worked through three nights" in body


@pytest.mark.parametrize(
    "cls", ["hideCompletely", "hidden", "is-hidden", "u-hidden", "hide"],
)
def test_short_labels_classed_hidden_are_no_body_text(cls: str) -> None:
    box = (f"<div class='infobox'><span class='{cls}'>Weitere Informationen </span>"
           "<h3>Schäden in Zahlen</h3><p>Auf 40 Kilometern Autobahn musste der Belag nach "
           "der Hitzewelle erneuert werden, auf 12 Kilometern Schiene die Gleislage.</p>"
           f"<span class='{cls}'>Ende der weiteren Informationen</span></div>")
    body = _body(_page(box))
    assert "Weitere Informationen" not in body
    assert "Ende der weiteren" not in body
    assert "Schäden in Zahlen" in body


@pytest.mark.parametrize(
    "kept",
    [
        # Tailwind: hidden on phones, a block from the md breakpoint on
        "<p class='hidden md:block'>Engineers finished the survey on Friday.</p>",
        # Bootstrap's responsive form: shown on wider screens
        "<p class='hidden-xs'>Engineers finished the survey on Friday.</p>",
        # a long block so classed: a part a script unfolds, not a label
        "<div class='hidden'><p>Engineers finished the survey on Friday, and the ministry "
        "published the full list of damaged stretches on its website.</p></div>",
        # a class merely holding the letters
        "<p class='hidden-gem-note'>Engineers finished the survey on Friday.</p>",
    ],
)
def test_text_classed_hidden_that_is_no_short_label_stays(kept: str) -> None:
    body = _body(_page(kept))
    assert "Engineers finished the survey on Friday" in body
