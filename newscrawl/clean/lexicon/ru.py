"""Russian."""

from .model import Language, not_collected

_DATEPARSER = "read from dateparser's locale data (dates/relative.py: translated relative dates)"
_LATIN_PATHS = "URL paths are English or transliterated (/tags/, /authors/, /kontakty)"

LANGUAGE = Language(
    code="ru",
    name="Russian",
    tag_labels=("теги", "тэги", "метки", "теги статьи", "темы", "ключевые слова"),
    # "Подписывайтесь на «Газету.Ru» в Дзене и Telegram": the imperative, then a network
    follow_phrases=(
        "следите за нами", "подписывайтесь на нас", "подписывайтесь на наш", "читайте нас",
        "подписывайтесь на", "следите за новостями",
    ),
    rail_labels=(
        "читайте также", "смотрите также", "по теме", "еще по теме", "ещё по теме",
        "материалы по теме", "самое читаемое", "популярное", "новости партнеров",
        "новости партнёров", "похожие материалы", "похожие статьи", "последние новости",
        "выбор редакции", "рекомендуем", "другие новости",
    ),
    ad_labels=("реклама", "на правах рекламы", "партнерский материал", "партнёрский материал"),
    newsletter_words=("рассылку", "рассылка", "рассылки", "рассылкой"),
    pitch_verbs=("подпишитесь", "подписывайтесь"),
    subscribe_calls=("подпишитесь", "подписывайтесь"),
    # The notice's own words: "комментарии" alone meets a session's "модератор" in a story
    comment_words=("комментарии проходят", "комментарии публикуются", "комментарии будут"),
    moderation_words=("модерац", "премодерац"),
    slide_words=("фото",),
    slide_of=("из",),
    # "нашу" (our) alone speaks in every quote: the site's newsletter, the reader's inbox
    pitch_address=(
        "нашу рассылку", "нашей рассылки", "наши рассылки", "вашу почту", "ваш почтовый ящик",
    ),
    author_more_links=("все материалы автора", "все статьи автора", "другие материалы автора"),
    author_bio_labels=("об авторе", "об авторах"),
    adjacent_article_labels=(
        "предыдущая статья", "следующая статья", "предыдущая новость", "следующая новость",
        "предыдущий материал", "следующий материал", "предыдущая запись", "следующая запись",
    ),
    reading_time_words=(
        "время чтения", "мин чтения", "минут чтения", "мин. чтения", "минуты чтения",
    ),
    one_letter_words=("а", "в", "и", "к", "о", "с", "у", "я"),
    bot_check_phrases=(
        "включите javascript", "проверка браузера", "проверяем ваш браузер",
        "подтвердите, что вы не робот",
    ),
    consent_titles=("мы используем файлы cookie", "настройки файлов cookie",
                    "ваша конфиденциальность"),
    consent_terms=(
        "файлы cookie", "файлы cookies", "файлов cookie", "согласие", "персональные данные",
        "персональных данных", "партнеры",
    ),
    consent_accept_labels=("принять", "принять все", "согласен", "я согласен", "принимаю"),
    not_found_titles=("страница не найдена", "ошибка 404", "такой страницы нет",
                      "страница не существует"),
    credit_words=("фото", "источник фото"),
    byline_prefixes=("от", "автор", "текст", "автор материала"),
    author_joiners=("и",),
    not_names=(
        "авторы", "корреспондент", "обозреватель", "редактор", "журналист", "колумнист",
        "спецкор",
    ),
    non_author_labels=("редактор", "иллюстрация", "фотограф", "инфографика", "видео"),
    desk_words=("редакция",),
    published_labels=("опубликовано", "дата публикации", "опубликован", "размещено"),
    modified_labels=(
        "обновлено", "изменено", "дата обновления", "обновлен", "последнее обновление",
    ),
    original_labels=("впервые опубликовано", "первоначально опубликовано"),
    registered_labels=("на сайте с", "зарегистрирован", "регистрация"),
    # "2 декабря 2024 в 10:40"
    time_connectors=("в",),
    service_link_texts=(
        "политика конфиденциальности", "о нас", "контакты", "реклама", "о проекте", "войти",
        "регистрация", "подписка", "пользовательское соглашение", "редакция", "вакансии",
    ),
    next_page_texts=(
        "далее", "следующая", "следующая страница", "показать еще", "показать ещё",
        "загрузить еще", "загрузить ещё",
    ),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        "staff_credits": 'credits are label lines ("Редактор: X") read as bylines',
        "byline_verbs": 'the label stands alone ("Опубликовано: ...")',
        "published_by": 'the label stands alone ("Опубликовано: ...")',
        "half_day_words": "the 24-hour clock is the rule",
        "clock_words": '"мск" after a time is a zone, not read yet (Latin zones only)',
        "ordinal_suffixes": 'none written ("2 декабря 2024")',
        "day_month_joiners": 'none written ("2 декабря 2024")',
        "month_year_joiners": 'none written ("2 декабря 2024 года": "года" follows the year)',
        "credit_by": 'none written ("Фото: ТАСС")',
        "service_path_words": _LATIN_PATHS, "taxonomy_path_words": _LATIN_PATHS,
        "ago_phrase": _DATEPARSER, "one_words": _DATEPARSER, "time_units": _DATEPARSER,
        "day_words": _DATEPARSER,
        **not_collected(
            "coverage_leads", "coverage_nouns", "contact_verbs", "contact_roles",
            "contact_prepositions", "consent_phrases", "paywall_phrases", "provided_by",
            "affiliate_disclosures",
        ),
    },
)
