"""A newscrawl setting read with its one default: the value in newscrawl/settings.py, also
where the project's settings module is not loaded (a component built by a test with
`get_crawler`, newscrawl's components in another Scrapy project). No default is written
anywhere else (tests/test_operator.py checks)."""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

from . import settings as _project


def default(name: str) -> Any:
    return getattr(_project, name)


def get(settings: BaseSettings, name: str) -> Any:
    return settings.get(name, default(name))


def getbool(settings: BaseSettings, name: str) -> bool:
    return settings.getbool(name, default(name))


def getint(settings: BaseSettings, name: str) -> int:
    return settings.getint(name, default(name))


def getfloat(settings: BaseSettings, name: str) -> float:
    return settings.getfloat(name, default(name))
