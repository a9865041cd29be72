"""Message catalogues, one module per page (see explainer.i18n)."""
