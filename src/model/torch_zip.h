/* torch_zip.h - PyTorch ZIP checkpoints (.pt / .bin) without Python.
 *
 * Reads <archive>/data.pkl with a safe subset of the pickle protocol (state
 * dicts of tensors built by torch._utils._rebuild_tensor_v2 over persistent
 * storages; nested dicts such as ema_model_state_dict), refusing every other
 * global, and maps each used storage <archive>/data/<key> zero-copy (the
 * entries are stored uncompressed). Nested dict keys are joined with '.'
 * ("ema_model_state_dict.ema_model.transformer....").
 */
#ifndef F5_MODEL_TORCH_ZIP_H
#define F5_MODEL_TORCH_ZIP_H

#include "model/weights.h"

f5_status f5_torch_zip_parse(f5_weights *w, const char *what, const void *data, size_t size, f5_error *err);

#endif
