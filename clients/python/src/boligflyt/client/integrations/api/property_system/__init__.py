"""Contains endpoint functions for accessing the API"""

from . import get_property_import, import_property_export

__all__ = [
    "get_property_import",
    "import_property_export",
]
