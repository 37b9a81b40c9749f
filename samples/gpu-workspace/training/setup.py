"""Builds the fused layer-norm op used by model.py."""
from setuptools import find_packages, setup
from torch.utils.cpp_extension import BuildExtension, CUDAExtension

setup(
    name="text-classifier",
    version="0.2.0",
    packages=find_packages(),
    install_requires=["torch>=2.3", "transformers>=4.41", "xformers>=0.0.26"],
    ext_modules=[
        CUDAExtension(
            "fused_layernorm",
            sources=["csrc/layernorm.cpp", "csrc/layernorm_kernel.cu"],
            extra_compile_args={"nvcc": ["-O3", "--use_fast_math"]},
        )
    ],
    cmdclass={"build_ext": BuildExtension},
)
