"""Reforms: the wetsvoorstel versterking VTH-stelsel milieu, broadening the basistakenpakket,
and drafters' reform files (issue 4)."""
