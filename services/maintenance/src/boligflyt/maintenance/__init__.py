"""LKE: dwelling register, inspections, renovation, acquisitions."""
