"""Portuguese."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="pt",
    name="Portuguese",
    rail_labels=(
        "leia também", "leia tambem", "veja também", "veja tambem", "mais lidas", "mais lidos",
        "notícias relacionadas", "noticias relacionadas", "relacionadas", "saiba mais",
        "últimas notícias", "mais notícias", "você pode gostar", "recomendados",
    ),
    tag_labels=("tags", "palavras-chave", "temas", "categorias", "assuntos"),
    follow_phrases=("siga-nos", "segue-nos", "siga a gente"),
    ad_labels=("publicidade",),
    pitch_verbs=("inscreva", "assine"),
    subscribe_calls=("assine", "inscreva-se"),
    comment_words=("comentários",),
    moderation_words=("moderad", "ser aprovad"),
    slide_words=("foto",),
    slide_of=("de",),
    byline_verbs=("publicado", "publicada", "escrito"),
    published_by=("por",),
    credit_words=("foto",),
    byline_prefixes=("por", "autor", "texto"),
    published_labels=("publicado", "publicada"),
    modified_labels=("atualizado", "atualizada", "última atualização", "modificado"),
    original_labels=(
        "publicado originalmente", "publicada originalmente", "publicado pela primeira vez",
    ),
    registered_labels=("registrado", "registrada"),
    time_connectors=("às",),
    ago_before="há",
    one_words=("um", "uma"),
    time_units={
        "segundo": S, "segundos": S,
        "minuto": M, "minutos": M,
        "hora": H, "horas": H,
        "dia": D, "dias": D,
        "semana": V, "semanas": V, "mês": V, "meses": V, "ano": V, "anos": V,
    },
    day_words={"hoje": 0, "ontem": 1},
    months_on_every_page=True,
    author_joiners=("e",),
    not_names=(
        "os", "para", "com", "todos", "artigos", "publicado", "jornalista", "redator",
        "redatora", "correspondente", "colunista", "nosso", "nossa",
    ),
    clock_words=("h",),
    ordinal_suffixes=("º", "ª", "°"),
    day_month_joiners=("de",),
    month_year_joiners=("de",),
    author_more_links=("mais artigos de", "outros artigos de"),
    bot_check_phrases=(
        "a verificar o seu navegador", "verificando o seu navegador", "ative o javascript",
        "ativar o javascript", "javascript está desativado",
    ),
    consent_titles=("respeitamos a sua privacidade", "a sua privacidade", "sua privacidade",
        "configurações de cookies", "antes de continuar"),
    consent_terms=("cookies", "parceiros", "consentimento", "dados pessoais",
        "interesse legítimo", "dispositivo", "identificadores", "publicidade personalizada",
        "preferências", "aceitar tudo", "rejeitar tudo"),
    consent_accept_labels=(
        "aceitar", "aceitar tudo", "aceitar todos", "aceito", "concordo", "aceitar e fechar",
        "aceitar e continuar", "aceitar cookies", "permitir todos",
    ),
    not_found_titles=(
        "página não encontrada", "erro 404", "página não existe", "página não foi encontrada",
    ),
    reading_time_words=(
        "tempo de leitura", "de leitura", "minutos de leitura", "min de leitura", "leitura",
    ),
    affiliate_disclosures=(
        "recebemos uma comissão", "podemos receber uma comissão",
    ),
    service_link_texts=('termos de uso',),
    next_page_texts=('próxima',),
    author_bio_labels=(
        "sobre o autor", "sobre a autora", "sobre os autores", "o autor", "a autora",
    ),
    adjacent_article_labels=(
        "artigo anterior", "próximo artigo", "post anterior", "próximo post",
    ),
    one_letter_words=("a", "à", "e", "é", "o", "ó"),
    non_author_labels=("fotos", "fotografia", "ilustração", "vídeo", "edição",),
    desk_words=("redação", "agências",),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        **not_collected(
            "service_path_words", "taxonomy_path_words",
            "newsletter_words", "staff_credits",
            "coverage_leads", "coverage_nouns", "contact_verbs", "contact_roles",
            "contact_prepositions", "consent_phrases", "paywall_phrases", "credit_by",
            "provided_by", ),
        "pitch_address": "no newsletter words collected yet, so no pitches to read",
        "half_day_words": "the 24-hour clock is the rule",
    },
)
