/* cpu_table.c - the float32 cpu backend as a dispatcher table. */
#include "kernels/cpu/cpu_kernels.h"

const f5_kops f5_kops_cpu_f32 = {
    .name = "cpu-fp32", .linear = f5_linear_cpu, .gemm = f5_gemm_cpu, .layernorm = f5_layernorm_cpu,
    .adaln = f5_adaln_cpu, .gated_add = f5_gated_add_cpu, .activation = f5_activation_cpu,
    .conv1d = f5_conv1d_cpu, .conv1d_scratch_floats = f5_conv1d_scratch_floats_cpu, .rope = f5_rope_cpu,
    .attention = f5_attention_cpu, .attention_scratch_floats = f5_attention_scratch_floats_cpu,
    .device_memory = false, .alloc = f5_kalloc_cpu, .free = f5_kfree_cpu, .upload = f5_kmemcpy_cpu,
    .download = f5_kmemcpy_cpu, .copy = f5_kmemcpy_cpu, .zero = f5_kzero_cpu, .sync = f5_ksync_cpu,
    .add = f5_add_cpu,
};
