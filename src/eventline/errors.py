"""eventline's exceptions: one hierarchy, each carrying what it concerns.

    EventlineError
    ├── ConfigError        a setting has a bad value (names the setting)
    ├── InputError         an input cannot be read as news (names the file and the reason)
    │   ├── DecodeError    bytes that are not text in any encoding we accept
    │   ├── FormatError    text that claims a format it does not follow (malformed feed, JSONL)
    │   └── TooLargeError  over a size cap
    ├── StoreError         the store cannot be opened, migrated or written
    ├── ResourceError      a packaged or user data file (actor KB, patterns) is invalid
    └── ModelError         the spaCy model is missing

The library raises these; only the CLI turns them into a message and an exit code.
"""

from __future__ import annotations


class EventlineError(Exception):
    """Base of every error eventline raises on purpose."""


class ConfigError(EventlineError):
    def __init__(self, setting: str, reason: str) -> None:
        super().__init__(f"setting {setting!r}: {reason}")
        self.setting = setting
        self.reason = reason


class InputError(EventlineError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DecodeError(InputError):
    pass


class FormatError(InputError):
    pass


class TooLargeError(InputError):
    pass


class StoreError(EventlineError):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"store {url}: {reason}")
        self.url = url
        self.reason = reason


class ResourceError(EventlineError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(EventlineError):
    pass
