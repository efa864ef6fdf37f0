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

f5_status f5_dit_step_items(f5_dit_ctx *ctx, int B, const f5_dit_item *items, bool cfg, int N, float *out,
                            f5_error *err) {
    if (!items || !out || B < 1 || B > (1 << 15) || N < 1 || N > (1 << 20))
        return f5_errf(err, F5_ERR_INVALID_ARG, "DiT items: bad arguments (batch %d, frames %d)", B, N);
    for (int b = 0; b < B; b++) {
        const f5_dit_item *it = &items[b];
        if (it->frames < 1 || it->frames > N || !it->x || !it->text_c || (cfg && !it->text_u))
            return f5_errf(err, F5_ERR_INVALID_ARG, "DiT items: item %d: %d frames (padded batch %d), x/text %s", b,
                           it->frames, N, it->x && it->text_c ? "set" : "missing");
    }
    int R = cfg ? 2 * B : B;
    ctx->have_text = false; /* this call owns the context's per-row state now */
    f5_status st = f5_dit_ctx_reserve(ctx, R, N, err);
    if (st != F5_OK) return st;
    f5_dit_rope_tables(ctx, N);
    const float **x_rows = ctx->row_ptrs;
    const float **cond_rows = x_rows + R, **text_rows = x_rows + 2 * R;
    int32_t *avail = ctx->lens + R; /* lens holds 2 * cap_batch >= 2R entries */
    for (int r = 0; r < R; r++) {
        const f5_dit_item *it = &items[r % B];
        bool uncond = r >= B;
        x_rows[r] = it->x;
        cond_rows[r] = uncond ? NULL : it->cond;
        text_rows[r] = uncond ? it->text_u : it->text_c;
        ctx->time_rows[r] = it->time;
        ctx->lens[r] = avail[r] = it->frames;
    }
    ctx->have_lens = true;
    ctx->key_mask = true;
    f5_dit_eval(ctx, R, N, x_rows, cond_rows, text_rows, avail, false, out);
    ctx->key_mask = false;
    return F5_OK;
}
