"""Pipeline: the `boilerplate` cleaning stage (newscrawl.clean.article.STAGES["boilerplate"])."""

from __future__ import annotations

from .stage import StagePipeline


class BoilerplatePipeline(StagePipeline):
    stage = "boilerplate"
