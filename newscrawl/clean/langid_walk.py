"""py3langid's identifier with its byte-level feature walk done in a few array steps.

py3langid counts the byte n-gram features of a text by walking its automaton one byte at a
time in a Python loop: about 1 ms on the 3,000 characters the language check reads, the
largest part of the identification. The automaton is of the Aho-Corasick kind: its state
after any byte depends only on the last DEPTH bytes read (the model's deepest state is 6
bytes from the start). So every position's state is computed at once: DEPTH array steps,
each applying one byte of every position's window. The result is then checked against the
transition table at every position (state i is the move from state i-1 on byte i), which
makes it exactly the library's walk; if the check ever failed (a model built otherwise),
the library's own loop runs. Features are counted in the order the library's Counter has
them (first occurrence), so its scoring adds them up in the same order: identical scores.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier, visit_counts

DEPTH = 6  # bytes from the start state to the model's deepest state (py3langid 0.4's model)


class ArrayWalkIdentifier(LanguageIdentifier):
    """LanguageIdentifier whose _raw_score walks the automaton with arrays; everything else
    (encoding, scoring, normalization, labels) is the library's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nextmove = self.tk_nextmove  # an array.array, or a memory-mapped ndarray (langid_model)
        self._nextmove = (nextmove if isinstance(nextmove, np.ndarray)
                          else np.frombuffer(nextmove, dtype=nextmove.typecode))
        self._rows = np.asarray(self._rowbase, dtype=np.intp)
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        self.depth = DEPTH

    def _features(self, text: bytes) -> dict[int, int] | None:
        data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
        n = len(data)
        states = np.zeros(n, dtype=np.intp)
        nextmove, rows = self._nextmove, self._rows
        for back in range(min(self.depth, n) - 1, -1, -1):  # `back` bytes before each position
            window = states[back:]
            states[back:] = nextmove[rows[window] + data[: n - back]]
        previous = np.empty(n, dtype=np.intp)
        previous[0] = 0
        previous[1:] = states[:-1]
        if not np.array_equal(nextmove[rows[previous] + data], states):
            return visit_counts(self.tk_nextmove, self._rowbase, self.tk_output, text)
        found = self._outputs[states]
        found = found[found >= 0]
        if not len(found):
            return None
        ids, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first)
        return dict(zip(ids[order].tolist(), counts[order].tolist(), strict=True))

    def _raw_score(self, text: bytes) -> Any:
        if not text:
            return super()._raw_score(text)
        visits = self._features(text)
        if visits:
            return self._sparse_score(visits, self.nb_ptc)
        return super()._raw_score(b"")  # no features: the library's answer for none
