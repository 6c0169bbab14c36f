"""Central ordering function: housing needs, programme and budgets, orders to LKE."""
