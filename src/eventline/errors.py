"""eventline's exceptions: one hierarchy, each carrying what it concerns.

    EventlineError                                                     exit code
    ├── UsageError         a command-line value is not accepted (names the option)   2
    ├── ConfigError        a setting has a bad value (names the setting)             2
    ├── InputError         an input cannot be read as news (names the file)          3
    │   ├── DecodeError    bytes that are not text in any encoding we accept
    │   ├── FormatError    text that claims a format it does not follow
    │   └── TooLargeError  over a size cap
    ├── StoreError         the store cannot be opened, migrated, read or written     4
    ├── OutputError        a file eventline writes cannot be written (names it)      5
    ├── ResourceError      a packaged or user data file (actor KB, patterns) is bad  6
    └── ModelError         the spaCy model is missing                                7

The library raises these; only the CLI turns them into one line and `exit_code`. Exit code 1
is not an error class: it means a command finished but left some inputs out (ingest) or a
figure under its floor (eval); 130 means interrupted. docs/cli.md lists the same table, and
a test keeps the two equal.
"""

from __future__ import annotations


class EventlineError(Exception):
    """Base of every error eventline raises on purpose."""

    exit_code = 2


class UsageError(EventlineError):
    """An option or argument value the command cannot use; `accepted` says what it can."""

    exit_code = 2

    def __init__(self, option: str, value: str, reason: str) -> None:
        super().__init__(f"{option} {value!r}: {reason}")
        self.option = option
        self.value = value
        self.reason = reason


class ConfigError(EventlineError):
    exit_code = 2

    def __init__(self, setting: str, reason: str) -> None:
        super().__init__(f"setting {setting!r}: {reason}")
        self.setting = setting
        self.reason = reason


class InputError(EventlineError):
    exit_code = 3

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
    exit_code = 4

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"store {url}: {reason}")
        self.url = url
        self.reason = reason


class OutputError(EventlineError):
    """A file or folder eventline was asked to write cannot be written: exists (without
    --force), a missing or unwritable folder, a full disk."""

    exit_code = 5

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ResourceError(EventlineError):
    exit_code = 6

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(EventlineError):
    exit_code = 7
