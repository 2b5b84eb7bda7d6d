"""French."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="fr",
    name="French",
    rail_labels=(
        "à lire aussi", "a lire aussi", "les plus lus", "sur le même sujet", "voir aussi",
        "lire aussi", "articles liés", "articles similaires", "à voir aussi",
        "nos derniers articles", "les plus populaires", "dans la même rubrique",
    ),
    ad_labels=("publicité",),
    pitch_verbs=("abonnez", "inscrivez"),
    subscribe_calls=("abonnez-vous",),
    comment_words=("commentaires",),
    slide_words=("photo",),
    slide_of=("sur",),
    byline_verbs=("publié", "écrit"),
    published_by=("par",),
    paywall_phrases=("vous devez être abonné",),
    credit_words=("crédit photo", "crédit", "photo"),
    byline_prefixes=("par", "auteur",),
    published_labels=("publié", "mis en ligne", "mise en ligne"),
    modified_labels=("mis à jour", "dernière modification", "modifié le", "actualisé"),
    original_labels=("publié initialement", "initialement publié", "première publication"),
    registered_labels=("inscrit le", "inscrite le", "inscrit depuis", "inscrite depuis"),
    time_connectors=("à",),
    ago_before="il y a",
    one_words=("un", "une"),
    time_units={
        "seconde": S, "secondes": S,
        "minute": M, "minutes": M, "min": M,
        "heure": H, "heures": H, "h": H,
        "jour": D, "jours": D,
        "semaine": V, "semaines": V, "mois": V, "an": V, "ans": V,
    },
    day_words={"aujourd'hui": 0, "hier": 1, "avant-hier": 2},
    own_language_day_words=("hier", "avant-hier"),
    months_on_every_page=True,
    author_joiners=("et",),
    not_names=(
        "les", "pour", "avec", "tous", "articles", "journaliste", "rédacteur",
        "rédactrice", "correspondant", "correspondante", "chroniqueur", "chroniqueuse",
        "suis",
    ),
    clock_words=("h",),
    ordinal_suffixes=("er", "e"),
    pitch_address=("vous", "votre", "vos", "notre", "nos"),
    author_more_links=("du même auteur", "tous les articles de", "autres articles de",
        "voir tous ses articles", "plus d'articles de"),
    consent_titles=("nous respectons votre vie privée", "vos choix concernant les cookies",
        "votre vie privée", "respect de votre vie privée", "gestion des cookies",
        "paramétrer les cookies", "paramètres de confidentialité", "gérer mes choix"),
    consent_terms=("cookies", "partenaires", "consentement", "votre accord",
        "données personnelles", "intérêt légitime", "appareil", "identifiants",
        "publicité personnalisée", "publicités personnalisées", "finalités", "traceurs",
        "politique de confidentialité", "continuer sans accepter", "personnaliser"),
    reading_time_words=(
        "temps de lecture", "de lecture", "min de lecture", "minutes de lecture", "lecture",
    ),
    gaps={
        "published_after": "the label stands before the date",
        **not_collected(
            "newsletter_words", "staff_credits", "follow_phrases", "coverage_leads",
            "coverage_nouns", "contact_verbs", "contact_roles", "contact_prepositions",
            "moderation_words", "consent_phrases", "credit_by", "provided_by", ),
        "half_day_words": "the 24-hour clock is the rule",
        "day_month_joiners": 'none written ("1er décembre 2024")',
        "month_year_joiners": 'none written ("1er décembre 2024")',
    },
)
