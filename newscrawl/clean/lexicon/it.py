"""Italian."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="it",
    name="Italian",
    rail_labels=(
        "leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati",
        "notizie correlate", "i più letti", "più letti", "altre notizie", "ultime notizie",
        "correlati", "da non perdere", "in evidenza",
    ),
    tag_labels=("argomenti", "parole chiave", "categorie", "tag"),
    follow_phrases=("seguici", "seguiteci"),
    ad_labels=("pubblicità",),
    pitch_verbs=("iscriviti",),
    comment_words=("commenti",),
    moderation_words=("moderati", "moderazione", "moderatore", "essere approvat"),
    slide_words=("foto",),
    slide_of=("di",),
    byline_verbs=("pubblicato", "scritto"),
    published_by=("da",),
    credit_words=("foto",),
    published_labels=("pubblicato", "pubblicata"),
    modified_labels=("aggiornato", "aggiornata", "ultima modifica", "modificato"),
    original_labels=(
        "pubblicato originariamente", "pubblicato per la prima volta", "pubblicato originalmente",
    ),
    registered_labels=("iscritto", "iscritta"),
    ago_after="fa",
    one_words=("un", "una", "uno"),
    time_units={
        "secondo": S, "secondi": S,
        "minuto": M, "minuti": M,
        "ora": H, "ore": H,
        "giorno": D, "giorni": D,
        "settimana": V, "settimane": V, "mese": V, "mesi": V, "anno": V, "anni": V,
    },
    day_words={"oggi": 0, "ieri": 1},
    months_on_every_page=True,
    byline_prefixes=("di", "autore", "testo", "a cura di"),
    author_joiners=("e",),
    not_names=(
        "il", "gli", "per", "con", "tutti", "articoli", "giornalista", "redattore",
        "redattrice", "corrispondente", "editorialista", "nostro", "nostra",
    ),
    ordinal_suffixes=("º", "°"),
    author_more_links=("altri articoli di", "tutti gli articoli di"),
    bot_check_phrases=(
        "stiamo verificando il tuo browser", "verifica del browser", "abilita javascript",
        "attiva javascript", "javascript è disabilitato",
    ),
    consent_titles=("rispettiamo la tua privacy", "la tua privacy", "informativa sui cookie",
        "gestione dei cookie", "prima di continuare"),
    consent_terms=("cookie", "partner", "consenso", "dati personali", "interesse legittimo",
        "dispositivo", "identificatori", "pubblicità personalizzata", "preferenze",
        "accetta tutto", "rifiuta tutto"),
    consent_accept_labels=(
        "accetta", "accetta tutto", "accetta tutti", "accetto", "accetta e continua",
        "accetta e chiudi", "accetta i cookie", "consenti tutti", "sono d'accordo",
    ),
    not_found_titles=(
        "pagina non trovata", "errore 404", "pagina non esiste", "pagina non è stata trovata",
    ),
    reading_time_words=(
        "tempo di lettura", "di lettura", "minuti di lettura", "min di lettura", "lettura",
    ),
    affiliate_disclosures=(
        "riceviamo una commissione", "potremmo ricevere una commissione",
    ),
    service_link_texts=('note legali', 'chi siamo', 'contatti'),
    next_page_texts=('successiva',),
    taxonomy_path_words=('autore',),
    author_bio_labels=(
        "sull'autore", "sull’autore", "sull'autrice", "sull’autrice", "l'autore", "l’autore",
        "l'autrice", "l’autrice", "gli autori",
    ),
    adjacent_article_labels=(
        "articolo precedente", "articolo successivo",
    ),
    one_letter_words=("a", "e", "è", "i", "o"),
    non_author_labels=("fotografie", "illustrazione", "video",),
    desk_words=("redazione", "agenzie",),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        **not_collected(
            "service_path_words",
            "clock_words", "month_year_joiners",
            "newsletter_words", "subscribe_calls", "staff_credits",
            "coverage_leads", "coverage_nouns", "contact_verbs",
            "contact_roles", "contact_prepositions", "consent_phrases", "paywall_phrases",
            "credit_by", "provided_by", "time_connectors",
        ),
        "pitch_address": "no newsletter words collected yet, so no pitches to read",
        "half_day_words": "the 24-hour clock is the rule",
        "day_month_joiners": 'none written ("2 dicembre 2024")',
    },
)
