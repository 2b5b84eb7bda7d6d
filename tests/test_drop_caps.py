"""Drop caps: the large first letter of a story, set in an element of its own. Its layout
often leaves a space the reader never sees between the letter and the rest of its word
("N a endlich!" reads "Na endlich!"); the body text joins them, unless the letter is a
word of the page's language ("A man")."""

from __future__ import annotations

import pytest

from newscrawl.clean.article import extract_article

URL = "https://news.example.org/2024/05/story"
FILLER = {
    "de": "Der Stadtrat hat am Mittwoch nach langer Debatte über den Haushalt für das "
          "kommende Jahr abgestimmt und die Pläne für die neue Bibliothek gebilligt.",
    "en": "The council voted on Wednesday after a long debate about next year's budget and "
          "approved the plans for the new library in the old railway station.",
    "fr": "Le conseil municipal a voté mercredi après un long débat sur le budget de l'année "
          "prochaine et a approuvé les plans de la nouvelle bibliothèque.",
    "es": "El ayuntamiento votó el miércoles tras un largo debate sobre el presupuesto del "
          "año próximo y aprobó los planes de la nueva biblioteca municipal.",
    "it": "La giunta ha votato mercoledì dopo un lungo dibattito sul bilancio del prossimo "
          "anno e ha approvato i piani per la nuova biblioteca comunale.",
    "nl": "De gemeenteraad stemde woensdag na een lang debat over de begroting van volgend "
          "jaar in met de plannen voor de nieuwe bibliotheek in het oude station.",
    "pt": "A câmara municipal votou na quarta-feira depois de um longo debate sobre o "
          "orçamento do próximo ano e aprovou os planos da nova biblioteca.",
}


def _body(lang: str, first: str) -> str:
    paragraphs = "".join(f"<p>{FILLER[lang]}</p>" for _ in range(4))
    page = (
        f"<html lang='{lang}'><head><title>Budget</title></head><body><article>"
        f"<h1>Budget approved after a long night</h1>{first}{paragraphs}</article></body></html>"
    )
    return extract_article(page, URL)["articleBody"]


@pytest.mark.parametrize(
    ("lang", "first", "opening"),
    [
        # taz-style: the letter in nested spans, a space, the rest of the word in a span
        ("de", '<p class="Initial paragraph"><span class="initial-letter-outer"><span '
               'class="initial-letter typo-r-initial">N</span></span> <span class="is-inline">'
               "a endlich! Es gibt einen Entwurf für das Gesetz.</span></p>",
         "Na endlich! Es gibt"),
        ("en", '<p><span class="dropcap">T</span> he mayor said the vote came after months of '
               "talks.</p>", "The mayor said"),
        ("fr", '<p><span class="lettrine">L</span>\n e maire a salué le vote après des mois de '
               "discussions.</p>", "Le maire a salué"),
        ("es", '<p><span class="drop-cap">E</span>&nbsp;l alcalde celebró la votación tras '
               "meses de conversaciones.</p>", "El alcalde celebró"),
        ("it", '<p><span class="capolettera dropCap">L</span> a sindaca ha accolto il voto dopo '
               "mesi di trattative.</p>", "La sindaca ha accolto"),
        ("nl", '<p><span class="first-letter">D</span> e burgemeester was blij met de '
               "stemming.</p>", "De burgemeester was"),
        # a word set in capitals after the letter (an agency dateline)
        ("en", '<p><span class="drop-cap"><span class="drop-cap__inner">W</span></span> '
               "ASHINGTON — The mayor said the vote came after months of talks.</p>",
         "WASHINGTON — The mayor"),
        # an opening quote before the letter
        ("de", '<p>„<span class="versal">W</span> ir haben lange verhandelt“, sagte die '
               "Bürgermeisterin.</p>", "„Wir haben lange"),
    ],
)
def test_a_drop_cap_joins_the_rest_of_its_word(lang: str, first: str, opening: str) -> None:
    assert _body(lang, first).startswith(opening)


@pytest.mark.parametrize(
    ("lang", "first", "opening"),
    [
        # the letter is a word of the page's language
        ("en", '<p><span class="dropcap">A</span> man who watched the vote said it was '
               "fair.</p>", "A man who watched"),
        ("en", '<p><span class="dropcap">I</span> was there when the council voted on the '
               "budget.</p>", "I was there"),
        ("pt", '<p><span class="drop-cap">O</span> prefeito disse que a votação foi justa.'
               "</p>", "O prefeito disse"),
        ("fr", '<p><span class="lettrine">A</span> l\'issue du vote, le maire a parlé.</p>',
         "A l'issue du vote"),
        # the next word is a word of its own (a capital, a number)
        ("en", '<p><span class="dropcap">N</span> Europe is watching the vote, the mayor '
               "said.</p>", "N Europe is watching"),
        # written without a space: nothing to join, nothing added
        ("en", '<p><span class="dropcap">T</span>he mayor said the vote came after months of '
               "talks.</p>", "The mayor said"),
        # a capital in an "initial"-classed span inside a sentence: an abbreviation, a name
        ("de", '<p>Der Plan <span class="initial">B</span> wurde am Abend verworfen, sagte '
               "die Bürgermeisterin.</p>", "Der Plan B wurde"),
        # not a drop cap's class
        ("de", '<p><span class="highlight">N</span> a endlich, sagte die Bürgermeisterin.</p>',
         "N a endlich"),
    ],
)
def test_a_letter_that_is_a_word_or_no_drop_cap_stays_apart(
    lang: str, first: str, opening: str
) -> None:
    assert _body(lang, first).startswith(opening)


def test_the_language_unknown_a_letter_that_is_a_word_somewhere_stays_apart() -> None:
    """Without a declared language, a letter that is a word in some language ("I": Swedish,
    Italian, Polish "in/the/and") is left as written; any other letter joins its word."""
    from lxml.html import fragment_fromstring

    from newscrawl.clean.render import to_blocks

    def text(html: str) -> str:
        return to_blocks(fragment_fromstring(html), None)[0].text

    assert text('<div><p><span class="dropcap">I</span> n 2020</p></div>') == "I n 2020"
    assert text('<div><p><span class="dropcap">B</span> ei Nacht</p></div>') == "Bei Nacht"
