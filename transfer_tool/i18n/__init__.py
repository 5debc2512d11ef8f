"""Translation of everything that is not a Qt widget string: one gettext catalogue (data/locale, .po compiled to .mo)."""
