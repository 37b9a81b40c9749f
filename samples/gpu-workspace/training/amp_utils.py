"""Mixed-precision and benchmarking helpers for train.py."""
import torch
from flash_attn import flash_attn_func


def make_scaler():
    torch.backends.cudnn.benchmark = True
    torch.backends.cuda.matmul.allow_tf32 = True
    return torch.cuda.amp.GradScaler()


def attention(q, k, v):
    with torch.autocast(device_type="cuda", dtype=torch.bfloat16):
        return flash_attn_func(q, k, v, causal=True)


def time_step(fn, *args):
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    start.record()
    out = fn(*args)
    end.record()
    torch.cuda.synchronize()
    return out, start.elapsed_time(end)


def compile_model(model):
    return torch.compile(model, mode="reduce-overhead")
