"""Contains endpoint functions for accessing the API"""

from . import get_letter, letter_pdf, list_letters

__all__ = [
    "get_letter",
    "letter_pdf",
    "list_letters",
]
