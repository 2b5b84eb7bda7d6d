"""Pipeline: the `captions` cleaning stage (newscrawl.clean.article.STAGES["captions"])."""

from __future__ import annotations

from .stage import StagePipeline


class CaptionsPipeline(StagePipeline):
    stage = "captions"
