/* cuda_table.c - the cuda backend as a dispatcher table. Every entry is
 * set: the activations are device pointers, so no cpu fallback may run. */
#include "kernels/cuda/cuda_kernels.h"

const f5_kops f5_kops_cuda = {
    .name = "cuda", .linear = f5_linear_cuda, .gemm = f5_gemm_cuda, .layernorm = f5_layernorm_cuda,
    .adaln = f5_adaln_cuda, .gated_add = f5_gated_add_cuda, .activation = f5_activation_cuda,
    .conv1d = f5_conv1d_cuda, .conv1d_scratch_floats = f5_conv1d_scratch_floats_cuda, .rope = f5_rope_cuda,
    .attention = f5_attention_cuda, .attention_scratch_floats = f5_attention_scratch_floats_cuda,
    .device_memory = true, .alloc = f5_kalloc_cuda, .free = f5_kfree_cuda, .upload = f5_kupload_cuda,
    .download = f5_kdownload_cuda, .copy = f5_kcopy_cuda, .zero = f5_kzero_cuda, .sync = f5_ksync_cuda,
    .add = f5_add_cuda,
};
