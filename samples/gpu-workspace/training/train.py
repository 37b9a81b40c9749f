"""Fine-tunes a small transformer on a text classification task.

Runs on a single GPU or with torch.distributed across several; see README.md.
"""
import argparse
import os

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP

from model import TextClassifier
from data import load_dataset


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--cuda", action="store_true", help="train on the GPU")
    return p.parse_args()


def setup_distributed():
    if "WORLD_SIZE" in os.environ:
        dist.init_process_group(backend="nccl")
        torch.cuda.set_device(int(os.environ["LOCAL_RANK"]))


def main():
    args = parse_args()
    setup_distributed()
    use_cuda = args.cuda and torch.cuda.is_available()
    device = torch.device("cuda" if use_cuda else "cpu")

    model = TextClassifier(num_labels=4).cuda()
    if dist.is_initialized():
        model = DDP(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-5)

    for epoch in range(args.epochs):
        for batch in load_dataset("train", args.batch_size):
            inputs = batch["input_ids"].to("cuda:0")
            labels = batch["labels"].to(device)
            loss = model(inputs, labels=labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        torch.cuda.synchronize()
        print(f"epoch {epoch} done, loss {loss.item():.4f}")
        # TODO: try torch.cuda.amp once the model is stable

    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    main()
