"""Chinese (simplified and traditional script)."""

from .model import Language, TimeUnit, not_collected

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

COUNTERS = 'dates are written with counters ("2024年12月2日")'

LANGUAGE = Language(
    code="zh",
    name="Chinese",
    rail_labels=(
        "相关新闻", "相关阅读", "相关文章", "相關新聞", "推荐阅读", "延伸阅读", "延伸閱讀",
        "热门文章", "猜你喜欢", "热点推荐",
    ),
    tag_labels=("标签", "標籤", "关键词", "關鍵字", "关键字"),
    ad_labels=("广告", "廣告", "推广"),
    provided_by=("提供",),
    credit_words=("图片",),
    published_labels=("发布", "發布", "发表", "發表"),
    modified_labels=("更新",),
    registered_labels=("注册",),
    half_day_words={"上午": False, "下午": True},
    ago_after="前",
    unspaced=True,
    time_units={
        "秒": S,
        "分钟": M, "分鐘": M, "分": M,
        "小时": H, "小時": H,
        "天": D, "日": D,
        "周": V, "个月": V, "個月": V, "年": V,
    },
    day_words={"今天": 0, "昨天": 1},
    consent_titles=("我们重视您的隐私", "隐私设置", "cookie设置"),
    consent_terms=("cookie", "隐私", "同意", "合作伙伴", "个人信息", "个人数据", "个性化广告"),
    consent_accept_labels=(
        "接受", "全部接受", "同意", "我同意", "接受全部", "同意并继续", "允许全部",
    ),
    not_found_titles=(
        "页面不存在", "找不到页面", "页面未找到", "頁面不存在", "找不到網頁", "您访问的页面不存在",
    ),
    reading_time_words=("阅读时间", "分钟阅读", "阅读时长", "閱讀時間"),
    adjacent_article_labels=(
        "上一篇", "下一篇",
    ),
    byline_prefixes=("作者", "记者", "記者", "撰文", "文",),
    non_author_labels=("摄影", "攝影", "图", "圖", "编辑", "編輯", "责任编辑", "責任編輯",),
    desk_words=("编辑部", "編輯部",),
    name_roles=("记者", "記者", "特派员", "特派員", "通讯员", "通訊員", "实习记者", "實習記者",),
    report_tails=("报道", "報導", "報道",),
    gaps={
        "one_letter_words": "no letter case: no drop cap to join to its word",
        "published_after": "the label stands before the date",
        **not_collected(
            "bot_check_phrases",
            "author_bio_labels",
            "affiliate_disclosures",
            "service_link_texts", "next_page_texts", "service_path_words", "taxonomy_path_words",
            "original_labels",
            "newsletter_words", "pitch_verbs", "subscribe_calls",
            "staff_credits", "follow_phrases", "coverage_leads", "coverage_nouns",
            "contact_verbs", "contact_roles", "contact_prepositions", "comment_words",
            "moderation_words", "slide_words", "slide_of", "byline_verbs", "published_by",
            "consent_phrases", "paywall_phrases", "credit_by",
            "author_joiners", "not_names", "author_more_links",
        ),
        "pitch_address": "no newsletter words collected yet, so no pitches to read",
        "one_words": "amounts are written in digits (\"3小时前\")",
        "time_connectors": "the time follows the date directly (\"2024年12月2日 下午3点\")",
        "ordinal_suffixes": COUNTERS,
        "day_month_joiners": COUNTERS,
        "month_year_joiners": COUNTERS,
        "clock_words": "hour counters (시, 時, 点) are read with the clock (CJK_CLOCK)",
    },
)
