"""Text helpers every renderer shares (emails, pages, packets): escaping for each place text
lands, safe-Markdown marking and date wording. Nothing here imports a renderer."""
