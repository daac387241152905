"""Summarization: an extractive, attributed summary of a story."""

from newsfuse.summarize.extractive import Summarizer

__all__ = ["Summarizer"]
