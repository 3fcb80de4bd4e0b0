"""llmops reference trainer: a small, dependency-free (PyTorch only) Llama SFT trainer."""
__version__ = "0.1.0"
