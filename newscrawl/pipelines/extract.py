"""Pipeline: parse the fetched page once and locate its main content and metadata
(newscrawl.clean.article.STAGES["extract"])."""

from __future__ import annotations

from .stage import StagePipeline


class ExtractPipeline(StagePipeline):
    stage = "extract"
