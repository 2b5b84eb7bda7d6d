"""Spanish."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="es",
    name="Spanish",
    tag_labels=("etiquetas", "temas", "palabras clave", "categorías"),
    follow_phrases=("síguenos", "siguenos", "síganos"),
    rail_labels=(
        "lo más leído", "lo mas leido", "te puede interesar", "noticias relacionadas",
        "más noticias", "te recomendamos", "también te puede interesar", "lo más visto",
        "artículos relacionados", "temas", "etiquetas",
    ),
    ad_labels=("publicidad",),
    pitch_verbs=("suscríbete", "suscribete"),
    subscribe_calls=("suscríbete", "suscribete"),
    comment_words=("comentarios",),
    moderation_words=("moderad", "ser aprobad"),
    slide_words=("imagen", "foto"),
    slide_of=("de",),
    byline_verbs=("publicado", "publicada", "escrito"),
    published_by=("por",),
    paywall_phrases=("suscríbete para seguir leyendo",),
    credit_words=("foto",),
    byline_prefixes=("por", "autor", "texto"),
    published_labels=("publicado", "publicada"),
    modified_labels=(
        "actualizado", "actualización", "última modificación", "modificado",
    ),
    original_labels=(
        "publicado originalmente", "publicado por primera vez", "publicada originalmente",
    ),
    registered_labels=("registrado", "registrada"),
    time_connectors=("a las",),
    ago_before="hace",
    one_words=("un", "una"),
    time_units={
        "segundo": S, "segundos": S,
        "minuto": M, "minutos": M, "min": M,
        "hora": H, "horas": H, "h": H,
        "día": D, "días": D, "dia": D, "dias": D,
        "semana": V, "semanas": V, "mes": V, "meses": V, "año": V, "años": V,
    },
    day_words={"hoy": 0, "ayer": 1, "anteayer": 2},
    months_on_every_page=True,
    author_joiners=("y",),
    not_names=(
        "los", "las", "para", "con", "todos", "artículos", "publicado", "periodista",
        "redactor", "redactora", "corresponsal", "columnista", "nuestro", "nuestra",
    ),
    clock_words=("h",),
    ordinal_suffixes=("º", "ª", "°"),
    day_month_joiners=("de",),
    month_year_joiners=("de", "del"),
    pitch_address=(
        "tu", "tus", "te", "tú", "usted", "nuestro", "nuestra", "nuestros", "nuestras",
    ),
    author_more_links=("más artículos de", "otros artículos de", "más noticias de",
        "todas las noticias de", "ver más artículos de"),
    bot_check_phrases=(
        "comprobando tu navegador", "verificando tu navegador", "habilita javascript",
        "activa javascript", "javascript está desactivado",
    ),
    consent_titles=("respetamos tu privacidad", "valoramos tu privacidad",
        "tu privacidad es importante", "tu privacidad", "configuración de cookies",
        "gestionar cookies", "aviso de cookies", "antes de continuar"),
    consent_terms=("cookies", "socios", "proveedores", "consentimiento", "datos personales",
        "interés legítimo", "dispositivo", "identificadores", "publicidad personalizada",
        "preferencias", "política de privacidad", "rechazar todo", "aceptar todo"),
    consent_accept_labels=(
        "aceptar", "aceptar todo", "aceptar todas", "acepto", "aceptar y continuar",
        "aceptar y cerrar", "aceptar cookies", "aceptar todas las cookies", "de acuerdo",
        "estoy de acuerdo", "permitir todas",
    ),
    not_found_titles=(
        "página no encontrada", "error 404", "página no existe", "no se ha encontrado la página",
        "no se encontró la página", "página que buscas no existe",
    ),
    reading_time_words=(
        "tiempo de lectura", "de lectura", "min de lectura", "minutos de lectura", "lectura",
    ),
    affiliate_disclosures=(
        "recibimos una comisión", "podemos recibir una comisión", "podríamos recibir una comisión",
    ),
    service_link_texts=('aviso legal', 'privacidad', 'política de privacidad', 'contacto',
        'suscríbete', 'iniciar sesión'),
    next_page_texts=('siguiente', 'más noticias'),
    author_bio_labels=(
        "sobre el autor", "sobre la autora", "acerca del autor", "acerca de la autora",
        "el autor", "la autora", "sobre los autores",
    ),
    adjacent_article_labels=(
        "artículo anterior", "artículo siguiente", "entrada anterior", "entrada siguiente",
    ),
    one_letter_words=("a", "o", "y"),  # "e" and "u" stand only before "i", "o" words
    non_author_labels=(
        "fotos", "fotografía", "ilustración", "vídeo", "video", "infografía", "edición",
    ),
    desk_words=("redacción", "agencias",),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        **not_collected(
            "service_path_words", "taxonomy_path_words",
            "newsletter_words", "staff_credits", "coverage_leads",
            "coverage_nouns", "contact_verbs", "contact_roles", "contact_prepositions",
            "consent_phrases", "credit_by", "provided_by", ),
        "half_day_words": "the 24-hour clock is the rule",
    },
)
