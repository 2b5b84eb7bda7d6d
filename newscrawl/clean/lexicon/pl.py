"""Polish."""

from .model import Language, not_collected

_DATEPARSER = "read from dateparser's locale data (dates/relative.py: translated relative dates)"

LANGUAGE = Language(
    code="pl",
    name="Polish",
    tag_labels=("tagi", "tematy", "słowa kluczowe", "kategorie", "kategoria"),
    follow_phrases=("obserwuj nas", "śledź nas", "polub nas", "dołącz do nas"),
    rail_labels=(
        "czytaj także", "czytaj też", "zobacz także", "zobacz też", "przeczytaj także",
        "przeczytaj też", "polecane", "polecamy", "najczęściej czytane", "najpopularniejsze",
        "powiązane artykuły", "podobne artykuły", "czytaj więcej", "najnowsze",
        "najnowsze artykuły", "warto przeczytać", "może cię zainteresować",
    ),
    ad_labels=(
        "reklama", "artykuł sponsorowany", "materiał sponsorowany", "materiał partnera",
        "materiał promocyjny",
    ),
    newsletter_words=("newslettera", "newsletterze", "newsletterem"),
    # "zapisz" alone is also "save" / "write down": only the sign-up call
    pitch_verbs=("zapisz się", "zapisz sie", "subskrybuj", "zasubskrybuj"),
    subscribe_calls=("subskrybuj", "zasubskrybuj", "zaprenumeruj", "wykup subskrypcję"),
    # The notice's own words: "komentarze" alone meets other languages' "moderator" in a
    # story ("Komentarze polityków po debacie, którą prowadził moderator")
    comment_words=("komentarze są", "komentarze podlegają", "wszystkie komentarze"),
    moderation_words=("moderowane", "moderacji"),
    slide_words=("zdjęcie", "slajd"),
    slide_of=("z",),
    byline_verbs=("opublikowano", "opublikowane", "dodano", "dodane", "napisane"),
    published_by=("przez",),
    # "nasz" (our) alone speaks in every quote: the site's newsletter, the reader's inbox
    pitch_address=(
        "naszego newslettera", "nasz newsletter", "naszym newsletterze", "twoją skrzynkę",
        "twoją skrzynkę mailową", "twojej skrzynki",
    ),
    author_bio_labels=("o autorze", "o autorce", "o autorach"),
    adjacent_article_labels=(
        "poprzedni artykuł", "następny artykuł", "poprzedni wpis", "następny wpis",
        "poprzedni post", "następny post",
    ),
    reading_time_words=("czas czytania", "min czytania", "minut czytania", "min. czytania"),
    one_letter_words=("a", "i", "o", "u", "w", "z"),
    bot_check_phrases=(
        "sprawdzanie przeglądarki", "włącz javascript", "javascript jest wyłączony",
    ),
    consent_titles=(
        "twoja prywatność", "szanujemy twoją prywatność", "dbamy o twoją prywatność",
        "ustawienia prywatności", "ustawienia plików cookie",
    ),
    consent_terms=(
        "plików cookies", "pliki cookies", "plików cookie", "partnerzy", "partnerów", "zgoda",
        "zgodę", "zgody", "zgodą", "dane osobowe", "danych osobowych",
        "prawnie uzasadniony interes",
    ),
    consent_accept_labels=(
        "zgadzam się", "akceptuję", "zaakceptuj", "akceptuję i przechodzę do serwisu",
        "przejdź do serwisu", "akceptuj wszystkie", "zaakceptuj wszystkie",
    ),
    not_found_titles=("nie znaleziono strony", "strona nie została znaleziona",
                      "strona nie istnieje", "błąd 404"),
    # "Fot. PAP/Radek Pietruszka": the abbreviation's dot is the label's separator
    credit_words=("fot.", "fot", "zdj.", "zdjęcie", "źródło zdjęcia", "źródło zdjęcia głównego"),
    byline_prefixes=("przez", "tekst", "autor", "autorka"),
    author_joiners=("i", "oraz"),
    not_names=(
        "redaktor", "redaktorka", "dziennikarz", "dziennikarka", "korespondent",
        "korespondentka", "reporterka", "publicysta", "publicystka", "felietonista",
        "felietonistka",
    ),
    non_author_labels=("zdjęcia", "ilustracje", "grafika", "wideo"),
    desk_words=("redakcja",),
    published_labels=("opublikowano", "data publikacji", "dodano", "data dodania"),
    modified_labels=(
        "zaktualizowano", "aktualizacja", "ostatnia aktualizacja", "data aktualizacji",
    ),
    original_labels=("pierwotnie opublikowano", "pierwsza publikacja"),
    registered_labels=("zarejestrowany", "zarejestrowana", "w serwisie od"),
    # "2 grudnia 2024 o 10:40", "02.12.2024, godz. 10:40"
    time_connectors=("o", "godz.", "godz"),
    service_link_texts=(
        "polityka prywatności", "regulamin", "kontakt", "o nas", "redakcja", "reklama",
        "zaloguj się", "zaloguj", "zarejestruj się", "prenumerata", "mapa strony",
    ),
    next_page_texts=("następna", "następna strona", "dalej", "starsze wpisy", "następne"),
    service_path_words=(
        "polityka-prywatnosci", "regulamin", "kontakt", "o-nas", "redakcja", "reklama",
    ),
    taxonomy_path_words=("tagi", "temat", "tematy", "autor", "autorzy"),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        "staff_credits": 'credits are label lines ("Opracowanie: X") or an agency in '
                         'brackets ("(PAP)")',
        "half_day_words": "the 24-hour clock is the rule",
        "clock_words": 'none written after the time ("o 10:40")',
        "ordinal_suffixes": 'none written ("2 grudnia 2024")',
        "day_month_joiners": 'none written ("2 grudnia 2024")',
        "month_year_joiners": 'none written ("2 grudnia 2024")',
        "credit_by": 'none written ("Fot. PAP", "Zdjęcie: X")',
        "ago_phrase": _DATEPARSER, "one_words": _DATEPARSER, "time_units": _DATEPARSER,
        "day_words": _DATEPARSER,
        **not_collected(
            "coverage_leads", "coverage_nouns", "contact_verbs", "contact_roles",
            "contact_prepositions", "consent_phrases", "paywall_phrases", "provided_by",
            "author_more_links", "affiliate_disclosures",
        ),
    },
)
