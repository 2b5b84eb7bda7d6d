"""Dutch."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="nl",
    name="Dutch",
    rail_labels=(
        "lees ook", "meest gelezen", "gerelateerde artikelen", "gerelateerd", "meer nieuws",
        "ook interessant", "lees meer", "aanbevolen", "laatste nieuws",
    ),
    tag_labels=("trefwoorden", "onderwerpen", "categorieën", "tags"),
    follow_phrases=("volg ons",),
    ad_labels=("advertentie", "advertenties"),
    slide_words=("foto",),
    credit_words=("foto",),
    published_labels=("gepubliceerd",),
    published_after=("gepubliceerd", "geplaatst"),
    modified_labels=("bijgewerkt", "laatst gewijzigd", "gewijzigd"),
    original_labels=("oorspronkelijk gepubliceerd", "eerder gepubliceerd", "eerst gepubliceerd"),
    registered_labels=("lid sinds",),
    time_connectors=("om",),
    ago_after="geleden",
    one_words=("een",),
    time_units={
        "seconde": S, "seconden": S,
        "minuut": M, "minute": M, "minuten": M,
        "uur": H, "uren": H,
        "dag": D, "dagen": D,
        "week": V, "weken": V, "maand": V, "maanden": V, "jaar": V, "jaren": V,
    },
    day_words={"vandaag": 0, "gisteren": 1},
    months_on_every_page=True,
    byline_prefixes=("door", "auteur", "tekst"),
    author_joiners=("en",),
    not_names=(
        "het", "voor", "met", "alle", "artikelen", "redacteur", "verslaggever", "correspondent",
        "columnist", "onze",
    ),
    ordinal_suffixes=("e",),
    author_more_links=("meer van deze auteur", "meer artikelen van"),
    bot_check_phrases=(
        "we controleren je browser", "uw browser wordt gecontroleerd", "schakel javascript in",
        "javascript is uitgeschakeld",
    ),
    consent_titles=("wij respecteren je privacy", "wij respecteren uw privacy", "uw privacy",
        "je privacy", "cookie-instellingen", "cookies op deze website"),
    consent_terms=("cookies", "partners", "toestemming", "persoonsgegevens",
        "gerechtvaardigd belang", "apparaat", "voorkeuren", "alles accepteren", "alles weigeren"),
    consent_accept_labels=(
        "akkoord", "accepteren", "alles accepteren", "accepteer", "accepteer alles",
        "ik ga akkoord", "akkoord en doorgaan", "alle cookies accepteren", "alles toestaan",
    ),
    not_found_titles=(
        "pagina niet gevonden", "fout 404", "pagina bestaat niet",
        "pagina kon niet worden gevonden",
    ),
    reading_time_words=("leestijd", "min lezen", "minuten lezen"),
    author_bio_labels=(
        "over de auteur", "over de auteurs", "over de schrijver", "de auteur",
    ),
    adjacent_article_labels=(
        "vorig artikel", "volgend artikel", "vorig bericht", "volgend bericht",
    ),
    one_letter_words=("u",),
    non_author_labels=("foto's", "fotografie", "illustratie", "video", "beeld",),
    desk_words=("redactie",),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        **not_collected(
            "affiliate_disclosures",
            "service_link_texts", "next_page_texts", "service_path_words", "taxonomy_path_words",
            "clock_words",
            "newsletter_words", "pitch_verbs", "subscribe_calls",
            "staff_credits", "coverage_leads", "coverage_nouns",
            "contact_verbs", "contact_roles", "contact_prepositions", "comment_words",
            "moderation_words", "slide_of", "byline_verbs", "published_by",
            "consent_phrases", "paywall_phrases", "credit_by", "provided_by", ),
        "pitch_address": "no newsletter words collected yet, so no pitches to read",
        "half_day_words": "the 24-hour clock is the rule",
        "day_month_joiners": 'none written ("2 december 2024")',
        "month_year_joiners": 'none written ("2 december 2024")',
    },
)
