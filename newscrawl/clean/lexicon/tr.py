"""Turkish."""

from .model import Language, not_collected

_DATEPARSER = "read from dateparser's locale data (dates/relative.py: translated relative dates)"

LANGUAGE = Language(
    code="tr",
    name="Turkish",
    tag_labels=("etiketler", "etiket", "konular", "anahtar kelimeler"),
    # The network usually comes first ("Bizi Twitter'dan takip edin": common.FOLLOW_AFTER)
    follow_phrases=("bizi takip edin", "bizi takip et"),
    rail_labels=(
        "ilgili haberler", "benzer haberler", "en çok okunanlar", "çok okunanlar",
        "öne çıkanlar", "diğer haberler", "ilginizi çekebilir", "bunlar da ilginizi çekebilir",
        "editörün seçtikleri", "son haberler", "önerilen haberler", "daha fazla haber",
    ),
    ad_labels=("reklam", "sponsorlu içerik", "reklam alanı"),
    newsletter_words=("bülten", "bültenimize", "bültenimiz", "e-bülten", "e-bültenimize"),
    pitch_verbs=("abone olun", "abone ol", "kaydolun", "üye olun"),
    subscribe_calls=("abone olun", "abone ol"),
    # WordPress's "Yorumunuz onaylandıktan sonra yayınlanacaktır": the notice speaks to the
    # reader ("yorumlar ... onaylandıktan sonra" is a story's "comments ... once approved")
    comment_words=("yorumunuz",),
    moderation_words=("onaylandıktan sonra", "onay bekliyor", "denetim için bekliyor",
                      "moderasyon"),
    slide_words=("fotoğraf", "foto"),
    pitch_address=("bültenimize", "bültenimiz", "e-posta adresinize", "gelen kutunuza"),
    author_more_links=("yazarın diğer yazıları", "yazarın tüm yazıları", "tüm yazıları"),
    author_bio_labels=("yazar hakkında", "yazarın biyografisi"),
    adjacent_article_labels=(
        "önceki haber", "sonraki haber", "önceki yazı", "sonraki yazı", "önceki makale",
        "sonraki makale",
    ),
    reading_time_words=(
        "okuma süresi", "dk okuma", "dakika okuma", "dk. okuma", "dakikalık okuma",
    ),
    one_letter_words=("o",),
    bot_check_phrases=("tarayıcınız kontrol ediliyor", "javascript'i etkinleştirin"),
    consent_titles=("gizliliğinize değer veriyoruz", "çerez ayarları", "çerez tercihleri",
                    "gizlilik tercihleri"),
    consent_terms=(
        "çerezler", "çerez", "çerezleri", "kişisel veriler", "kişisel verileriniz",
        "iş ortaklarımız", "açık rıza", "kvkk",
    ),
    consent_accept_labels=(
        "kabul et", "tümünü kabul et", "kabul ediyorum", "çerezleri kabul et",
        "kabul et ve kapat",
    ),
    not_found_titles=("sayfa bulunamadı", "hata 404"),
    credit_words=("fotoğraf", "fotoğraflar"),
    # "Haber:" also opens the desk "Haber Merkezi": never a prefix
    byline_prefixes=("yazan", "yazar", "muhabir"),
    author_joiners=("ve",),
    not_names=("tıklayınız", "tiklayiniz", "muhabiri", "muhabir", "yazarı", "editörü"),
    non_author_labels=("editör", "kamera", "video", "fotoğraflar"),
    published_labels=(
        "yayınlanma", "yayınlandı", "yayın tarihi", "yayımlanma", "yayımlandı", "giriş tarihi",
    ),
    modified_labels=(
        "güncellendi", "güncelleme", "güncellenme", "son güncelleme",
    ),
    registered_labels=("üyelik tarihi", "kayıt tarihi"),
    service_link_texts=(
        "gizlilik politikası", "künye", "iletişim", "hakkımızda", "çerez politikası", "kvkk",
        "kullanım koşulları", "giriş yap", "üye ol",
    ),
    next_page_texts=("sonraki", "sonraki sayfa", "daha fazla göster", "daha fazla yükle"),
    service_path_words=(
        "kunye", "iletisim", "hakkimizda", "gizlilik-politikasi", "cerez-politikasi", "kvkk",
        "kullanim-kosullari",
    ),
    taxonomy_path_words=("etiket", "yazar", "yazarlar", "konu"),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        "desk_words": 'desks are two words ("Haber Merkezi")',
        "slide_of": 'counters are written with a slash ("Fotoğraf 3/12"), read by every pattern',
        "byline_verbs": 'the agent comes first ("X tarafından yayınlandı")',
        "published_by": 'the agent comes first ("X tarafından yayınlandı")',
        "credit_by": 'none written ("Fotoğraf: AA")',
        "half_day_words": "the 24-hour clock is the rule",
        "clock_words": 'none written after the time ("10:40")',
        "time_connectors": 'none written ("3 Aralık 2024, 10:40")',
        "ordinal_suffixes": 'none written ("3 Aralık 2024")',
        "day_month_joiners": 'none written ("3 Aralık 2024")',
        "month_year_joiners": 'none written ("3 Aralık 2024")',
        "ago_phrase": _DATEPARSER, "one_words": _DATEPARSER, "time_units": _DATEPARSER,
        "day_words": _DATEPARSER,
        **not_collected(
            "staff_credits", "coverage_leads", "coverage_nouns", "contact_verbs",
            "contact_roles", "contact_prepositions", "consent_phrases", "paywall_phrases",
            "provided_by", "original_labels", "affiliate_disclosures",
        ),
    },
)
