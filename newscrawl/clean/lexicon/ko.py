"""Korean."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

COUNTERS = 'dates are written with counters ("2024년 12월 2일")'

LANGUAGE = Language(
    code="ko",
    name="Korean",
    tag_labels=("태그", "키워드", "관련 태그"),
    rail_labels=(
        "많이 본 뉴스", "많이 본 기사", "관련 기사", "관련기사", "관련 뉴스", "인기 기사",
        "인기기사", "추천 기사", "추천기사", "주요 뉴스", "주요뉴스", "최신 뉴스", "최신기사",
        "이 시각 뉴스", "함께 볼만한 뉴스", "핫이슈", "이번 주 인기기사", "이번주 인기기사",
        "실시간 인기기사",
    ),
    ad_labels=("광고",),
    slide_words=("사진",),
    paywall_phrases=("구독자 전용",),
    provided_by=("제공",),
    credit_words=("사진",),
    published_labels=("입력", "등록"),
    modified_labels=("수정",),
    registered_labels=("가입", "가입일"),
    half_day_words={"오전": False, "오후": True},
    ago_after="전",
    unspaced=True,
    time_units={
        "초": S, "분": M, "시간": H, "일": D, "주": V, "개월": V, "달": V, "년": V,
    },
    day_words={"오늘": 0, "어제": 1, "그저께": 2},
    author_more_links=(
        "다른기사 보기", "다른 기사 보기", "기자의 다른기사", "기자의 다른 기사",
        "이 기자의 다른 기사",
    ),
    consent_titles=("쿠키 설정", "쿠키 사용 동의", "개인정보 보호 설정"),
    consent_terms=("쿠키", "개인정보", "동의", "파트너", "맞춤형 광고"),
    consent_accept_labels=(
        "동의", "모두 동의", "동의합니다", "전체 동의", "동의하고 계속하기", "모두 허용",
    ),
    not_found_titles=(
        "페이지를 찾을 수 없습니다", "요청하신 페이지를 찾을 수 없습니다", "존재하지 않는 페이지",
    ),
    reading_time_words=("읽는 시간", "읽기 시간", "분 분량"),
    service_link_texts=('회사소개', '개인정보처리방침', '이용약관', '구독', '로그인', '회원가입'),
    next_page_texts=('다음',),
    adjacent_article_labels=(
        "이전 기사", "다음 기사", "이전기사", "다음기사",
    ),
    byline_prefixes=("글",),
    non_author_labels=("편집", "영상", "그래픽",),
    desk_words=("온라인뉴스팀", "디지털뉴스팀", "온라인팀",),
    name_roles=(
        "기자", "특파원", "선임기자", "객원기자", "인턴기자", "전문기자", "논설위원", "편집위원",
    ),
    gaps={
        "report_tails": "bylines here do not end in a place-and-report word",
        "one_letter_words": "no letter case: no drop cap to join to its word",
        "published_after": "the label stands before the date",
        **not_collected(
            "bot_check_phrases",
            "author_bio_labels",
            "affiliate_disclosures",
            "service_path_words", "taxonomy_path_words",
            "original_labels",
            "newsletter_words", "pitch_verbs", "subscribe_calls", "staff_credits",
            "follow_phrases", "coverage_leads", "coverage_nouns", "contact_verbs",
            "contact_roles", "contact_prepositions", "comment_words", "moderation_words",
            "slide_of", "byline_verbs", "published_by", "consent_phrases", "credit_by",
            "author_joiners", "not_names",
        ),
        "pitch_address": "no newsletter words collected yet, so no pitches to read",
        "one_words": "amounts are written in digits (\"3시간 전\")",
        "time_connectors": "the time follows the date directly (\"2024년 12월 2일 오후 3시\")",
        "ordinal_suffixes": COUNTERS,
        "day_month_joiners": COUNTERS,
        "month_year_joiners": COUNTERS,
        "clock_words": "hour counters (시, 時, 点) are read with the clock (CJK_CLOCK)",
    },
)
