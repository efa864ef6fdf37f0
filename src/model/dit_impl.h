/* dit_impl.h - private layout of the DiT model and context, shared by the
 * dit*.c files (load/bind, text embedding, input embedding, blocks,
 * forward). Not part of the model API: include model/dit.h instead. */
#ifndef F5_MODEL_DIT_IMPL_H
#define F5_MODEL_DIT_IMPL_H

#include "core/threadpool.h"
#include "model/dit.h"

#define F5_DIT_TIME_FREQ_DIM 256 /* sinusoidal time features */
#define F5_DIT_CONVPOS_K 31
#define F5_DIT_CONVPOS_GROUPS 16
#define F5_DIT_TEXT_CONV_K 7
#define F5_DIT_LN_EPS 1e-6f

/* Shapes: D = dim, A = heads*dim_head, F = D*ff_mult, Dt = text_dim, M = mel_dim. */
typedef struct f5_dit_text_block {
    const float *dw_w, *dw_b;     /* [Dt,1,7], [Dt] */
    const float *ln_w, *ln_b;     /* [Dt] */
    const float *pw1_w, *pw1_b;   /* [2Dt,Dt], [2Dt] */
    const float *grn_g, *grn_b;   /* [1,1,2Dt] */
    const float *pw2_w, *pw2_b;   /* [Dt,2Dt], [Dt] */
} f5_dit_text_block;

typedef struct f5_dit_block {
    const float *mod_w, *mod_b;   /* attn_norm.linear [6D,D], [6D] */
    const float *q_w, *q_b;       /* [A,D], [A] */
    const float *k_w, *k_b;       /* [A,D], [A] */
    const float *v_w, *v_b;       /* [A,D], [A] */
    const float *o_w, *o_b;       /* [D,A], [D] */
    const float *ff1_w, *ff1_b;   /* [F,D], [F] */
    const float *ff2_w, *ff2_b;   /* [D,F], [D] */
} f5_dit_block;

struct f5_dit {
    f5_dit_config c;
    const float *t0_w, *t0_b;     /* time_mlp.0 [D,256], [D] */
    const float *t2_w, *t2_b;     /* time_mlp.2 [D,D], [D] */
    const float *emb;             /* text_embed [V+1,Dt] */
    f5_dit_text_block *tblocks;   /* [conv_layers] */
    const float *proj_w, *proj_b; /* input_embed.proj [D,2M+Dt], [D] */
    const float *cp0_w, *cp0_b;   /* conv_pos_embed.conv1d.0 [D,D/16,31], [D] */
    const float *cp2_w, *cp2_b;   /* conv_pos_embed.conv1d.2 [D,D/16,31], [D] */
    f5_dit_block *blocks;         /* [depth] */
    const float *nout_w, *nout_b; /* norm_out.linear [2D,D], [2D] */
    const float *pout_w, *pout_b; /* proj_out [M,D], [M] */
    const float *inv_freq;        /* rotary_embed.inv_freq [dim_head/2] */
    f5_kpack *pack_bf16;          /* from f5_dit_prepare(BF16), else NULL */
    f5_kdev *dev;                 /* from f5_dit_prepare_device: the step's weights on a device */
    bool dev_bf16;                /* ... with bf16 copies of the large matrices */
};

struct f5_dit_ctx {
    const f5_dit *d;
    f5_kctx k;          /* the step's backend: its buffers below are backend memory */
    f5_kctx kh;         /* host kernels (cpu fp32, same pool) for the text setup when k's memory is not host memory */
    f5_kstream *stream; /* cuda: owned */
    f5_threadpool *pool;
    f5_dit_trace_fn trace;
    void *trace_user;

    /* capacity (rows = batch rows * frames of the evaluated batch) */
    int64_t cap_rows, cap_frames, cap_batch;

    /* per-synthesis state from f5_dit_set_text */
    bool have_text, have_lens;
    bool key_mask;      /* attention keys limited to lens (f5_dit_step_items: rows are independent items) */
    int rope_frames;    /* frames the rope tables hold (0 after the scratch is re-sized) */
    int B, N;
    int32_t *lens;      /* [2*cap_batch]: lens of the evaluated batch rows (cond rows, then uncond copies); step_items keeps its rows' buffer lengths in the second half */
    float *text_c;      /* [cap_batch*cap_frames, Dt] text embedding, with text */
    float *text_u;      /* [cap_batch*cap_frames, Dt] text embedding, drop_text */
    float *rope_cos;    /* [cap_frames, dim_head] */
    float *rope_sin;    /* [cap_frames, dim_head] */

    /* per-step scratch, sized for cap_rows */
    float *h;           /* [rows, D] residual stream */
    float *y;           /* [rows, max(D, 2M+Dt)] normalised / concat input */
    float *q, *kk, *v;  /* [rows, A] */
    float *att;         /* [rows, max(A, D)] attention output / conv tmp */
    float *ff;          /* [rows, max(F, 2Dt)] */
    float *conv_scratch; /* im2col: [cap_frames, (D/16)*31] */
    float *scores;      /* attention scratch */
    size_t scores_cap;
    float *temb;        /* [2*cap_batch, D] time embedding per row */
    float *tsilu;       /* [2*cap_batch, D] SiLU(time embedding) */
    float *mod;         /* [2*cap_batch, 6D] AdaLN parameters */
    float *tfeat;       /* [2*cap_batch, 256] */
    float *time_rows;   /* [2*cap_batch] */
    const float **row_ptrs; /* [3*cap_batch]: x, cond, text row pointers of a step */
    void *kscratch;     /* backend scratch (k.scratch), sized with the rest */
    double *grn_sums;   /* [2*text_dim]: the text blocks' per-channel sums of squares */

    /* Host memory beside the backend buffers above. On a host-visible
     * backend (ref, cpu) each mirror IS its buffer (same pointer), so the
     * uploads and downloads between them are no-ops; on cuda they are
     * separate host arrays. text_c/text_u, lens, time_rows, row_ptrs and
     * grn_sums are host memory on every backend. */
    float *hy, *hff, *hatt, *hq; /* mirrors of y, ff, att, q: text setup scratch, input concat */
    float *hconv;                /* host conv scratch of the text setup */
    float *htfeat;               /* mirror of tfeat */
    float *hrope_cos, *hrope_sin; /* mirrors of the rotary tables */
    float *outd;                 /* [rows, M] device output (NULL when host-visible: written in place) */
    float *trace_h;              /* [rows, max(D, Dt)] host copy for the trace hook (not host-visible only) */
};

/* The kernels the text setup runs on (host memory). */
static inline const f5_kctx *f5_dit_text_k(const f5_dit_ctx *ctx) {
    return f5_khost_visible(&ctx->k) ? &ctx->k : &ctx->kh;
}

/* Grow ctx scratch to hold `batch` evaluated rows of N frames. */
f5_status f5_dit_ctx_reserve(f5_dit_ctx *ctx, int batch, int N, f5_error *err);

/* Text embedding of B rows into out [B*N, Dt] (uses ctx->ff/att/y as scratch). */
f5_status f5_dit_text_embed(f5_dit_ctx *ctx, int B, int N, const int32_t *text, int T, const int32_t *lens,
                            bool drop_text, float *out, f5_error *err);

/* temb[r,:] for the rows' times (ctx->time_rows[0..R)). */
void f5_dit_time_embed(f5_dit_ctx *ctx, int R);

/* h = input embedding of R rows: x, cond [R,N,M] row pointers per batch row,
 * text [R rows of N*Dt]; lens = ctx->lens (or none). avail [R] (or NULL =
 * N each): frames the row's x/cond/text buffers hold; frames beyond are
 * read as zeros. */
void f5_dit_input_embed(f5_dit_ctx *ctx, int R, int N, const float *const *x_rows, const float *const *cond_rows,
                        const float *const *text_rows, const int32_t *avail);

/* Rotary tables for frames [0, N) (kept until the scratch is re-sized). */
void f5_dit_rope_tables(f5_dit_ctx *ctx, int N);

/* One DiT evaluation of R prepared rows (time_rows, lens, have_lens and
 * key_mask already set): time embedding, input embedding, blocks, output
 * projection into out [R,N,M]. trace_text: emit "text_embed" to the trace
 * (the row buffers hold N frames). */
void f5_dit_eval(f5_dit_ctx *ctx, int R, int N, const float *const *x_rows, const float *const *cond_rows,
                 const float *const *text_rows, const int32_t *avail, bool trace_text, float *out);

/* Wait for the evaluation queued on the context's backend (f5_ksync): its
 * first failure, prefixed "DiT step". Every entry point that evaluates ends with it. */
f5_status f5_dit_sync(f5_dit_ctx *ctx, f5_error *err);

/* One transformer block over ctx->h (R rows of N frames). */
void f5_dit_block_forward(f5_dit_ctx *ctx, int i, int R, int N);

#endif
