"""Llama architecture with HF parameter names (so state_dict keys are HF's): RMSNorm, RoPE in the
rotate-half convention, SwiGLU MLP, grouped-query attention. Runs on torch 1.13 (manual attention)
and torch 2.x (scaled_dot_product_attention)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

HAS_SDPA = hasattr(F, "scaled_dot_product_attention")


class LlamaConfig:
    def __init__(self, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=None,
                 intermediate_size=None, vocab_size=259, max_position_embeddings=512, rms_norm_eps=1e-5,
                 rope_theta=10000.0, tie_word_embeddings=False, bos_token_id=256, eos_token_id=257,
                 pad_token_id=258, head_dim=None):
        self.hidden_size = hidden_size
        self.num_hidden_layers = num_hidden_layers
        self.num_attention_heads = num_attention_heads
        self.num_key_value_heads = num_key_value_heads or num_attention_heads
        self.intermediate_size = intermediate_size or _default_ffn(hidden_size)
        self.vocab_size = vocab_size
        self.max_position_embeddings = max_position_embeddings
        self.rms_norm_eps = rms_norm_eps
        self.rope_theta = rope_theta
        self.tie_word_embeddings = tie_word_embeddings
        self.bos_token_id = bos_token_id
        self.eos_token_id = eos_token_id
        self.pad_token_id = pad_token_id
        self.head_dim = head_dim or hidden_size // num_attention_heads
        if self.num_attention_heads % self.num_key_value_heads:
            raise ValueError("num_attention_heads must be a multiple of num_key_value_heads")

    def to_hf(self, dtype="float32"):
        return {
            "architectures": ["LlamaForCausalLM"],
            "model_type": "llama",
            "hidden_size": self.hidden_size,
            "intermediate_size": self.intermediate_size,
            "num_hidden_layers": self.num_hidden_layers,
            "num_attention_heads": self.num_attention_heads,
            "num_key_value_heads": self.num_key_value_heads,
            "head_dim": self.head_dim,
            "hidden_act": "silu",
            "max_position_embeddings": self.max_position_embeddings,
            "rms_norm_eps": self.rms_norm_eps,
            # transformers 4.x reads rope_theta/rope_scaling, 5.x rope_parameters (and still accepts rope_theta)
            "rope_theta": self.rope_theta,
            "rope_scaling": None,
            "rope_parameters": {"rope_type": "default", "rope_theta": self.rope_theta},
            "attention_bias": False,
            "attention_dropout": 0.0,
            "mlp_bias": False,
            "initializer_range": 0.02,
            "vocab_size": self.vocab_size,
            "tie_word_embeddings": self.tie_word_embeddings,
            "bos_token_id": self.bos_token_id,
            "eos_token_id": self.eos_token_id,
            "pad_token_id": self.pad_token_id,
            "torch_dtype": dtype,  # transformers 4.x
            "dtype": dtype,  # transformers 5.x
            "use_cache": True,
        }

    @classmethod
    def from_hf(cls, d):
        if d.get("model_type", "llama") != "llama":
            raise ValueError(f"config.json has model_type {d.get('model_type')!r}; the reference trainer supports llama only")
        for key, want in (("hidden_act", "silu"), ("attention_bias", False), ("mlp_bias", False)):
            if d.get(key, want) != want:
                raise ValueError(f"config.json has {key}: {d[key]!r}; the reference trainer implements {key}: {want!r} only")
        return cls(hidden_size=d["hidden_size"], num_hidden_layers=d["num_hidden_layers"],
                   num_attention_heads=d["num_attention_heads"], num_key_value_heads=d.get("num_key_value_heads"),
                   intermediate_size=d["intermediate_size"], vocab_size=d["vocab_size"],
                   max_position_embeddings=d.get("max_position_embeddings", 2048), rms_norm_eps=d.get("rms_norm_eps", 1e-6),
                   rope_theta=_rope_theta(d), tie_word_embeddings=d.get("tie_word_embeddings", False),
                   bos_token_id=d.get("bos_token_id"), eos_token_id=d.get("eos_token_id"), pad_token_id=d.get("pad_token_id"),
                   head_dim=d.get("head_dim"))


def _rope_theta(d):
    """RoPE base from an HF config: transformers 4.x writes `rope_theta` (+ `rope_scaling`), 5.x writes
    `rope_parameters: {rope_type, rope_theta}`. Only the default (unscaled) RoPE is implemented."""
    params = d.get("rope_parameters")
    scaling = d.get("rope_scaling")
    for key, p in (("rope_parameters", params), ("rope_scaling", scaling)):
        if p is None:
            continue
        if not isinstance(p, dict):
            raise ValueError(f"config.json has {key}: {p!r}; expected an object")
        kind = p.get("rope_type", p.get("type", "default"))
        if kind != "default":
            raise ValueError(f"config.json has {key} with rope_type {kind!r}, which the reference trainer does not implement (default RoPE only)")
        if p.get("partial_rotary_factor", 1.0) != 1.0:
            raise ValueError(f"config.json has {key}.partial_rotary_factor {p['partial_rotary_factor']}; the reference trainer rotates the whole head")
    if d.get("partial_rotary_factor", 1.0) != 1.0:
        raise ValueError(f"config.json has partial_rotary_factor {d['partial_rotary_factor']}; the reference trainer rotates the whole head")
    if params is not None and "rope_theta" in params:
        if "rope_theta" in d and float(d["rope_theta"]) != float(params["rope_theta"]):
            raise ValueError(f"config.json has rope_theta {d['rope_theta']} and rope_parameters.rope_theta {params['rope_theta']}")
        return float(params["rope_theta"])
    return float(d.get("rope_theta", 10000.0))


def _default_ffn(hidden):
    # Llama's rule: 2/3 of 4h, rounded up to a multiple of 32 (small models) for tidy shapes.
    n = int(2 * 4 * hidden / 3)
    return 32 * ((n + 31) // 32)


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        dtype = x.dtype
        x = x.float()
        x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * x.to(dtype)


def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


def rope_tables(head_dim, seq_len, theta, device):
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, device=device, dtype=torch.float32) / head_dim))
    t = torch.arange(seq_len, device=device, dtype=torch.float32)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos(), emb.sin()


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_heads = cfg.num_attention_heads
        self.n_kv = cfg.num_key_value_heads
        self.hd = cfg.head_dim
        self.q_proj = nn.Linear(cfg.hidden_size, self.n_heads * self.hd, bias=False)
        self.k_proj = nn.Linear(cfg.hidden_size, self.n_kv * self.hd, bias=False)
        self.v_proj = nn.Linear(cfg.hidden_size, self.n_kv * self.hd, bias=False)
        self.o_proj = nn.Linear(self.n_heads * self.hd, cfg.hidden_size, bias=False)

    def forward(self, x, cos, sin):
        b, t, _ = x.shape
        q = self.q_proj(x).view(b, t, self.n_heads, self.hd).transpose(1, 2)
        k = self.k_proj(x).view(b, t, self.n_kv, self.hd).transpose(1, 2)
        v = self.v_proj(x).view(b, t, self.n_kv, self.hd).transpose(1, 2)
        cos = cos[:t].to(q.dtype)
        sin = sin[:t].to(q.dtype)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if self.n_kv != self.n_heads:
            rep = self.n_heads // self.n_kv
            k = k.repeat_interleave(rep, dim=1)
            v = v.repeat_interleave(rep, dim=1)
        if HAS_SDPA:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            att = (q @ k.transpose(-2, -1)) / math.sqrt(self.hd)
            mask = torch.ones(t, t, dtype=torch.bool, device=x.device).triu(1)
            att = att.masked_fill(mask, float("-inf")).softmax(-1)
            y = att @ v
        return self.o_proj(y.transpose(1, 2).reshape(b, t, self.n_heads * self.hd))


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.gate_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.up_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.down_proj = nn.Linear(cfg.intermediate_size, cfg.hidden_size, bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self_attn = Attention(cfg)
        self.mlp = MLP(cfg)
        self.input_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.post_attention_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)

    def forward(self, x, cos, sin):
        x = x + self.self_attn(self.input_layernorm(x), cos, sin)
        return x + self.mlp(self.post_attention_layernorm(x))


class LlamaModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size)
        self.layers = nn.ModuleList([DecoderLayer(cfg) for _ in range(cfg.num_hidden_layers)])
        self.norm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)


class LlamaForCausalLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.config = cfg
        self.model = LlamaModel(cfg)
        self.lm_head = nn.Linear(cfg.hidden_size, cfg.vocab_size, bias=False)
        if cfg.tie_word_embeddings:
            self.lm_head.weight = self.model.embed_tokens.weight
        cos, sin = rope_tables(cfg.head_dim, cfg.max_position_embeddings, cfg.rope_theta, None)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def forward(self, ids):
        if ids.shape[1] > self.config.max_position_embeddings:
            raise ValueError(f"sequence of {ids.shape[1]} tokens exceeds max_position_embeddings {self.config.max_position_embeddings}")
        x = self.model.embed_tokens(ids)
        for layer in self.model.layers:
            x = layer(x, self.rope_cos, self.rope_sin)
        return self.lm_head(self.model.norm(x))

    def hf_state_dict(self):
        sd = {k: v for k, v in self.state_dict().items() if "lora_" not in k}
        if self.config.tie_word_embeddings:
            sd.pop("lm_head.weight", None)
        return sd

    def load_hf_state_dict(self, sd):
        sd = dict(sd)
        if "lm_head.weight" not in sd and "model.embed_tokens.weight" in sd:
            sd["lm_head.weight"] = sd["model.embed_tokens.weight"]
        own = self.state_dict()
        # Older checkpoints carry the RoPE table (recomputed here); anything else unknown (biases, extra
        # layers) would be silently dropped, so it is refused.
        unknown = sorted(k for k in sd if k not in own and not k.endswith("rotary_emb.inv_freq"))
        if unknown:
            raise ValueError(f"weights have {len(unknown)} tensors the Llama architecture here does not use, e.g. {unknown[:3]}")
        missing = [k for k in own if k not in sd and "lora_" not in k]
        if missing:
            raise ValueError(f"weights lack {len(missing)} tensors, e.g. {missing[:3]}")
        for k, v in sd.items():
            if k in own:
                if tuple(own[k].shape) != tuple(v.shape):
                    raise ValueError(f"tensor {k} has shape {tuple(v.shape)}, the config implies {tuple(own[k].shape)}")
                own[k].copy_(v.to(own[k].dtype))
