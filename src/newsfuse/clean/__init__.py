"""Cleaning: boilerplate lines out, metadata kept, text split into sentences."""

from newsfuse.clean.cleaner import Cleaner
from newsfuse.clean.sentences import SentenceSplitter, split_spans

__all__ = ["Cleaner", "SentenceSplitter", "split_spans"]
