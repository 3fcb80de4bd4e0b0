"""SFT data: chat / instruction / completion JSONL → token ids with labels on completion tokens
only (-100 elsewhere), then packed into fixed-length blocks or padded per example.

Prompt templates (byte-level, documented in docs/training.md):
  chat:        BOS "User: …\\nAssistant: …" EOS   (loss on assistant contents and the final EOS)
  instruction: BOS "{instruction}\\n{input}\\n" + "{output}" EOS   (loss on output + EOS)
  completion:  BOS "{prompt}" + "{completion}" EOS   (loss on completion + EOS)"""
import json

import torch

from . import tokenizer as tok

IGNORE = -100


class DataError(ValueError):
    pass


def read_jsonl(path):
    rows = []
    with open(path, "r", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                raise DataError(f"{path}:{n}: invalid JSON ({e.msg})")
    if not rows:
        raise DataError(f"{path}: no records")
    return rows


def _str(path, n, row, key):
    v = row.get(key)
    if not isinstance(v, str):
        raise DataError(f"{path}:{n}: field {key!r} must be a string")
    return v


def segments(path, n, row, fmt):
    """A list of (text, trained) pieces for one record."""
    if not isinstance(row, dict):
        raise DataError(f"{path}:{n}: a record must be a JSON object")
    if fmt == "chat":
        msgs = row.get("messages")
        if not isinstance(msgs, list) or not msgs:
            raise DataError(f"{path}:{n}: chat records need a non-empty \"messages\" list")
        out = []
        for i, m in enumerate(msgs):
            if not isinstance(m, dict) or not isinstance(m.get("role"), str) or not isinstance(m.get("content"), str):
                raise DataError(f"{path}:{n}: messages[{i}] needs string \"role\" and \"content\"")
            out.append((("\n" if i else "") + m["role"].capitalize() + ": ", False))
            out.append((m["content"], m["role"] == "assistant"))
        return out, msgs[-1]["role"] == "assistant"
    if fmt == "instruction":
        instr = _str(path, n, row, "instruction")
        inp = row.get("input") or ""
        if not isinstance(inp, str):
            raise DataError(f"{path}:{n}: field 'input' must be a string")
        prompt = instr + "\n" + (inp + "\n" if inp else "")
        return [(prompt, False), (_str(path, n, row, "output"), True)], True
    if fmt == "completion":
        return [(_str(path, n, row, "prompt"), False), (_str(path, n, row, "completion"), True)], True
    raise DataError(f"unknown dataset format {fmt!r}")


def encode_record(path, n, row, fmt):
    ids = [tok.BOS]
    labels = [IGNORE]
    pieces, eos_trained = segments(path, n, row, fmt)
    for text, trained in pieces:
        t = tok.encode(text)
        ids += t
        labels += t if trained else [IGNORE] * len(t)
    ids.append(tok.EOS)
    labels.append(tok.EOS if eos_trained else IGNORE)
    return ids, labels


def load_examples(path, fmt):
    return [encode_record(path, n, row, fmt) for n, row in read_jsonl(path)]


def build_blocks(examples, seq_len, packing):
    """Tensors [N, seq_len] of ids and labels. Packing concatenates examples (attention may cross
    example boundaries, as in most simple packers) and cuts fixed blocks; otherwise each example is
    truncated or padded to seq_len."""
    rows_ids, rows_lab = [], []
    if packing:
        flat_ids, flat_lab = [], []
        for ids, lab in examples:
            flat_ids += ids
            flat_lab += lab
        for s in range(0, len(flat_ids), seq_len):
            rows_ids.append(flat_ids[s : s + seq_len])
            rows_lab.append(flat_lab[s : s + seq_len])
    else:
        for ids, lab in examples:
            rows_ids.append(ids[:seq_len])
            rows_lab.append(lab[:seq_len])
    for r_ids, r_lab in zip(rows_ids, rows_lab):
        pad = seq_len - len(r_ids)
        r_ids += [tok.PAD] * pad
        r_lab += [IGNORE] * pad
    keep = [i for i, lab in enumerate(rows_lab) if any(x != IGNORE for x in lab[1:])]
    if not keep:
        raise DataError("no example has a trained token within the sequence length; raise sequence_len")
    ids = torch.tensor([rows_ids[i] for i in keep], dtype=torch.long)
    labels = torch.tensor([rows_lab[i] for i in keep], dtype=torch.long)
    return ids, labels
