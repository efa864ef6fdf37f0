/* cpu_features.c - precision names and what this CPU supports, from cpuid at run
 * time: the build never assumes the machine it will run on, so a bf16
 * request on an older CPU becomes float32 (with a note from the caller)
 * rather than an illegal instruction. */
#include "kernels/kernels.h"

#include <cpuid.h>
#include <string.h>

static unsigned long long xgetbv0(void) {
    unsigned int lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long long)hi << 32) | lo;
}

f5_cpu_features f5_cpu_detect(void) {
    f5_cpu_features f = {0};
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return f;
    bool osxsave = c & (1u << 27), fma = c & (1u << 12);
    if (!osxsave) return f;
    unsigned long long xcr0 = xgetbv0();
    bool os_ymm = (xcr0 & 0x6) == 0x6;                   /* SSE and AVX state enabled by the OS */
    bool os_zmm = (xcr0 & 0xe6) == 0xe6;                 /* SSE, AVX, opmask, ZMM state enabled by the OS */
    bool os_amx = (xcr0 & (3ull << 17)) == (3ull << 17); /* XTILECFG, XTILEDATA */
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return f;
    f.avx2_fma = os_ymm && fma && (b & (1u << 5));
    f.avx512f = os_zmm && (b & (1u << 16)) && f.avx2_fma;
    f.amx_bf16 = os_amx && (d & (1u << 22));
    if (__get_cpuid_count(7, 1, &a, &b, &c, &d)) f.avx512_bf16 = f.avx512f && (a & (1u << 5));
    return f;
}

f5_cpu_isa f5_cpu_isa_for(const f5_kctx *k) {
    f5_cpu_features f = f5_cpu_detect();
    f5_cpu_isa best = f.avx512f ? F5_ISA_AVX512 : f.avx2_fma ? F5_ISA_AVX2 : F5_ISA_BASE;
    return k && k->isa_max != F5_ISA_BEST && k->isa_max < best ? k->isa_max : best;
}

const char *f5_cpu_isa_name(f5_cpu_isa isa) {
    switch (isa) {
    case F5_ISA_AVX512: return "avx512";
    case F5_ISA_AVX2: return "avx2";
    case F5_ISA_BASE: return "base";
    default: return "best";
    }
}

bool f5_cpu_supports(f5_kprec prec) {
    if (prec == F5_KPREC_F32) return true;
    f5_cpu_features f = f5_cpu_detect();
    return prec == F5_KPREC_BF16 && (f.avx512_bf16 || f.amx_bf16);
}

const char *f5_kprec_name(f5_kprec d) { return d == F5_KPREC_BF16 ? "bf16" : "fp32"; }

bool f5_kprec_parse(const char *s, f5_kprec *out) {
    if (!s) return false;
    if (!strcmp(s, "fp32") || !strcmp(s, "f32") || !strcmp(s, "float32")) *out = F5_KPREC_F32;
    else if (!strcmp(s, "bf16") || !strcmp(s, "bfloat16")) *out = F5_KPREC_BF16;
    else return false;
    return true;
}
