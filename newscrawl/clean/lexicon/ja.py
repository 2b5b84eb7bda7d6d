"""Japanese."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

COUNTERS = 'dates are written with counters ("2024年12月2日")'

LANGUAGE = Language(
    code="ja",
    name="Japanese",
    rail_labels=(
        "関連記事", "関連ニュース", "あわせて読みたい", "おすすめ記事", "人気記事",
        "アクセスランキング", "最新記事", "こちらもおすすめ",
    ),
    tag_labels=("タグ", "キーワード", "関連キーワード"),
    ad_labels=("広告", "スポンサーリンク", "pr"),
    provided_by=("提供",),
    credit_words=("写真",),
    # "register and read the rest", "this is a paid article": the rest of this story is walled
    paywall_phrases=("続きが読めます", "続きをお読みいただけます", "この記事は有料記事です"),
    published_labels=("公開",),
    modified_labels=("更新",),
    registered_labels=("登録日",),
    half_day_words={"午前": False, "午後": True},
    ago_after="前",
    unspaced=True,
    time_units={
        "秒": S, "分": M, "時間": H, "日": D, "週": V, "週間": V, "か月": V, "ヶ月": V, "年": V,
    },
    day_words={"今日": 0, "昨日": 1},
    author_more_links=("この記者の記事", "この筆者の記事", "記者の記事一覧"),
    consent_titles=("cookieの使用について", "クッキーの使用について", "プライバシー設定"),
    consent_terms=("cookie", "クッキー", "個人情報", "同意", "パートナー", "パーソナライズ広告"),
    consent_accept_labels=(
        "同意する", "同意します", "すべて同意", "同意して閉じる", "すべて許可", "受け入れる",
    ),
    not_found_titles=(
        "ページが見つかりません", "ページが見つかりませんでした",
        "お探しのページは見つかりません", "ページは存在しません",
    ),
    reading_time_words=("読了時間", "分で読めます", "で読めます", "読了"),
    author_bio_labels=(
        "この記事を書いた人", "著者プロフィール", "筆者プロフィール", "執筆者プロフィール",
        "著者について",
    ),
    adjacent_article_labels=(
        "前の記事", "次の記事",
    ),
    byline_prefixes=("文", "執筆", "筆者",),
    non_author_labels=("撮影", "編集",),
    desk_words=("編集部",),
    name_roles=("記者", "特派員", "編集委員", "論説委員",),
    gaps={
        "report_tails": "bylines here do not end in a place-and-report word",
        "one_letter_words": "no letter case: no drop cap to join to its word",
        "published_after": "the label stands before the date",
        **not_collected(
            "bot_check_phrases",
            "affiliate_disclosures",
            "service_link_texts", "next_page_texts", "service_path_words", "taxonomy_path_words",
            "original_labels",
            "newsletter_words", "pitch_verbs", "subscribe_calls",
            "staff_credits", "follow_phrases", "coverage_leads", "coverage_nouns",
            "contact_verbs", "contact_roles", "contact_prepositions", "comment_words",
            "moderation_words", "slide_words", "slide_of", "byline_verbs", "published_by",
            "consent_phrases", "credit_by",
            "author_joiners", "not_names",
        ),
        "pitch_address": "no newsletter words collected yet, so no pitches to read",
        "one_words": "amounts are written in digits (\"3時間前\")",
        "time_connectors": "the time follows the date directly (\"2024年12月2日 午後3時\")",
        "ordinal_suffixes": COUNTERS,
        "day_month_joiners": COUNTERS,
        "month_year_joiners": COUNTERS,
        "clock_words": "hour counters (시, 時, 点) are read with the clock (CJK_CLOCK)",
    },
)
