"""Channel-agnostic core. Nothing here may import telegram or linebot."""
