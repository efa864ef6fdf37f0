/* dit.c - DiT model binding and context lifecycle: every tensor of the
 * normalised state dict is looked up by name and checked against the shape
 * the config implies; contexts own a thread pool and scratch that grows only
 * when a synthesis needs more rows than any before it. */
#include "model/dit_impl.h"

#include "core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct binder {
    f5_weights *w;
    f5_error *err;
    f5_status st;
} binder;

/* Bind one tensor "transformer.<name>" of the given shape (0-terminated dims). */
static const float *bind(binder *b, const char *name, int64_t d0, int64_t d1, int64_t d2) {
    if (b->st != F5_OK) return NULL;
    char key[256];
    snprintf(key, sizeof key, "transformer.%s", name);
    int64_t shape[3] = {d0, d1, d2};
    int nd = d2 ? 3 : d1 ? 2 : 1;
    const float *p = NULL;
    b->st = f5_weights_get_f32(b->w, key, nd, shape, &p, b->err);
    if (b->st != F5_OK) f5_err_prefix(b->err, b->st, "DiT");
    return p;
}

static const float *bindf(binder *b, int64_t d0, int64_t d1, int64_t d2, const char *fmt, int i) {
    char name[200];
    snprintf(name, sizeof name, fmt, i);
    return bind(b, name, d0, d1, d2);
}

f5_status f5_dit_create(f5_weights *w, const f5_dit_config *c, f5_dit **out, f5_error *err) {
    *out = NULL;
    if (!w || !c) return f5_errf(err, F5_ERR_INVALID_ARG, "DiT: NULL weights or config");
    if (c->qk_norm) return f5_errf(err, F5_ERR_UNSUPPORTED, "DiT %s: qk_norm is not supported", c->name);
    if (c->attn_mask_enabled)
        return f5_errf(err, F5_ERR_UNSUPPORTED, "DiT %s: attn_mask_enabled is not supported", c->name);
    f5_status vs = f5_dit_config_validate(c, NULL, err);
    if (vs) return vs;
    f5_dit *d = calloc(1, sizeof *d);
    if (!d) return f5_errf(err, F5_ERR_NOMEM, "DiT: out of memory");
    d->c = *c;
    d->tblocks = calloc((size_t)(c->conv_layers ? c->conv_layers : 1), sizeof *d->tblocks);
    d->blocks = calloc((size_t)c->depth, sizeof *d->blocks);
    if (!d->tblocks || !d->blocks) {
        f5_dit_free(d);
        return f5_errf(err, F5_ERR_NOMEM, "DiT: out of memory");
    }
    int64_t D = c->dim, A = (int64_t)c->heads * c->dim_head, F = D * c->ff_mult, Dt = c->text_dim, M = c->mel_dim;
    binder b = {w, err, F5_OK};
    d->t0_w = bind(&b, "time_embed.time_mlp.0.weight", D, F5_DIT_TIME_FREQ_DIM, 0);
    d->t0_b = bind(&b, "time_embed.time_mlp.0.bias", D, 0, 0);
    d->t2_w = bind(&b, "time_embed.time_mlp.2.weight", D, D, 0);
    d->t2_b = bind(&b, "time_embed.time_mlp.2.bias", D, 0, 0);
    d->emb = bind(&b, "text_embed.text_embed.weight", c->text_num_embeds + 1, Dt, 0);
    for (int j = 0; j < c->conv_layers; j++) {
        f5_dit_text_block *t = &d->tblocks[j];
        t->dw_w = bindf(&b, Dt, 1, F5_DIT_TEXT_CONV_K, "text_embed.text_blocks.%d.dwconv.weight", j);
        t->dw_b = bindf(&b, Dt, 0, 0, "text_embed.text_blocks.%d.dwconv.bias", j);
        t->ln_w = bindf(&b, Dt, 0, 0, "text_embed.text_blocks.%d.norm.weight", j);
        t->ln_b = bindf(&b, Dt, 0, 0, "text_embed.text_blocks.%d.norm.bias", j);
        t->pw1_w = bindf(&b, 2 * Dt, Dt, 0, "text_embed.text_blocks.%d.pwconv1.weight", j);
        t->pw1_b = bindf(&b, 2 * Dt, 0, 0, "text_embed.text_blocks.%d.pwconv1.bias", j);
        t->grn_g = bindf(&b, 1, 1, 2 * Dt, "text_embed.text_blocks.%d.grn.gamma", j);
        t->grn_b = bindf(&b, 1, 1, 2 * Dt, "text_embed.text_blocks.%d.grn.beta", j);
        t->pw2_w = bindf(&b, Dt, 2 * Dt, 0, "text_embed.text_blocks.%d.pwconv2.weight", j);
        t->pw2_b = bindf(&b, Dt, 0, 0, "text_embed.text_blocks.%d.pwconv2.bias", j);
    }
    d->proj_w = bind(&b, "input_embed.proj.weight", D, 2 * M + Dt, 0);
    d->proj_b = bind(&b, "input_embed.proj.bias", D, 0, 0);
    d->cp0_w = bind(&b, "input_embed.conv_pos_embed.conv1d.0.weight", D, D / F5_DIT_CONVPOS_GROUPS, F5_DIT_CONVPOS_K);
    d->cp0_b = bind(&b, "input_embed.conv_pos_embed.conv1d.0.bias", D, 0, 0);
    d->cp2_w = bind(&b, "input_embed.conv_pos_embed.conv1d.2.weight", D, D / F5_DIT_CONVPOS_GROUPS, F5_DIT_CONVPOS_K);
    d->cp2_b = bind(&b, "input_embed.conv_pos_embed.conv1d.2.bias", D, 0, 0);
    for (int i = 0; i < c->depth; i++) {
        f5_dit_block *k = &d->blocks[i];
        k->mod_w = bindf(&b, 6 * D, D, 0, "transformer_blocks.%d.attn_norm.linear.weight", i);
        k->mod_b = bindf(&b, 6 * D, 0, 0, "transformer_blocks.%d.attn_norm.linear.bias", i);
        k->q_w = bindf(&b, A, D, 0, "transformer_blocks.%d.attn.to_q.weight", i);
        k->q_b = bindf(&b, A, 0, 0, "transformer_blocks.%d.attn.to_q.bias", i);
        k->k_w = bindf(&b, A, D, 0, "transformer_blocks.%d.attn.to_k.weight", i);
        k->k_b = bindf(&b, A, 0, 0, "transformer_blocks.%d.attn.to_k.bias", i);
        k->v_w = bindf(&b, A, D, 0, "transformer_blocks.%d.attn.to_v.weight", i);
        k->v_b = bindf(&b, A, 0, 0, "transformer_blocks.%d.attn.to_v.bias", i);
        k->o_w = bindf(&b, D, A, 0, "transformer_blocks.%d.attn.to_out.0.weight", i);
        k->o_b = bindf(&b, D, 0, 0, "transformer_blocks.%d.attn.to_out.0.bias", i);
        k->ff1_w = bindf(&b, F, D, 0, "transformer_blocks.%d.ff.ff.0.0.weight", i);
        k->ff1_b = bindf(&b, F, 0, 0, "transformer_blocks.%d.ff.ff.0.0.bias", i);
        k->ff2_w = bindf(&b, D, F, 0, "transformer_blocks.%d.ff.ff.2.weight", i);
        k->ff2_b = bindf(&b, D, 0, 0, "transformer_blocks.%d.ff.ff.2.bias", i);
    }
    d->nout_w = bind(&b, "norm_out.linear.weight", 2 * D, D, 0);
    d->nout_b = bind(&b, "norm_out.linear.bias", 2 * D, 0, 0);
    d->pout_w = bind(&b, "proj_out.weight", M, D, 0);
    d->pout_b = bind(&b, "proj_out.bias", M, 0, 0);
    d->inv_freq = bind(&b, "rotary_embed.inv_freq", c->dim_head / 2, 0, 0);
    if (b.st != F5_OK) {
        f5_dit_free(d);
        return b.st;
    }
    *out = d;
    return F5_OK;
}

f5_status f5_dit_prepare(f5_dit *d, f5_kprec prec, f5_error *err) {
    if (prec == F5_KPREC_F32 || d->pack_bf16) return F5_OK;
    const f5_dit_config *c = &d->c;
    int64_t D = c->dim, A = (int64_t)c->heads * c->dim_head, F = D * c->ff_mult, Dt = c->text_dim, M = c->mel_dim;
    f5_kpack *p = NULL;
    f5_status st = f5_kpack_create(F5_BACKEND_CPU, prec, &p, err);
    for (int i = 0; st == F5_OK && i < c->depth; i++) {
        const f5_dit_block *b = &d->blocks[i];
        struct { const float *w; int64_t n, k; } mats[] = {
            {b->q_w, A, D}, {b->k_w, A, D}, {b->v_w, A, D}, {b->o_w, D, A}, {b->ff1_w, F, D}, {b->ff2_w, D, F}};
        for (size_t j = 0; st == F5_OK && j < sizeof mats / sizeof *mats; j++)
            st = f5_kpack_add(p, mats[j].w, mats[j].n, mats[j].k, err);
    }
    for (int i = 0; st == F5_OK && i < c->conv_layers; i++) {
        st = f5_kpack_add(p, d->tblocks[i].pw1_w, 2 * Dt, Dt, err);
        if (st == F5_OK) st = f5_kpack_add(p, d->tblocks[i].pw2_w, Dt, 2 * Dt, err);
    }
    /* the position convolutions' im2col products, one matrix per group */
    int64_t cog = D / F5_DIT_CONVPOS_GROUPS, ck = (D / F5_DIT_CONVPOS_GROUPS) * F5_DIT_CONVPOS_K;
    for (int g = 0; st == F5_OK && g < F5_DIT_CONVPOS_GROUPS; g++) {
        st = f5_kpack_add(p, d->cp0_w + g * cog * ck, cog, ck, err);
        if (st == F5_OK) st = f5_kpack_add(p, d->cp2_w + g * cog * ck, cog, ck, err);
    }
    if (st == F5_OK) st = f5_kpack_add(p, d->proj_w, D, 2 * M + Dt, err);
    if (st == F5_OK) st = f5_kpack_add(p, d->pout_w, M, D, err);
    if (st != F5_OK) {
        f5_kpack_free(p);
        return st;
    }
    d->pack_bf16 = p;
    return F5_OK;
}

size_t f5_dit_packed_bytes(const f5_dit *d) { return f5_kpack_bytes(d->pack_bf16); }

f5_status f5_dit_prepare_device(f5_dit *d, f5_backend backend, int device, f5_kprec prec, f5_error *err) {
    if (backend != F5_BACKEND_CUDA) return F5_OK; /* host backends read the weights where they are */
    if (d->dev && (prec != F5_KPREC_BF16 || d->dev_bf16)) return F5_OK;
    const f5_dit_config *c = &d->c;
    int64_t D = c->dim, A = (int64_t)c->heads * c->dim_head, F = D * c->ff_mult, Dt = c->text_dim, M = c->mel_dim;
    int64_t convw = D * (D / F5_DIT_CONVPOS_GROUPS) * F5_DIT_CONVPOS_K;
    bool b16 = prec == F5_KPREC_BF16; /* bf16 copies of the big products' matrices, as on the cpu */
    f5_kdev *dev = d->dev; /* a second call (bf16 after fp32) adds the bf16 copies */
    f5_status st = dev ? F5_OK : f5_kdev_create(backend, device, &dev, err);
    /* what a step reads; the text setup (embedding, text blocks, inv_freq) runs on the host */
    struct { const float *p; int64_t n; bool b16; } w[] = {
        {d->t0_w, D * F5_DIT_TIME_FREQ_DIM, false}, {d->t0_b, D, false}, {d->t2_w, D * D, false}, {d->t2_b, D, false},
        {d->proj_w, D * (2 * M + Dt), b16}, {d->proj_b, D, false}, {d->cp0_w, convw, false}, {d->cp0_b, D, false},
        {d->cp2_w, convw, false}, {d->cp2_b, D, false}, {d->nout_w, 2 * D * D, false}, {d->nout_b, 2 * D, false},
        {d->pout_w, M * D, b16}, {d->pout_b, M, false},
    };
    for (size_t i = 0; st == F5_OK && i < sizeof w / sizeof *w; i++) st = f5_kdev_add(dev, w[i].p, w[i].n, w[i].b16, err);
    for (int i = 0; st == F5_OK && i < c->depth; i++) {
        const f5_dit_block *b = &d->blocks[i];
        struct { const float *p; int64_t n; bool b16; } bw[] = {
            {b->mod_w, 6 * D * D, false}, {b->mod_b, 6 * D, false}, {b->q_w, A * D, b16}, {b->q_b, A, false},
            {b->k_w, A * D, b16},         {b->k_b, A, false},       {b->v_w, A * D, b16}, {b->v_b, A, false},
            {b->o_w, D * A, b16},         {b->o_b, D, false},       {b->ff1_w, F * D, b16}, {b->ff1_b, F, false},
            {b->ff2_w, D * F, b16},       {b->ff2_b, D, false},
        };
        for (size_t j = 0; st == F5_OK && j < sizeof bw / sizeof *bw; j++)
            st = f5_kdev_add(dev, bw[j].p, bw[j].n, bw[j].b16, err);
    }
    if (st != F5_OK) {
        if (dev != d->dev) f5_kdev_free(dev);
        return f5_err_prefix(err, st, "DiT %s on the device", c->name);
    }
    d->dev = dev;
    d->dev_bf16 = d->dev_bf16 || b16;
    return F5_OK;
}

size_t f5_dit_device_bytes(const f5_dit *d) { return f5_kdev_bytes(d->dev); }

void f5_dit_free(f5_dit *d) {
    if (!d) return;
    f5_kdev_free(d->dev);
    f5_kpack_free(d->pack_bf16);
    free(d->tblocks);
    free(d->blocks);
    free(d);
}

const f5_dit_config *f5_dit_get_config(const f5_dit *d) { return &d->c; }

f5_dit_ctx_params f5_dit_ctx_default_params(void) {
    return (f5_dit_ctx_params){
        .backend = F5_BACKEND_CPU, .prec = F5_KPREC_F32, .n_threads = 0, .max_batch = 1, .max_frames = 0};
}

f5_status f5_dit_ctx_create(const f5_dit *d, const f5_dit_ctx_params *p, f5_dit_ctx **out, f5_error *err) {
    *out = NULL;
    f5_dit_ctx_params dp = f5_dit_ctx_default_params();
    if (!p) p = &dp;
    if (!d) return f5_errf(err, F5_ERR_INVALID_ARG, "DiT context: NULL model");
    if (p->backend == F5_BACKEND_CUDA && !d->dev)
        return f5_errf(err, F5_ERR_INVALID_ARG,
                       "DiT context: the cuda backend needs the model's weights on the device (f5_dit_prepare_device)");
    if (p->prec == F5_KPREC_BF16 && p->backend != F5_BACKEND_CUDA && (p->backend != F5_BACKEND_CPU || !d->pack_bf16))
        return f5_errf(err, F5_ERR_INVALID_ARG,
                       "DiT context: bf16 needs the cpu backend and a model prepared for it (f5_dit_prepare)");
    if (p->n_threads < 0 || p->max_batch < 0 || p->max_frames < 0)
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT context: negative n_threads/max_batch/max_frames (%d/%d/%d)",
                       p->n_threads, p->max_batch, p->max_frames);
    f5_dit_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return f5_errf(err, F5_ERR_NOMEM, "DiT context: out of memory");
    ctx->d = d;
    int nt = p->n_threads > 0 ? p->n_threads : f5_cpu_count();
    f5_status st = f5_threadpool_create(nt, &ctx->pool, err);
    if (st != F5_OK) {
        free(ctx);
        return st;
    }
    ctx->kh = (f5_kctx){.backend = F5_BACKEND_CPU, .n_threads = nt, .pool = ctx->pool, .prec = F5_KPREC_F32};
    if (p->backend == F5_BACKEND_CUDA) {
        if ((st = f5_kstream_create(d->dev, &ctx->stream, err)) != F5_OK) {
            f5_dit_ctx_free(ctx);
            return st;
        }
        ctx->k = (f5_kctx){.backend = F5_BACKEND_CUDA, .n_threads = nt, .pool = ctx->pool, .prec = p->prec,
                           .dev = d->dev, .stream = ctx->stream};
    } else {
        ctx->k = (f5_kctx){.backend = p->backend, .n_threads = nt, .pool = ctx->pool, .prec = p->prec,
                           .pack = p->prec == F5_KPREC_BF16 ? d->pack_bf16 : NULL};
    }
    if (p->max_frames > 0) {
        st = f5_dit_ctx_reserve(ctx, 2 * (p->max_batch > 0 ? p->max_batch : 1), p->max_frames, err);
        if (st != F5_OK) {
            f5_dit_ctx_free(ctx);
            return st;
        }
    }
    *out = ctx;
    return F5_OK;
}

void f5_dit_ctx_set_profile(f5_dit_ctx *ctx, f5_kprof *prof) { ctx->k.prof = prof; }

/* Buffers of the context: backend memory (device on cuda) with a host
 * mirror where the host writes or reads them; the mirror is the buffer
 * itself on a host-visible backend. */
static void free_mirror(f5_dit_ctx *c, float **mirror, const float *buf) {
    if (*mirror && *mirror != buf) free(*mirror);
    *mirror = NULL;
}

static void free_scratch(f5_dit_ctx *c) {
    free_mirror(c, &c->hy, c->y);
    free_mirror(c, &c->hff, c->ff);
    free_mirror(c, &c->hatt, c->att);
    free_mirror(c, &c->hq, c->q);
    free_mirror(c, &c->hconv, c->conv_scratch);
    free_mirror(c, &c->htfeat, c->tfeat);
    free_mirror(c, &c->hrope_cos, c->rope_cos);
    free_mirror(c, &c->hrope_sin, c->rope_sin);
    float **dev[] = {&c->rope_cos, &c->rope_sin, &c->h,      &c->y,     &c->q,   &c->kk,    &c->v,
                     &c->att,      &c->ff,       &c->conv_scratch, &c->scores, &c->temb, &c->tsilu, &c->mod,
                     &c->tfeat,    &c->outd};
    for (size_t i = 0; i < sizeof dev / sizeof *dev; i++) {
        f5_kfree(&c->k, *dev[i]);
        *dev[i] = NULL;
    }
    float **host[] = {&c->text_c, &c->text_u, &c->time_rows, &c->trace_h};
    for (size_t i = 0; i < sizeof host / sizeof *host; i++) {
        free(*host[i]);
        *host[i] = NULL;
    }
    free(c->lens);
    c->lens = NULL;
    free(c->row_ptrs);
    c->row_ptrs = NULL;
    f5_kfree(&c->k, c->kscratch);
    c->kscratch = NULL;
    free(c->grn_sums);
    c->grn_sums = NULL;
    c->k.scratch = NULL;
    c->k.scratch_bytes = 0;
    c->cap_rows = c->cap_frames = c->cap_batch = 0;
    c->scores_cap = 0;
    c->rope_frames = 0;
}

void f5_dit_ctx_free(f5_dit_ctx *ctx) {
    if (!ctx) return;
    free_scratch(ctx);
    f5_kstream_free(ctx->stream);
    f5_threadpool_free(ctx->pool);
    free(ctx);
}

const f5_dit *f5_dit_ctx_model(const f5_dit_ctx *ctx) { return ctx->d; }

int f5_dit_ctx_threads(const f5_dit_ctx *ctx) { return ctx->k.n_threads; }

const f5_kctx *f5_dit_ctx_kernels(const f5_dit_ctx *ctx) { return &ctx->k; }

void f5_dit_ctx_set_trace(f5_dit_ctx *ctx, f5_dit_trace_fn fn, void *user) {
    ctx->trace = fn;
    ctx->trace_user = user;
}

static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }

f5_status f5_dit_ctx_reserve(f5_dit_ctx *ctx, int batch, int N, f5_error *err) {
    if (batch <= ctx->cap_batch && N <= ctx->cap_frames && (int64_t)batch * N <= ctx->cap_rows) return F5_OK;
    const f5_dit_config *c = &ctx->d->c;
    /* rows (batch rows x frames) grow on their own: a batch of many short
     * items after a long single one needs neither product of the maxima */
    int64_t nb = max64(batch, ctx->cap_batch), nf = max64(N, ctx->cap_frames);
    int64_t rows = max64((int64_t)batch * N, ctx->cap_rows);
    int64_t D = c->dim, A = (int64_t)c->heads * c->dim_head, F = D * c->ff_mult, Dt = c->text_dim, M = c->mel_dim;
    ctx->have_text = false;
    free_scratch(ctx);
    size_t attn = f5_attention_scratch_floats(&ctx->k, nf, c->heads);
    size_t conv = f5_conv1d_scratch_floats(&ctx->k, nf, D, D, F5_DIT_CONVPOS_K, F5_DIT_CONVPOS_GROUPS,
                                           F5_DIT_CONVPOS_K / 2);
    size_t tconv = f5_conv1d_scratch_floats(&ctx->k, nf, Dt, Dt, F5_DIT_TEXT_CONV_K, Dt, F5_DIT_TEXT_CONV_K / 2);
    if (tconv > conv) conv = tconv;
    struct {
        float **p;
        int64_t n;
    } req[] = {
        {&ctx->text_c, rows * Dt},
        {&ctx->text_u, rows * Dt},
        {&ctx->rope_cos, nf * c->dim_head},
        {&ctx->rope_sin, nf * c->dim_head},
        {&ctx->h, rows * D},
        {&ctx->y, rows * max64(D, 2 * M + Dt)},
        {&ctx->q, rows * A},
        {&ctx->kk, rows * A},
        {&ctx->v, rows * A},
        {&ctx->att, rows * max64(A, D)},
        {&ctx->ff, rows * max64(F, 2 * Dt)},
        {&ctx->conv_scratch, (int64_t)conv},
        {&ctx->scores, (int64_t)attn},
        {&ctx->temb, nb * D},
        {&ctx->tsilu, nb * D},
        {&ctx->mod, nb * 6 * D},
        {&ctx->tfeat, nb * F5_DIT_TIME_FREQ_DIM},
        {&ctx->time_rows, nb},
    };
    bool visible = f5_khost_visible(&ctx->k);
    for (size_t i = 0; i < sizeof req / sizeof *req; i++) {
        size_t n = (size_t)(req[i].n > 0 ? req[i].n : 1);
        bool host = req[i].p == &ctx->text_c || req[i].p == &ctx->text_u || req[i].p == &ctx->time_rows;
        *req[i].p = host ? malloc(n * sizeof(float)) : f5_kalloc(&ctx->k, n * sizeof(float));
        if (!*req[i].p) goto nomem;
    }
    /* host mirrors: the buffers themselves when host-visible */
    size_t hconv = f5_conv1d_scratch_floats(f5_dit_text_k(ctx), nf, Dt, Dt, F5_DIT_TEXT_CONV_K, Dt,
                                            F5_DIT_TEXT_CONV_K / 2);
    struct {
        float **mirror, *buf;
        int64_t n;
    } mir[] = {
        {&ctx->hy, ctx->y, rows * max64(D, 2 * M + Dt)},   {&ctx->hff, ctx->ff, rows * max64(F, 2 * Dt)},
        {&ctx->hatt, ctx->att, rows * max64(A, D)},        {&ctx->hq, ctx->q, rows * A},
        {&ctx->hconv, ctx->conv_scratch, (int64_t)hconv},  {&ctx->htfeat, ctx->tfeat, nb * F5_DIT_TIME_FREQ_DIM},
        {&ctx->hrope_cos, ctx->rope_cos, nf * c->dim_head}, {&ctx->hrope_sin, ctx->rope_sin, nf * c->dim_head},
    };
    for (size_t i = 0; i < sizeof mir / sizeof *mir; i++) {
        *mir[i].mirror = visible ? mir[i].buf : malloc((size_t)(mir[i].n > 0 ? mir[i].n : 1) * sizeof(float));
        if (!*mir[i].mirror) goto nomem;
    }
    if (!visible) {
        if (!(ctx->outd = f5_kalloc(&ctx->k, (size_t)rows * (size_t)M * sizeof(float)))) goto nomem;
        if (!(ctx->trace_h = malloc((size_t)rows * (size_t)max64(D, Dt) * sizeof(float)))) goto nomem;
    }
    ctx->grn_sums = malloc((size_t)(2 * Dt > 0 ? 2 * Dt : 1) * sizeof *ctx->grn_sums);
    if (!ctx->grn_sums) goto nomem;
    ctx->lens = malloc(2 * (size_t)nb * sizeof *ctx->lens);
    ctx->row_ptrs = malloc(3 * (size_t)nb * sizeof *ctx->row_ptrs);
    if (!ctx->lens || !ctx->row_ptrs) goto nomem;
    size_t kbytes = f5_kctx_scratch_bytes(&ctx->k, rows, max64(max64(F, 2 * M + Dt), max64(max64(D, A), 2 * Dt)));
    if (kbytes) {
        if (!(ctx->kscratch = f5_kalloc(&ctx->k, kbytes))) goto nomem;
        ctx->k.scratch = ctx->kscratch;
        ctx->k.scratch_bytes = kbytes;
    }
    ctx->scores_cap = attn;
    ctx->cap_batch = nb;
    ctx->cap_frames = nf;
    ctx->cap_rows = rows;
    return F5_OK;
nomem:
    free_scratch(ctx);
    if (!f5_khost_visible(&ctx->k))
        return f5_errf(err, F5_ERR_GPU_OOM, "DiT context: gpu out of memory for %lld rows (batch %lld x %lld frames)",
                       (long long)rows, (long long)nb, (long long)nf);
    return f5_errf(err, F5_ERR_NOMEM, "DiT context: out of memory for %lld rows x %lld frames", (long long)nb,
                   (long long)nf);
}

double f5_dit_flops(const f5_dit_config *c, int rows, int N) {
    double D = c->dim, A = (double)c->heads * c->dim_head, F = D * c->ff_mult, Dt = c->text_dim, M = c->mel_dim;
    double R = (double)rows * N;
    double per_row = D * (2 * M + Dt)                                     /* input proj */
                     + 2 * D * (D / F5_DIT_CONVPOS_GROUPS) * F5_DIT_CONVPOS_K /* conv pos embed */
                     + c->depth * (3 * A * D + A * D + 2 * D * F)       /* qkv, out, ff */
                     + D * M;                                           /* proj_out */
    double attn = (double)c->depth * rows * c->heads * 2.0 * (double)N * N * c->dim_head;
    return 2.0 * (R * per_row + attn);
}
