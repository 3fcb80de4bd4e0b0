"""Unit tests of the reference trainer's pieces: /usr/bin/python3 -m unittest discover -s trainers/reference/tests"""
import json
import os
import struct
import sys
import tempfile
import types
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import torch  # noqa: E402

from llmops_ref import data as D  # noqa: E402
from llmops_ref import tokenizer as tok  # noqa: E402
from llmops_ref.model import LlamaConfig, LlamaForCausalLM, rope_tables, rotate_half  # noqa: E402
from llmops_ref.safetensors_io import load_file, save_file  # noqa: E402
from llmops_ref.train import lr_at, read_weights  # noqa: E402


class SafetensorsTest(unittest.TestCase):
    def test_round_trip_and_layout(self):
        tensors = {
            "b.f32": torch.randn(3, 4),
            "a.bf16": torch.randn(5).to(torch.bfloat16),
            "c.f16": torch.randn(2, 2).to(torch.float16),
            "d.i64": torch.arange(6).reshape(2, 3),
            "e.bool": torch.tensor([True, False, True]),
            "f.empty": torch.zeros(0, 4),
        }
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "t.safetensors")
            save_file(tensors, path, {"format": "pt"})
            with open(path, "rb") as f:
                blob = f.read()
            (n,) = struct.unpack("<Q", blob[:8])
            self.assertEqual(n % 8, 0)
            header = json.loads(blob[8 : 8 + n])
            self.assertEqual(header["__metadata__"], {"format": "pt"})
            self.assertEqual(header["a.bf16"], {"dtype": "BF16", "shape": [5], "data_offsets": [0, 10]})
            back = load_file(path)
            self.assertEqual(sorted(back), sorted(tensors))
            for k, v in tensors.items():
                self.assertEqual(back[k].dtype, v.dtype, k)
                self.assertTrue(torch.equal(back[k], v), k)

    def test_sharded_weights(self):
        with tempfile.TemporaryDirectory() as d:
            save_file({"x": torch.ones(2)}, os.path.join(d, "model-00001-of-00002.safetensors"))
            save_file({"y": torch.zeros(3)}, os.path.join(d, "model-00002-of-00002.safetensors"))
            with open(os.path.join(d, "model.safetensors.index.json"), "w") as f:
                json.dump({"weight_map": {"x": "model-00001-of-00002.safetensors", "y": "model-00002-of-00002.safetensors"}}, f)
            self.assertEqual(sorted(read_weights(d)), ["x", "y"])


class ModelTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = LlamaForCausalLM(LlamaConfig(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=32)).eval()

    def test_causal(self):
        ids = torch.randint(0, 256, (1, 12))
        changed = ids.clone()
        changed[0, 8:] = (changed[0, 8:] + 1) % 256
        with torch.no_grad():
            a, b = self.model(ids), self.model(changed)
        self.assertTrue(torch.allclose(a[0, :8], b[0, :8], atol=1e-6))
        self.assertFalse(torch.allclose(a[0, 8:], b[0, 8:], atol=1e-6))

    def test_rope_is_relative_rotate_half(self):
        cos, sin = rope_tables(8, 32, 10000.0, None)
        q, k = torch.randn(8), torch.randn(8)
        rot = lambda x, p: x * cos[p] + rotate_half(x) * sin[p]  # noqa: E731
        self.assertAlmostEqual(float(rot(q, 3) @ rot(k, 1)), float(rot(q, 13) @ rot(k, 11)), places=4)
        # rotate-half pairs dimension i with i + d/2 (HF), not adjacent dimensions.
        self.assertTrue(torch.equal(rotate_half(torch.arange(4.0)), torch.tensor([-2.0, -3.0, 0.0, 1.0])))

    def test_hf_names_and_reload(self):
        names = sorted(self.model.hf_state_dict())
        self.assertIn("model.layers.0.self_attn.k_proj.weight", names)
        self.assertEqual(self.model.hf_state_dict()["model.layers.0.self_attn.k_proj.weight"].shape, (16, 32))  # 2 kv heads x 8
        other = LlamaForCausalLM(self.model.config)
        other.load_hf_state_dict(self.model.hf_state_dict())
        ids = torch.randint(0, 256, (1, 5))
        with torch.no_grad():
            self.assertTrue(torch.equal(self.model(ids), other.eval()(ids)))


class HfConfigTest(unittest.TestCase):
    BASE = {"model_type": "llama", "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 4, "intermediate_size": 64, "vocab_size": 300}

    def test_rope_theta_from_transformers_4_and_5_layouts(self):
        self.assertEqual(LlamaConfig.from_hf({**self.BASE, "rope_theta": 5e5, "rope_scaling": None}).rope_theta, 5e5)
        # transformers 5.x save_pretrained writes rope_parameters and no rope_theta
        self.assertEqual(LlamaConfig.from_hf({**self.BASE, "rope_parameters": {"rope_type": "default", "rope_theta": 5e4}}).rope_theta, 5e4)
        self.assertEqual(LlamaConfig.from_hf(self.BASE).rope_theta, 10000.0)
        written = LlamaConfig.from_hf({**self.BASE, "rope_theta": 123.0}).to_hf()
        self.assertEqual((written["rope_theta"], written["rope_parameters"]), (123.0, {"rope_type": "default", "rope_theta": 123.0}))

    def test_unsupported_variants_are_refused(self):
        for extra, msg in [({"rope_scaling": {"rope_type": "llama3", "factor": 8.0}}, "llama3"),
                           ({"rope_parameters": {"rope_type": "yarn", "rope_theta": 1e4}}, "yarn"),
                           ({"rope_parameters": {"rope_type": "default", "rope_theta": 1e4, "partial_rotary_factor": 0.5}}, "partial_rotary_factor"),
                           ({"attention_bias": True}, "attention_bias"), ({"hidden_act": "gelu"}, "hidden_act")]:
            with self.assertRaisesRegex(ValueError, msg):
                LlamaConfig.from_hf({**self.BASE, **extra})

    def test_unknown_tensors_are_refused_not_dropped(self):
        m = LlamaForCausalLM(LlamaConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=4, max_position_embeddings=16))
        sd = m.hf_state_dict()
        sd["model.layers.0.self_attn.rotary_emb.inv_freq"] = torch.ones(4)  # old checkpoints: ignored
        m.load_hf_state_dict(sd)
        sd["model.layers.0.self_attn.q_proj.bias"] = torch.zeros(32)
        with self.assertRaisesRegex(ValueError, "q_proj.bias"):
            m.load_hf_state_dict(sd)


class DataTest(unittest.TestCase):
    def test_chat_labels_cover_assistant_and_eos(self):
        ids, labels = D.encode_record("f", 1, {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}, "chat")
        self.assertEqual(tok.decode(ids), "User: hi\nAssistant: yo")
        self.assertEqual(ids[0], tok.BOS)
        self.assertEqual(ids[-1], tok.EOS)
        trained = [i for i, l in zip(ids, labels) if l != D.IGNORE]
        self.assertEqual(trained, list(b"yo") + [tok.EOS])

    def test_instruction_and_completion(self):
        ids, labels = D.encode_record("f", 1, {"instruction": "Add", "input": "1 2", "output": "3"}, "instruction")
        self.assertEqual(tok.decode(ids), "Add\n1 2\n3")
        self.assertEqual([i for i, l in zip(ids, labels) if l != D.IGNORE], [ord("3"), tok.EOS])
        ids, labels = D.encode_record("f", 1, {"prompt": "a", "completion": "b"}, "completion")
        self.assertEqual([i for i, l in zip(ids, labels) if l != D.IGNORE], [ord("b"), tok.EOS])

    def test_bad_records_name_the_line(self):
        with self.assertRaisesRegex(D.DataError, r"f:7: chat records need"):
            D.encode_record("f", 7, {"text": "x"}, "chat")

    def test_packing_and_padding(self):
        ex = [D.encode_record("f", i, {"prompt": "ab", "completion": "cd"}, "completion") for i in range(5)]
        ids, labels = D.build_blocks(ex, 8, True)
        self.assertEqual(tuple(ids.shape), (4, 8))  # 5 x 6 tokens = 30 -> 4 blocks, the last padded
        ids, labels = D.build_blocks(ex, 8, False)
        self.assertEqual(tuple(ids.shape), (5, 8))
        self.assertEqual(ids[0, -1].item(), tok.PAD)
        self.assertEqual(labels[0, -1].item(), D.IGNORE)


class ScheduleTest(unittest.TestCase):
    def test_warmup_then_cosine(self):
        a = types.SimpleNamespace(lr=1.0, warmup_steps=10, scheduler="cosine")
        self.assertAlmostEqual(lr_at(1, 110, a), 0.1)
        self.assertAlmostEqual(lr_at(10, 110, a), 1.0)
        self.assertAlmostEqual(lr_at(60, 110, a), 0.5)
        self.assertAlmostEqual(lr_at(110, 110, a), 0.0)
        a.scheduler = "linear"
        self.assertAlmostEqual(lr_at(60, 110, a), 0.5)
        a.scheduler = "constant"
        self.assertAlmostEqual(lr_at(100, 110, a), 1.0)


if __name__ == "__main__":
    unittest.main()
