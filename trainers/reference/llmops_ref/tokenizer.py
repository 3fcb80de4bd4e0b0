"""Byte-level tokenizer: ids 0-255 are bytes, then BOS, EOS, PAD. Round-trips any UTF-8 text."""
BOS = 256
EOS = 257
PAD = 258
VOCAB_SIZE = 259


def encode(text):
    return list(text.encode("utf-8"))


def decode(ids):
    return bytes(i for i in ids if i < 256).decode("utf-8", errors="replace")


def tokenizer_files():
    """What goes next to the weights so other tools know how to tokenize."""
    return {
        "llmops_tokenizer.json": {
            "type": "byte",
            "vocab_size": VOCAB_SIZE,
            "bos_token_id": BOS,
            "eos_token_id": EOS,
            "pad_token_id": PAD,
            "bos_token": "<s>",
            "eos_token": "</s>",
            "pad_token": "<pad>",
        }
    }
