"""The Textual app: screens, widgets and the models behind them."""
