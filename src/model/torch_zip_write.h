/* torch_zip_write.h - write tensors as a PyTorch ZIP checkpoint.
 *
 * The output is what torch.save(state_dict) writes and torch.load reads:
 * a ZIP of stored entries <archive>/data.pkl (pickle protocol 2: an
 * OrderedDict of _rebuild_tensor_v2 over persistent storages),
 * <archive>/byteorder ("little"), <archive>/data/<i> (one storage per tensor,
 * 64-byte aligned) and <archive>/version ("3"). Used by make-test-model to
 * produce .pt / pytorch_model.bin files in the real format.
 */
#ifndef F5_MODEL_TORCH_ZIP_WRITE_H
#define F5_MODEL_TORCH_ZIP_WRITE_H

#include "model/weights.h"

/* archive_name: the directory inside the ZIP ("model", "pytorch_model").
 * nest_key: NULL for a plain state dict, or e.g. "ema_model_state_dict" for
 * torch.save({nest_key: state_dict}). Files must stay under 4 GiB (no ZIP64
 * writer). On failure the partial file is removed. */
f5_status f5_torch_zip_write(const char *path, const char *archive_name, const char *nest_key,
                             const f5_tensor *const *tensors, size_t n, f5_error *err);

#endif
