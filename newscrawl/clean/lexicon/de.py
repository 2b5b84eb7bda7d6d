"""German."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="de",
    name="German",
    tag_labels=(
        "schlagwörter", "schlagworte", "stichwörter", "stichworte", "themen", "kategorien",
        "kategorisiert unter", "tags",
    ),
    follow_phrases=("folgen sie uns", "folge uns", "folgt uns"),
    rail_labels=(
        "meistgelesen", "meistgelesene artikel", "das könnte sie auch interessieren",
        "weitere artikel", "mehr zum thema", "auch interessant", "lesen sie auch",
        "lesen sie mehr", "empfehlungen", "verwandte artikel", "top-themen",
        "neueste artikel", "das könnte dich auch interessieren", "themen", "schlagworte",
    ),
    ad_labels=("anzeige", "werbung"),
    pitch_verbs=("abonnieren", "anmelden", "anmeldung"),
    subscribe_calls=("abonnieren",),
    comment_words=("kommentare",),
    moderation_words=("freigeschaltet", "moderiert"),
    slide_words=("bild", "foto"),
    slide_of=("von",),
    byline_verbs=("veröffentlicht", "geschrieben"),
    published_by=("von",),
    paywall_phrases=("abonnieren sie", "jetzt abonnieren"),
    credit_words=("foto", "bild"),
    byline_prefixes=("von", "vom", "autor", "autorin", "verfasser",),
    published_labels=(
        "veröffentlicht", "erschienen", "erstellt", "publiziert", "gepostet",
    ),
    published_after=("gepostet", "veröffentlicht", "erschienen", "publiziert", "erstellt"),
    modified_labels=("aktualisiert", "geändert", "änderung", "zuletzt"),
    original_labels=(
        "erstmals veröffentlicht", "erstveröffentlichung", "zuerst erschienen",
        "erstmals erschienen",
    ),
    registered_labels=("registriert", "registriert seit", "mitglied seit", "dabei seit"),
    time_connectors=("um",),
    ago_before="vor",
    one_words=("eine", "einer", "einem"),
    time_units={
        "sekunde": S, "sekunden": S,
        "minute": M, "minuten": M, "min": M, "min.": M,
        "std": H, "std.": H, "stunde": H, "stunden": H,
        "tag": D, "tagen": D,
        "woche": V, "wochen": V, "monat": V, "monaten": V, "jahr": V, "jahren": V,
    },
    day_words={"heute": 0, "gestern": 1, "vorgestern": 2},
    months_on_every_page=True,
    author_joiners=("und",),
    not_names=(
        "die", "das", "des", "dem", "im", "für", "mit", "zur", "zum", "alle", "alles", "beiträge",
        "artikel", "artikelübersicht", "übersicht", "weitere", "informationen", "mehr",
        "nachricht", "nachrichten", "quelle", "pressemitteilung", "redakteur", "redakteurin",
        "chefredakteur", "chefredakteurin", "kolumnist", "kolumnistin", "korrespondent",
        "korrespondentin", "autoren", "fotograf", "eingestellt",
    ),
    clock_words=("uhr", "h"),
    pitch_address=(
        "ihr postfach", "ihren posteingang", "ihre e-mail-adresse", "dein", "deine", "deinen",
        "dich", "unser", "unsere", "unseren", "unserem", "ihrem postfach",
    ),
    author_more_links=("weitere artikel von", "alle artikel von", "mehr von diesem autor",
        "mehr artikel von", "weitere beiträge von", "alle beiträge von"),
    consent_titles=("wir brauchen ihre zustimmung", "datenschutzeinstellungen",
        "datenschutz-einstellungen", "ihre privatsphäre", "wir respektieren ihre privatsphäre",
        "cookie-einstellungen", "zustimmung erforderlich", "ihre einwilligung"),
    consent_terms=("cookies", "partner", "partnern", "einwilligung", "zustimmung",
        "personenbezogene daten", "personenbezogenen daten", "berechtigtes interesse",
        "berechtigten interesse", "endgerät", "gerät", "widerrufen", "widersprechen", "tracking",
        "personalisierte werbung", "datenschutzerklärung", "einstellungen"),
    consent_accept_labels=(
        "akzeptieren", "alle akzeptieren", "alles akzeptieren", "zustimmen", "alle zustimmen",
        "zustimmen und weiter", "akzeptieren und weiter", "einverstanden", "alle zulassen",
        "alle cookies akzeptieren", "ich stimme zu", "ich bin einverstanden",
    ),
    not_found_titles=(
        "seite nicht gefunden", "nicht gefunden", "fehler 404", "404 fehler",
        "seite existiert nicht", "seite wurde nicht gefunden",
        "seite konnte nicht gefunden werden", "seite gibt es nicht",
    ),
    reading_time_words=(
        "lesezeit", "lesedauer", "min. lesezeit", "minuten lesezeit", "min lesezeit",
    ),
    affiliate_disclosures=(
        "erhalten wir eine provision", "erhalten wir eine kleine provision",
        "bekommen wir eine provision", "erhalten wir ggf. eine provision",
        "erhalten wir gegebenenfalls eine provision",
    ),
    service_link_texts=('impressum', 'datenschutz', 'datenschutzerklärung', 'kontakt', 'agb',
        'barrierefreiheit', 'abo', 'anmelden'),
    next_page_texts=('weiter', 'nächste', 'nächste seite', 'ältere artikel', 'ältere beiträge'),
    service_path_words=('impressum', 'datenschutz'),
    taxonomy_path_words=('thema', 'themen', 'schlagwort', 'schlagworte', 'autor', 'autoren'),
    author_bio_labels=(
        "die autorin", "der autor", "die autoren", "die autorinnen", "über den autor",
        "über die autorin", "über die autoren", "zum autor", "zur autorin", "zu den autoren",
    ),
    adjacent_article_labels=(
        "vorheriger artikel", "nächster artikel", "vorheriger beitrag", "nächster beitrag",
        "voriger artikel", "voriger beitrag",
    ),
    gaps={
        "one_letter_words": "German has no words of one letter",
        **not_collected(
            "newsletter_words", "staff_credits", "coverage_leads",
            "coverage_nouns", "contact_verbs", "contact_roles", "contact_prepositions",
            "consent_phrases", "credit_by", "provided_by", ),
        "half_day_words": "the 24-hour clock is the rule",
        "ordinal_suffixes": 'a day number takes a dot ("2. Dezember"), read by every pattern',
        "day_month_joiners": 'none written ("2. Dezember 2024")',
        "month_year_joiners": 'none written ("2. Dezember 2024")',
    },
)
