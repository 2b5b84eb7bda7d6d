"""Settings checked before a crawl starts, so that a typo costs one line, not an evening.

- A name given on the command line (`-s NAME=VALUE`) that is neither Scrapy's nor
  newscrawl's: an error when it is close to a known name ("did you mean") or starts with
  `NEWSCRAWL_` (our namespace: no component reads it), else a warning (it may belong to a
  third-party add-on).
- A value that its setting cannot take: the type of the setting's default decides (a number,
  a boolean, a dict), plus the settings that have a grammar of their own (the revisit
  schedule, the replay folder, the Redis URL...).

Every failure raises `UserError` with the setting, the value and the fix.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings, default_settings

from . import settings as project_defaults
from .errors import UserError, did_you_mean

logger = logging.getLogger(__name__)

# Set by components at run time, never by hand (the distributed add-on's run id, and the
# cluster-wide per-host delay it takes from DOWNLOAD_DELAY).
RUNTIME_SETTINGS = frozenset({"NEWSCRAWL_REDIS_RUN", "NEWSCRAWL_REDIS_DOWNLOAD_DELAY"})
# Settings of the optional packages newscrawl uses (scrapy-redis reads these).
THIRD_PARTY_SETTINGS = frozenset({
    "REDIS_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_PARAMS", "REDIS_ENCODING",
    "REDIS_START_URLS_KEY", "REDIS_START_URLS_AS_SET", "SCHEDULER_PERSIST",
    "SCHEDULER_QUEUE_CLASS", "SCHEDULER_QUEUE_KEY", "SCHEDULER_DUPEFILTER_KEY",
    "SCHEDULER_DUPEFILTER_CLASS", "SCHEDULER_FLUSH_ON_START", "SCHEDULER_IDLE_BEFORE_CLOSE",
    "DUPEFILTER_KEY",
})
CMDLINE_PRIORITY = 40  # Scrapy's "cmdline": -s NAME=VALUE


def known_settings() -> set[str]:
    scrapy_names = set(getattr(default_settings, "__all__", None) or
                       (n for n in dir(default_settings) if n.isupper()))
    ours = {n for n in dir(project_defaults) if n.isupper()}
    return scrapy_names | ours | RUNTIME_SETTINGS | THIRD_PARTY_SETTINGS


def default_of(name: str) -> Any:
    """A setting's default: newscrawl's settings module first, then Scrapy's."""
    if hasattr(project_defaults, name):
        return getattr(project_defaults, name)
    return getattr(default_settings, name, None)


def check_settings(settings: BaseSettings) -> None:
    """Raise UserError for the first unknown-but-close name or bad value."""
    known = known_settings()
    for name in sorted(settings.attributes):
        priority = settings.getpriority(name) or 0
        if name not in known and priority >= CMDLINE_PRIORITY:
            hint = did_you_mean(name, known)
            if hint or name.startswith("NEWSCRAWL_"):
                raise UserError(f"unknown setting {name}{hint or ''}"
                                + ("" if hint else ": newscrawl's settings are listed in "
                                   "newscrawl/settings.py and the README"))
            logger.warning("Setting %s is neither Scrapy's nor newscrawl's; it is passed on "
                           "as given", name)
            continue
        if name in known:
            _check_value(settings, name)


# Settings whose values follow a grammar of their own: name -> check(value) raising
# ValueError with what a valid value looks like.
def _schedule(value: Any) -> None:
    from .state.base import parse_schedule

    parse_schedule(value)


def _share(value: Any) -> None:
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError("a share between 0 and 1, e.g. 0.2")


def _folder(value: Any) -> None:
    if value and not Path(str(value)).is_dir():
        raise ValueError("a folder that exists (the saved responses, e.g. fixtures/seoulpost)")


def _redis_url(value: Any) -> None:
    if value and not re.match(r"(rediss?|unix)://", str(value)):
        raise ValueError("a URL such as redis://host:6379/0 (or rediss://, unix://)")


def _not_negative(value: Any) -> None:
    if float(value) < 0:
        raise ValueError("a number not below 0")


def _allow_list(value: Any) -> None:
    from .addresses import AddressPolicy

    entries = value.split(",") if isinstance(value, str) else value
    AddressPolicy.parse(entries)  # BadAllowList names the entry and what is valid


def _processes(value: Any) -> None:
    text = str(value).strip().lower()
    if text != "auto" and not text.isdigit():
        raise ValueError("auto, or a whole number of processes (0: clean in the crawl process)")


def _log_level(value: Any) -> None:
    if str(value).upper() not in ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"):
        raise ValueError("one of CRITICAL, ERROR, WARNING, INFO, DEBUG")


def _run_id(value: Any) -> None:
    if value and not re.fullmatch(r"[A-Za-z0-9_.-]+", str(value)):
        raise ValueError("letters, digits, '.', '_' and '-' only (it names a folder)")


GRAMMARS: dict[str, Callable[[Any], None]] = {
    "LOG_LEVEL": _log_level,
    "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": _allow_list,
    "NEWSCRAWL_CLEANING_PROCESSES": _processes,
    "NEWSCRAWL_MAX_AGE_DAYS": _not_negative,
    "NEWSCRAWL_MAX_ERROR_RATE": _share,
    "NEWSCRAWL_MAX_LINK_DEPTH": _not_negative,
    "NEWSCRAWL_MAX_PAGES_PER_SITE": _not_negative,
    "NEWSCRAWL_REDIS_URL": _redis_url,
    "NEWSCRAWL_REPLAY_DIR": _folder,
    "NEWSCRAWL_REVISIT_SCHEDULE": _schedule,
    "NEWSCRAWL_RUN_ID": _run_id,
    "NEWSCRAWL_TEMPLATE_MIN_PAGES": _not_negative,
}

# The value's type, from the default's: Scrapy's own converters decide what they accept.
_TYPES: dict[type, tuple[str, str]] = {
    bool: ("getbool", "True or False"),
    int: ("getint", "a whole number"),
    float: ("getfloat", "a number"),
    dict: ("getdict", "a JSON object"),
}


def _check_value(settings: BaseSettings, name: str) -> None:
    default = default_of(name)
    value = settings.get(name)
    if value is None:
        return
    expected = ""
    kind = type(default)
    if kind is int and not name.startswith("NEWSCRAWL_"):
        kind = float  # Scrapy writes some float settings' defaults as 0 (DOWNLOAD_DELAY)
    try:
        if kind in _TYPES:
            getter, expected = _TYPES[kind]
            getattr(settings, getter)(name)
        check = GRAMMARS.get(name)
        if check is not None:
            expected = ""
            check(value)
    except UserError:
        raise
    except (ValueError, TypeError) as exc:
        raise UserError(f"setting {name}={value!r} is not valid: expected "
                        f"{expected or str(exc).rstrip('.')} (default: {default!r})") from None
