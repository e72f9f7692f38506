"""The HTTP service and web page: a thin layer over the library (``copydesk serve``)."""

from copydesk.service.app import create_app
from copydesk.service.settings import Settings

__all__ = ["Settings", "create_app"]
