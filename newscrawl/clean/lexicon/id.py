"""Indonesian."""

from .model import Language, not_collected

# Relative dates ("3 jam yang lalu", "kemarin") are read from dateparser's locale data on
# pages in languages whose file has no "ago" phrasing (dates/relative.py).
_DATEPARSER = "read from dateparser's locale data (dates/relative.py: translated relative dates)"

LANGUAGE = Language(
    code="id",
    name="Indonesian",
    tag_labels=("tag", "tags", "topik", "topik terkait", "label", "kata kunci"),
    # Pitches for the site's channels (Kompas, Tribun, Okezone, Kontan, Bisnis): the phrase,
    # then a network within a few words ("Simak berita ... di Google News dan WhatsApp
    # Channel", "Mari bergabung di Grup Telegram"). Phrases, never "ikuti" or "bergabung"
    # alone: a story's "pelaku bergabung di grup Telegram" is its own sentence.
    follow_phrases=(
        "ikuti kami", "simak berita dan artikel lainnya di", "simak berita lainnya di",
        "simak berita pilihan", "simak breaking news", "cek berita dan artikel yang lain di",
        "cek berita dan artikel yg lain di",
        "baca berita lainnya di", "follow berita", "mari bergabung", "pilih saluran andalanmu",
        "ikuti saluran", "ikuti channel",
    ),
    rail_labels=(
        "baca juga", "baca pula", "berita terkait", "artikel terkait", "berita lainnya",
        "artikel lainnya", "terpopuler", "berita terpopuler", "paling populer",
        "paling banyak dibaca", "terbanyak dibaca", "berita terkini", "terkini", "rekomendasi",
        "rekomendasi untuk anda", "pilihan editor", "pilihan redaksi", "lihat juga",
        "baca selanjutnya", "topik terkait", "berita pilihan",
    ),
    ad_labels=("iklan", "konten bersponsor"),
    newsletter_words=("buletin",),
    # "daftar" alone is also "list" ("Daftar buletin BMKG ..."): only its call forms.
    pitch_verbs=("berlangganan", "daftar sekarang", "daftarkan"),
    subscribe_calls=("berlangganan sekarang", "ayo berlangganan", "yuk berlangganan"),
    # Wire and syndication footers: "Artikel ini telah tayang di Tribunnews.com dengan judul
    # ..., https://...", "Baca artikel CNN Indonesia "..." selengkapnya di sini: https://..."
    coverage_leads=(
        "artikel ini telah tayang di", "artikel ini sudah tayang di", "artikel ini tayang di",
        "berita ini telah tayang di", "baca artikel",
    ),
    coverage_nouns=("dengan judul", "selengkapnya di sini", "selengkapnya"),
    slide_words=("foto", "gambar"),
    slide_of=("dari",),
    byline_verbs=("diterbitkan", "ditulis", "diposting", "dipublikasikan"),
    published_by=("oleh",),
    # "kami" (we) alone speaks in every quote ("Kami meminta warga berlangganan ..."): only
    # the site's own newsletter and the reader's inbox.
    pitch_address=("buletin kami", "email anda", "email kamu", "kotak masuk", "surel anda"),
    author_bio_labels=("tentang penulis", "profil penulis"),
    adjacent_article_labels=(
        "artikel sebelumnya", "artikel selanjutnya", "artikel berikutnya", "berita sebelumnya",
        "berita selanjutnya", "berita berikutnya", "pos sebelumnya", "pos berikutnya",
    ),
    reading_time_words=("waktu baca", "menit membaca", "menit baca", "lama baca",
                        "waktu membaca"),
    bot_check_phrases=(
        "silakan aktifkan javascript", "harap aktifkan javascript",
        "memverifikasi bahwa anda adalah manusia", "memeriksa browser anda",
    ),
    consent_titles=("kami menghargai privasi anda", "privasi anda", "pengaturan cookie"),
    consent_terms=("cookie", "data pribadi"),
    consent_accept_labels=(
        "setuju", "saya setuju", "terima", "terima semua", "izinkan semua", "terima cookie",
    ),
    not_found_titles=("halaman tidak ditemukan", "halaman tidak tersedia"),
    # "(Dok. Humas Polri)": documentation of a source, the abbreviation's dot its separator
    credit_words=("foto", "sumber foto", "kredit foto", "dok."),
    credit_by=("oleh",),
    byline_prefixes=(
        "oleh", "penulis", "reporter", "wartawan", "ditulis oleh", "laporan wartawan",
        "kontributor",
    ),
    author_joiners=("dan",),
    not_names=("wartawan", "jurnalis", "kontributor", "koresponden", "penyunting"),
    non_author_labels=("penyunting", "fotografer", "pewarta foto", "videografer"),
    desk_words=("redaksi",),
    published_labels=("diterbitkan", "dipublikasikan", "diposting"),
    modified_labels=("diperbarui", "diperbaharui", "diupdate"),
    original_labels=("pertama kali diterbitkan", "pertama kali dipublikasikan"),
    registered_labels=("bergabung sejak", "anggota sejak"),
    # "Selasa, 3 Desember 2024 pukul 10.40 WIB"
    time_connectors=("pukul",),
    service_link_texts=(
        "kebijakan privasi", "tentang kami", "hubungi kami", "pedoman media siber", "redaksi",
        "syarat dan ketentuan", "karir", "kontak", "masuk", "daftar", "info iklan",
    ),
    next_page_texts=("selanjutnya", "berikutnya", "halaman berikutnya", "halaman selanjutnya"),
    service_path_words=(
        "kebijakan-privasi", "tentang-kami", "hubungi-kami", "pedoman-media-siber", "redaksi",
        "syarat-dan-ketentuan", "karir",
    ),
    taxonomy_path_words=("topik", "penulis", "label"),
    gaps={
        "name_roles": "names stand apart from roles (a role after a comma: not_names)",
        "report_tails": "bylines here do not end in a place-and-report word",
        "published_after": "the label stands before the date",
        "one_letter_words": "Indonesian has no words of one letter",
        "staff_credits": "credits are label lines (\"Pewarta: X\", \"Editor: Y\"); a lead "
                         "phrase such as \"Laporan wartawan\" also opens story sentences",
        "half_day_words": 'the 24-hour clock is the rule ("pukul 14.30 WIB")',
        "clock_words": 'the zone follows the time ("10.40 WIB"), read as a zone',
        "ordinal_suffixes": 'none written ("3 Desember 2024")',
        "day_month_joiners": 'none written ("3 Desember 2024")',
        "month_year_joiners": 'none written ("3 Desember 2024")',
        "ago_phrase": _DATEPARSER, "one_words": _DATEPARSER, "time_units": _DATEPARSER,
        "day_words": _DATEPARSER,
        "moderation_words": '"moderasi" is a story word ("moderasi beragama")',
        **not_collected(
            "contact_verbs", "contact_roles", "contact_prepositions", "comment_words",
            "consent_phrases", "paywall_phrases", "provided_by", "author_more_links",
            "affiliate_disclosures",
        ),
    },
)
