"""The project's exceptions. Page *content* never raises; sources and transports may."""


class CopydeskError(Exception):
    """Base of every error copydesk raises on purpose."""


class SourceError(CopydeskError):
    """A source (file, URL, stdin) could not be read."""


class FetchError(SourceError):
    """An HTTP(S) fetch failed: network error, bad status, too large, timeout."""


class ParseError(CopydeskError):
    """Input that cannot be parsed at all (only raised by internal helpers, never by extract)."""


class StoreError(CopydeskError):
    """The article store could not be opened or written."""
