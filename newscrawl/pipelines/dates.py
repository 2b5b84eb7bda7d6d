"""Pipeline: the `dates` cleaning stage (newscrawl.clean.article.STAGES["dates"])."""

from __future__ import annotations

from .stage import StagePipeline


class DatesPipeline(StagePipeline):
    stage = "dates"
