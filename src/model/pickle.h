/* pickle.h - a safe subset of the Python pickle protocol for state dicts.
 *
 * A small stack machine that understands the opcodes torch.save emits for
 * state dicts and optimizer states (protocols 2-5) and builds plain values:
 * None, bools, ints, floats, strings, tuples, lists, dicts, tensors and
 * storages. The only callables it knows are collections.OrderedDict,
 * torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and the
 * torch.*Storage types; any other GLOBAL is refused by name, and nothing is
 * ever executed. Stack, memo and object counts are bounded by the input size
 * and by fixed limits, so hostile input fails cleanly.
 */
#ifndef F5_MODEL_PICKLE_H
#define F5_MODEL_PICKLE_H

#include "f5tts.h"
#include "model/tensor.h"

typedef enum f5_pk_type {
    F5_PK_NONE,
    F5_PK_BOOL,
    F5_PK_INT,
    F5_PK_FLOAT,
    F5_PK_STR,     /* unicode or bytes; NUL-terminated copy */
    F5_PK_TUPLE,
    F5_PK_LIST,
    F5_PK_DICT,    /* dict or OrderedDict, insertion-ordered */
    F5_PK_GLOBAL,  /* a whitelisted callable */
    F5_PK_STORAGE, /* a persistent-id storage reference */
    F5_PK_TENSOR,
} f5_pk_type;

typedef enum f5_pk_global {
    F5_PKG_ORDERED_DICT,
    F5_PKG_REBUILD_TENSOR_V2,
    F5_PKG_REBUILD_PARAMETER,
    F5_PKG_STORAGE_TYPE, /* with .dtype */
} f5_pk_global;

typedef struct f5_pk_obj f5_pk_obj;
struct f5_pk_obj {
    f5_pk_type type;
    union {
        bool b;
        int64_t i;
        double f;
        struct {
            char *s;
            size_t len;
        } str;
        struct {
            f5_pk_obj **items; /* [n]; a dict holds n/2 pairs as key, value, key, value... */
            size_t n, cap;
        } seq;
        struct {
            f5_pk_global kind;
            f5_dtype dtype;
        } global;
        struct {
            f5_dtype dtype;
            char *key;     /* archive entry data/<key> */
            int64_t numel; /* elements the storage declares */
        } storage;
        struct {
            f5_pk_obj *storage;
            int64_t offset; /* in elements */
            int ndim;
            int64_t shape[F5_MAX_DIMS], stride[F5_MAX_DIMS];
        } tensor;
    } u;
};

typedef struct f5_pickle f5_pickle; /* owns every object it built */

/* Run the machine over `data`. On success *root is the value under STOP,
 * owned by *out (free with f5_pickle_free). `what` names the source in
 * messages, which say which opcode at which byte offset failed. */
f5_status f5_pickle_load(const void *data, size_t size, const char *what, f5_pickle **out, f5_pk_obj **root,
                         f5_error *err);
void f5_pickle_free(f5_pickle *p);

#endif
