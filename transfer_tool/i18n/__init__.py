"""Translation of everything that is not a Qt widget string: one gettext catalogue (data/locale), read with Babel."""
