/* fuzz_pickle.c - arbitrary bytes into the restricted pickle machine, then a
 * bounded walk of the resulting object graph (it may share or cycle). */
#include "model/pickle.h"

#include <stddef.h>
#include <stdint.h>

/* Shared references make the graph a DAG (or a cycle): the budget keeps the
 * walk linear in the visits, not exponential in the depth. */
static size_t walk(const f5_pk_obj *o, int depth, size_t *budget) {
    if (!o || depth > 16 || !*budget) return 0;
    --*budget;
    size_t n = 1;
    if (o->type == F5_PK_TUPLE || o->type == F5_PK_LIST || o->type == F5_PK_DICT)
        for (size_t i = 0; i < o->u.seq.n && i < 64; i++) n += walk(o->u.seq.items[i], depth + 1, budget);
    if (o->type == F5_PK_TENSOR) n += walk(o->u.tensor.storage, depth + 1, budget);
    if (o->type == F5_PK_STR && o->u.str.len) n += (unsigned char)o->u.str.s[o->u.str.len - 1];
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    f5_pickle *p = NULL;
    f5_pk_obj *root = NULL;
    f5_error err = {0};
    if (f5_pickle_load(data, size, "fuzz", &p, &root, &err) == F5_OK) {
        size_t budget = 100000;
        volatile size_t sink = walk(root, 0, &budget);
        (void)sink;
    }
    f5_pickle_free(p);
    return 0;
}
