# The light and dark themes (View ▸ Theme).
menu-theme = Theme
menu-theme-system = Follow the system
menu-theme-light = Light
menu-theme-dark = Dark
