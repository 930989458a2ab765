"""Reading documents: encodings, plain text with paragraphs, TSV pairs."""
from tqcheck.io.text import Paragraph, read_bytes, decode, read_text, split_paragraphs
from tqcheck.io.tsv import read_tsv_pairs

__all__ = ["Paragraph", "read_bytes", "decode", "read_text", "split_paragraphs", "read_tsv_pairs"]
