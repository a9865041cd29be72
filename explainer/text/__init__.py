"""Message catalogues, one module per concept (see explainer.i18n)."""
