"""The language model's cache (newscrawl/clean/langid_model.py): written once, read back
memory-mapped with the same classifications, rewritten when damaged, skipped when
unwritable."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from newscrawl.clean import langid_model
from newscrawl.clean.langid_walk import ArrayWalkIdentifier

TEXTS = [
    "The council approved the budget on Tuesday after a long debate about school funding.",
    "Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt für die Schulen gebilligt.",
    "Le conseil municipal a approuvé mardi le budget après un long débat sur les écoles.",
    "El ayuntamiento aprobó el martes el presupuesto tras un largo debate sobre las escuelas.",
    "Umkhandlu uvumile isabelomali ngoLwesibili ngemuva kwenkulumompikiswano ende.",
]
MODEL = MODEL_DIR / MODEL_FILE


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _classify(model: tuple, texts: list[str]) -> list[tuple[str, float]]:
    ptc, pc, classes, nextmove, row, output = model
    identifier = ArrayWalkIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True,
                                     tk_row=row)
    return [identifier.classify(t) for t in texts]


def test_cached_model_classifies_as_the_package(tmp_path, monkeypatch, reference):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = [reference.classify(t) for t in TEXTS]
    first = langid_model.load_model(MODEL)  # unpacks and writes the entry
    entries = list((tmp_path / "newscrawl").iterdir())  # no half-written folder left
    assert len(entries) == 1 and entries[0].name.startswith("langid-")
    again = langid_model.load_model(MODEL)  # read back
    assert isinstance(again[0], np.memmap) and isinstance(again[3], np.memmap)
    assert _classify(first, TEXTS) == expected
    assert _classify(again, TEXTS) == expected
    assert [lang for lang, _ in expected][:4] == ["en", "de", "fr", "es"]


def test_damaged_entry_is_written_again(tmp_path, monkeypatch, reference, caplog):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    langid_model.load_model(MODEL)
    (entry,) = (tmp_path / "newscrawl").iterdir()
    table = entry / "ptc.npy"
    table.write_bytes(table.read_bytes()[:1000])  # cut short
    model = langid_model.load_model(MODEL)
    assert "unreadable" in caplog.text and str(entry) in caplog.text
    assert _classify(model, TEXTS) == [reference.classify(t) for t in TEXTS]
    assert table.stat().st_size > 1_000_000  # whole again


def test_unwritable_cache_reads_the_package(tmp_path, monkeypatch, reference, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    model = langid_model.load_model(MODEL)
    assert _classify(model, TEXTS) == [reference.classify(t) for t in TEXTS]
    assert "not written" in caplog.text
