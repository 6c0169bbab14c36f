"""Contains endpoint functions for accessing the API"""

from . import (
    answer_coop_board,
    end_tenancy,
    gates,
    get_tenancy,
    give_notice,
    import_stock,
    list_tenancies,
    move_in,
    record_deposit_paid,
    renew,
    request_coop_board,
    sign_tenancy,
    withdraw_notice,
)

__all__ = [
    "answer_coop_board",
    "end_tenancy",
    "gates",
    "get_tenancy",
    "give_notice",
    "import_stock",
    "list_tenancies",
    "move_in",
    "record_deposit_paid",
    "renew",
    "request_coop_board",
    "sign_tenancy",
    "withdraw_notice",
]
