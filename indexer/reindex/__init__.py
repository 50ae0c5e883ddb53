"""Building and switching index generations: ``gongkai reindex``."""
