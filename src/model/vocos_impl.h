/* vocos_impl.h - the Vocos model struct, shared by vocos.c (forward pass)
 * and vocos_load.c (config + weights). Internal to src/model. */
#ifndef F5_MODEL_VOCOS_IMPL_H
#define F5_MODEL_VOCOS_IMPL_H

#include "model/vocos.h"

typedef struct f5_vocos_block {
    const float *dw_wt;  /* [7, D] depthwise kernel, transposed from [D, 1, 7] */
    const float *dw_b;   /* [D] */
    const float *ln_w, *ln_b; /* [D] */
    const float *pw1_w;  /* [I, D] */
    const float *pw1_b;  /* [I] */
    const float *pw2_w;  /* [D, I] */
    const float *pw2_b;  /* [D] */
    const float *gamma;  /* [D] layer scale, NULL when layer_scale is off */
} f5_vocos_block;

struct f5_vocos {
    f5_vocos_config cfg;
    f5_weights *w;            /* owns every tensor below */
    const float *embed_w;     /* [D, C*7] (= [D, C, 7]) */
    const float *embed_b;     /* [D] */
    const float *norm_w, *norm_b;   /* [D] */
    f5_vocos_block *blocks;   /* [num_layers] */
    const float *fln_w, *fln_b;     /* [D] final LayerNorm */
    const float *head_w;      /* [n_fft + 2, D] */
    const float *head_b;      /* [n_fft + 2] */
    const float *window;      /* [n_fft] ISTFT window (head.istft.window) */
};

#endif
