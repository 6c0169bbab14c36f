"""NAV: temporary accommodation, providers and quality agreements, refugee settlement."""
