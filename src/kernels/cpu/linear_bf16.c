/* linear_bf16.c - bf16 weights packed (placeholder until the bf16 GEMM lands). */
#include "kernels/cpu/cpu_kernels.h"

const f5_kops f5_kops_cpu_bf16 = {.name = "cpu-bf16"};
