"""Evaluation: ROUGE for summaries, B-cubed for clusters, baselines in the same run."""
