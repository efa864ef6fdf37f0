/* dit_items.c - the DiT over independent items: one evaluation packs items
 * of different lengths, each at its own flow time and with its own cached
 * text embedding, into one padded batch whose rows do not see each other's
 * padding (attention keys, position convolutions and residual adds are all
 * limited to each row's length). Each row's frames then equal the solo
 * evaluation of that item (same arithmetic; only the products' blocking
 * over more rows may differ in the last bits). The continuous batcher
 * (cfm_batch.c) is built on it.
 */
#include "model/dit_impl.h"

#include "core/error.h"

#include <string.h>

size_t f5_dit_item_text_floats(const f5_dit *d, int frames) {
    return frames > 0 ? (size_t)frames * (size_t)d->c.text_dim : 0;
}

f5_status f5_dit_item_text(f5_dit_ctx *ctx, int frames, const int32_t *text, int T, float *text_c, float *text_u,
                           f5_error *err) {
    if (frames < 1 || frames > (1 << 20) || T < 0 || (T > 0 && !text) || !text_c || !text_u)
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT item text: bad arguments (frames %d, text length %d)", frames, T);
    ctx->have_text = false; /* the scratch below is the one set_text's state lives in */
    f5_status st = f5_dit_ctx_reserve(ctx, 1, frames, err);
    if (st != F5_OK) return st;
    st = f5_dit_text_embed(ctx, 1, frames, text, T, NULL, false, text_c, err);
    if (st == F5_OK) st = f5_dit_text_embed(ctx, 1, frames, text, T, NULL, true, text_u, err);
    return st;
}

static f5_status step_items(f5_dit_ctx *ctx, int R, const f5_dit_item *rows, int N, float *out, f5_error *err);

/* Rows are independent, so when the device runs out of memory the batch is
 * evaluated again in two halves (recursively, down to one row). */
f5_status f5_dit_step_items(f5_dit_ctx *ctx, int R, const f5_dit_item *rows, int N, float *out, f5_error *err) {
    f5_status st = step_items(ctx, R, rows, N, out, err);
    if (st != F5_ERR_GPU_OOM || R < 2) return st;
    int h = R / 2;
    size_t M = (size_t)ctx->d->c.mel_dim;
    st = f5_dit_step_items(ctx, h, rows, N, out, err);
    if (st == F5_OK) st = f5_dit_step_items(ctx, R - h, rows + h, N, out + (size_t)h * (size_t)N * M, err);
    return st;
}

static f5_status step_items(f5_dit_ctx *ctx, int R, const f5_dit_item *rows, int N, float *out, f5_error *err) {
    if (!rows || !out || R < 1 || R > (1 << 15) || N < 1 || N > (1 << 20))
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT items: bad arguments (rows %d, frames %d)", R, N);
    for (int r = 0; r < R; r++) {
        const f5_dit_item *it = &rows[r];
        if (it->frames < 1 || it->frames > N || !it->x || !it->text)
            return f5_errf(err, F5_ERR_INVALID_ARG, "DiT items: row %d: %d frames (padded batch %d), x/text %s", r,
                           it->frames, N, it->x && it->text ? "set" : "missing");
    }
    ctx->have_text = false; /* this call owns the context's per-row state now */
    f5_status st = f5_dit_ctx_reserve(ctx, R, N, err);
    if (st != F5_OK) return st;
    f5_dit_rope_tables(ctx, N);
    const float **x_rows = ctx->row_ptrs;
    const float **cond_rows = x_rows + R, **text_rows = x_rows + 2 * R;
    int32_t *avail = ctx->lens + R; /* lens holds 2 * cap_batch >= 2R entries */
    for (int r = 0; r < R; r++) {
        x_rows[r] = rows[r].x;
        cond_rows[r] = rows[r].cond;
        text_rows[r] = rows[r].text;
        ctx->time_rows[r] = rows[r].time;
        ctx->lens[r] = avail[r] = rows[r].frames;
    }
    ctx->have_lens = true;
    ctx->key_mask = true;
    f5_dit_eval(ctx, R, N, x_rows, cond_rows, text_rows, avail, false, out);
    ctx->key_mask = false;
    return f5_dit_sync(ctx, err);
}
