/* pickle.c - the restricted pickle machine (see pickle.h).
 *
 * Objects are allocated individually and recorded in the f5_pickle so they
 * are all freed together; references (memo, BINGET) share objects, so the
 * graph may be a DAG or even cyclic; consumers must bound their walks.
 * Limits: stack and memo sizes, container growth and object count are all
 * capped (MAX_*), besides the natural bound of one object per input byte.
 */
#include "model/pickle.h"

#include "core/error.h"

#include <stdlib.h>
#include <string.h>

#define MAX_STACK (1u << 20)
#define MAX_MEMO (1u << 22)
#define MAX_OBJECTS (1u << 26)
#define MAX_MARKS 4096

struct f5_pickle {
    void **allocs;   /* every object and string, freed in f5_pickle_free */
    bool *is_obj;    /* [n_allocs]: allocs[i] is an f5_pk_obj (its item block is freed too) */
    size_t n_allocs, cap_allocs;
};

typedef struct vm {
    f5_pickle *pk;
    const unsigned char *p;
    size_t size, pos, op_pos;
    const char *what;
    f5_error *err;
    f5_pk_obj **stack;
    size_t sp, stack_cap;
    size_t *marks;
    size_t n_marks;
    f5_pk_obj **memo;
    size_t memo_len;
} vm;

static void *track(f5_pickle *pk, void *ptr, bool is_obj) {
    if (!ptr) return NULL;
    if (pk->n_allocs == pk->cap_allocs) {
        size_t nc = pk->cap_allocs ? pk->cap_allocs * 2 : 256;
        if (nc > MAX_OBJECTS * 2) {
            free(ptr);
            return NULL;
        }
        void **na = realloc(pk->allocs, nc * sizeof *na);
        if (na) pk->allocs = na;
        bool *nb = na ? realloc(pk->is_obj, nc * sizeof *nb) : NULL;
        if (nb) pk->is_obj = nb;
        if (!na || !nb) {
            free(ptr);
            return NULL;
        }
        pk->cap_allocs = nc;
    }
    pk->is_obj[pk->n_allocs] = is_obj;
    pk->allocs[pk->n_allocs++] = ptr;
    return ptr;
}

void f5_pickle_free(f5_pickle *p) {
    if (!p) return;
    for (size_t i = 0; i < p->n_allocs; i++) {
        f5_pk_obj *o = p->allocs[i];
        if (p->is_obj[i] && (o->type == F5_PK_TUPLE || o->type == F5_PK_LIST || o->type == F5_PK_DICT)) free(o->u.seq.items);
        free(p->allocs[i]);
    }
    free(p->is_obj);
    free(p->allocs);
    free(p);
}

static f5_status fail(vm *m, f5_status s, const char *msg) {
    return f5_errf(m->err, s, "%s: pickle opcode 0x%02x at byte %zu: %s", m->what, m->op_pos < m->size ? m->p[m->op_pos] : 0,
                   m->op_pos, msg);
}

static f5_pk_obj *new_obj(vm *m, f5_pk_type t) {
    f5_pk_obj *o = track(m->pk, calloc(1, sizeof *o), true);
    if (o) o->type = t;
    return o;
}

static f5_status push(vm *m, f5_pk_obj *o) {
    if (!o) return fail(m, F5_ERR_NOMEM, "out of memory (or object limit reached)");
    if (m->sp == m->stack_cap) {
        if (m->stack_cap >= MAX_STACK) return fail(m, F5_ERR_FORMAT, "stack too deep");
        size_t nc = m->stack_cap ? m->stack_cap * 2 : 64;
        f5_pk_obj **ns = realloc(m->stack, nc * sizeof *ns);
        if (!ns) return fail(m, F5_ERR_NOMEM, "out of memory growing the stack");
        m->stack = ns;
        m->stack_cap = nc;
    }
    m->stack[m->sp++] = o;
    return F5_OK;
}

/* Items above the floor (the last mark) that may be popped. */
static size_t floor_of(const vm *m) { return m->n_marks ? m->marks[m->n_marks - 1] : 0; }

static f5_pk_obj *pop(vm *m) { return m->sp > floor_of(m) ? m->stack[--m->sp] : NULL; }
static f5_pk_obj *top(vm *m) { return m->sp > floor_of(m) ? m->stack[m->sp - 1] : NULL; }

static f5_status need(vm *m, size_t n) {
    if (m->size - m->pos < n) return fail(m, F5_ERR_FORMAT, "argument runs past the end of the data (truncated pickle)");
    return F5_OK;
}

static uint64_t rd_le(const unsigned char *p, int n) {
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

static f5_status seq_append(vm *m, f5_pk_obj *c, f5_pk_obj *item) {
    if (c->u.seq.n == c->u.seq.cap) {
        size_t nc = c->u.seq.cap ? c->u.seq.cap * 2 : 8;
        if (nc > MAX_OBJECTS) return fail(m, F5_ERR_FORMAT, "container too large");
        f5_pk_obj **ni = realloc(c->u.seq.items, nc * sizeof *ni); /* freed with the object (f5_pickle_free) */
        if (!ni) return fail(m, F5_ERR_NOMEM, "out of memory growing a container");
        c->u.seq.items = ni;
        c->u.seq.cap = nc;
    }
    c->u.seq.items[c->u.seq.n++] = item;
    return F5_OK;
}

static f5_status dict_set(vm *m, f5_pk_obj *d, f5_pk_obj *k, f5_pk_obj *v) {
    if (!d || d->type != F5_PK_DICT) return fail(m, F5_ERR_FORMAT, "SETITEM(S) target is not a dict");
    if (!k || !v) return fail(m, F5_ERR_FORMAT, "stack underflow");
    f5_status s = seq_append(m, d, k);
    if (!s) s = seq_append(m, d, v);
    return s;
}

static f5_status make_str(vm *m, size_t len) {
    f5_status s = need(m, len);
    if (s) return s;
    f5_pk_obj *o = new_obj(m, F5_PK_STR);
    if (!o) return push(m, NULL);
    o->u.str.s = track(m->pk, malloc(len + 1), false);
    if (!o->u.str.s) return push(m, NULL);
    memcpy(o->u.str.s, m->p + m->pos, len);
    o->u.str.s[len] = 0;
    o->u.str.len = len;
    m->pos += len;
    return push(m, o);
}

static f5_status tuple_from(vm *m, size_t from) {
    f5_pk_obj *t = new_obj(m, F5_PK_TUPLE);
    if (!t) return push(m, NULL);
    for (size_t i = from; i < m->sp; i++) {
        f5_status s = seq_append(m, t, m->stack[i]);
        if (s) return s;
    }
    m->sp = from;
    return push(m, t);
}

static f5_status pop_mark(vm *m, size_t *at) {
    if (!m->n_marks) return fail(m, F5_ERR_FORMAT, "no MARK on the stack");
    *at = m->marks[--m->n_marks];
    return F5_OK;
}

static const struct {
    const char *name;
    f5_dtype dt;
} storage_types[] = {{"FloatStorage", F5_DT_F32},   {"HalfStorage", F5_DT_F16}, {"BFloat16Storage", F5_DT_BF16},
                     {"DoubleStorage", F5_DT_F64},  {"LongStorage", F5_DT_I64}, {"IntStorage", F5_DT_I32},
                     {"ShortStorage", F5_DT_I16},   {"CharStorage", F5_DT_I8},  {"ByteStorage", F5_DT_U8},
                     {"BoolStorage", F5_DT_BOOL}};

static f5_status make_global(vm *m, const char *mod, size_t ml, const char *name, size_t nl) {
    f5_pk_obj *g = new_obj(m, F5_PK_GLOBAL);
    if (!g) return push(m, NULL);
#define IS(s, l, lit) ((l) == sizeof(lit) - 1 && memcmp((s), (lit), (l)) == 0)
    if (IS(mod, ml, "collections") && IS(name, nl, "OrderedDict")) {
        g->u.global.kind = F5_PKG_ORDERED_DICT;
        return push(m, g);
    }
    if (IS(mod, ml, "torch._utils") && IS(name, nl, "_rebuild_tensor_v2")) {
        g->u.global.kind = F5_PKG_REBUILD_TENSOR_V2;
        return push(m, g);
    }
    if (IS(mod, ml, "torch._utils") && IS(name, nl, "_rebuild_parameter")) {
        g->u.global.kind = F5_PKG_REBUILD_PARAMETER;
        return push(m, g);
    }
    if (IS(mod, ml, "torch")) {
        for (size_t i = 0; i < sizeof storage_types / sizeof *storage_types; i++)
            if (nl == strlen(storage_types[i].name) && memcmp(name, storage_types[i].name, nl) == 0) {
                g->u.global.kind = F5_PKG_STORAGE_TYPE;
                g->u.global.dtype = storage_types[i].dt;
                return push(m, g);
            }
    }
#undef IS
    return f5_errf(m->err, F5_ERR_UNSUPPORTED,
                   "%s: pickle at byte %zu refers to global %.*s.%.*s, which is not allowed (only collections.OrderedDict, "
                   "torch._utils._rebuild_tensor_v2/_rebuild_parameter and torch.*Storage); refusing to load",
                   m->what, m->op_pos, (int)(ml > 100 ? 100 : ml), mod, (int)(nl > 100 ? 100 : nl), name);
}

static bool int_tuple(const f5_pk_obj *t, int64_t *out, int *n) {
    if (!t || t->type != F5_PK_TUPLE || t->u.seq.n > F5_MAX_DIMS) return false;
    for (size_t i = 0; i < t->u.seq.n; i++) {
        if (t->u.seq.items[i]->type != F5_PK_INT) return false;
        out[i] = t->u.seq.items[i]->u.i;
    }
    *n = (int)t->u.seq.n;
    return true;
}

static f5_status do_reduce(vm *m, f5_pk_obj *fn, f5_pk_obj *args) {
    if (!fn || !args) return fail(m, F5_ERR_FORMAT, "stack underflow");
    if (fn->type != F5_PK_GLOBAL) return fail(m, F5_ERR_FORMAT, "REDUCE/NEWOBJ of a non-callable");
    if (args->type != F5_PK_TUPLE) return fail(m, F5_ERR_FORMAT, "REDUCE/NEWOBJ arguments are not a tuple");
    f5_pk_obj **a = args->u.seq.items;
    size_t n = args->u.seq.n;
    switch (fn->u.global.kind) {
    case F5_PKG_ORDERED_DICT:
        if (n != 0) return fail(m, F5_ERR_UNSUPPORTED, "OrderedDict(...) with arguments is not supported");
        return push(m, new_obj(m, F5_PK_DICT));
    case F5_PKG_REBUILD_PARAMETER:
        if (n < 1 || a[0]->type != F5_PK_TENSOR) return fail(m, F5_ERR_FORMAT, "_rebuild_parameter expects a tensor");
        return push(m, a[0]);
    case F5_PKG_REBUILD_TENSOR_V2: {
        if (n < 4 || a[0]->type != F5_PK_STORAGE || a[1]->type != F5_PK_INT)
            return fail(m, F5_ERR_FORMAT, "_rebuild_tensor_v2 expects (storage, offset, size, stride, ...)");
        f5_pk_obj *t = new_obj(m, F5_PK_TENSOR);
        if (!t) return push(m, NULL);
        int nd = 0, ns = 0;
        if (!int_tuple(a[2], t->u.tensor.shape, &nd) || !int_tuple(a[3], t->u.tensor.stride, &ns) || nd != ns)
            return fail(m, F5_ERR_FORMAT, "_rebuild_tensor_v2: size/stride must be integer tuples of equal length (at most 8)");
        t->u.tensor.storage = a[0];
        t->u.tensor.offset = a[1]->u.i;
        t->u.tensor.ndim = nd;
        return push(m, t);
    }
    case F5_PKG_STORAGE_TYPE:
        return fail(m, F5_ERR_UNSUPPORTED, "calling a torch storage type is not supported");
    }
    return fail(m, F5_ERR_INTERNAL, "unknown global kind");
}

static f5_status do_persid(vm *m, f5_pk_obj *pid) {
    if (!pid) return fail(m, F5_ERR_FORMAT, "stack underflow");
    if (pid->type != F5_PK_TUPLE || pid->u.seq.n != 5)
        return fail(m, F5_ERR_FORMAT, "persistent id is not a 5-tuple ('storage', type, key, location, numel)");
    f5_pk_obj **a = pid->u.seq.items;
    if (a[0]->type != F5_PK_STR || strcmp(a[0]->u.str.s, "storage") != 0 || a[1]->type != F5_PK_GLOBAL ||
        a[1]->u.global.kind != F5_PKG_STORAGE_TYPE || a[2]->type != F5_PK_STR || a[4]->type != F5_PK_INT || a[4]->u.i < 0)
        return fail(m, F5_ERR_FORMAT, "persistent id is not ('storage', torch.<T>Storage, key, location, numel)");
    f5_pk_obj *s = new_obj(m, F5_PK_STORAGE);
    if (!s) return push(m, NULL);
    s->u.storage.dtype = a[1]->u.global.dtype;
    s->u.storage.key = a[2]->u.str.s;
    s->u.storage.numel = a[4]->u.i;
    return push(m, s);
}

static f5_status memo_put(vm *m, uint64_t idx) {
    f5_pk_obj *o = top(m);
    if (!o) return fail(m, F5_ERR_FORMAT, "memoize with an empty stack");
    if (idx >= MAX_MEMO || idx > m->size) return fail(m, F5_ERR_FORMAT, "memo index too large");
    if (idx >= m->memo_len) {
        f5_pk_obj **nm = realloc(m->memo, (idx + 1) * sizeof *nm);
        if (!nm) return fail(m, F5_ERR_NOMEM, "out of memory growing the memo");
        for (size_t i = m->memo_len; i <= idx; i++) nm[i] = NULL;
        m->memo = nm;
        m->memo_len = idx + 1;
    }
    m->memo[idx] = o;
    return F5_OK;
}

static f5_status memo_get(vm *m, uint64_t idx) {
    if (idx >= m->memo_len || !m->memo[idx]) return fail(m, F5_ERR_FORMAT, "memo index not defined");
    return push(m, m->memo[idx]);
}

static f5_status step(vm *m, bool *stop) {
    m->op_pos = m->pos;
    unsigned char op = m->p[m->pos++];
    f5_status s = F5_OK;
    f5_pk_obj *a, *b, *c;
    size_t at, len;
    switch (op) {
    case 0x80: /* PROTO */
        if ((s = need(m, 1))) return s;
        if (m->p[m->pos] > 5) return fail(m, F5_ERR_UNSUPPORTED, "pickle protocol above 5");
        m->pos++;
        return F5_OK;
    case 0x95: /* FRAME: a length hint, the opcodes follow inline */
        if ((s = need(m, 8))) return s;
        m->pos += 8;
        return F5_OK;
    case '.': /* STOP */
        *stop = true;
        return F5_OK;
    case '}': return push(m, new_obj(m, F5_PK_DICT));
    case ']': return push(m, new_obj(m, F5_PK_LIST));
    case ')': return push(m, new_obj(m, F5_PK_TUPLE));
    case 'N': return push(m, new_obj(m, F5_PK_NONE));
    case 0x88: case 0x89: /* NEWTRUE, NEWFALSE */
        if (!(a = new_obj(m, F5_PK_BOOL))) return push(m, NULL);
        a->u.b = op == 0x88;
        return push(m, a);
    case '(': /* MARK */
        if (m->n_marks >= MAX_MARKS) return fail(m, F5_ERR_FORMAT, "too many nested MARKs");
        m->marks[m->n_marks++] = m->sp;
        return F5_OK;
    case 'X': case 'B': /* BINUNICODE, BINBYTES */
        if ((s = need(m, 4))) return s;
        len = (size_t)rd_le(m->p + m->pos, 4), m->pos += 4;
        return make_str(m, len);
    case 'T': /* BINSTRING: signed 32-bit length */
        if ((s = need(m, 4))) return s;
        len = (size_t)rd_le(m->p + m->pos, 4), m->pos += 4;
        if (len > 0x7fffffff) return fail(m, F5_ERR_FORMAT, "negative string length");
        return make_str(m, len);
    case 0x8c: case 'U': case 'C': /* SHORT_BINUNICODE, SHORT_BINSTRING, SHORT_BINBYTES */
        if ((s = need(m, 1))) return s;
        len = m->p[m->pos++];
        return make_str(m, len);
    case 0x8d: case 0x8e: /* BINUNICODE8, BINBYTES8 */
        if ((s = need(m, 8))) return s;
        {
            uint64_t l8 = rd_le(m->p + m->pos, 8);
            m->pos += 8;
            if (l8 > m->size) return fail(m, F5_ERR_FORMAT, "string length past the end of the data");
            return make_str(m, (size_t)l8);
        }
    case 'J': /* BININT */
        if ((s = need(m, 4))) return s;
        if (!(a = new_obj(m, F5_PK_INT))) return push(m, NULL);
        a->u.i = (int32_t)(uint32_t)rd_le(m->p + m->pos, 4);
        m->pos += 4;
        return push(m, a);
    case 'K': case 'M': /* BININT1, BININT2 */
        len = op == 'K' ? 1 : 2;
        if ((s = need(m, len))) return s;
        if (!(a = new_obj(m, F5_PK_INT))) return push(m, NULL);
        a->u.i = (int64_t)rd_le(m->p + m->pos, (int)len);
        m->pos += len;
        return push(m, a);
    case 0x8a: /* LONG1: n little-endian two's-complement bytes */
        if ((s = need(m, 1))) return s;
        len = m->p[m->pos++];
        if (len > 8) return fail(m, F5_ERR_UNSUPPORTED, "integer wider than 64 bits");
        if ((s = need(m, len))) return s;
        if (!(a = new_obj(m, F5_PK_INT))) return push(m, NULL);
        {
            uint64_t v = len ? rd_le(m->p + m->pos, (int)len) : 0;
            if (len && len < 8 && (m->p[m->pos + len - 1] & 0x80)) v |= ~(uint64_t)0 << (8 * len);
            a->u.i = (int64_t)v;
        }
        m->pos += len;
        return push(m, a);
    case 'G': /* BINFLOAT: big-endian double */
        if ((s = need(m, 8))) return s;
        if (!(a = new_obj(m, F5_PK_FLOAT))) return push(m, NULL);
        {
            uint64_t v = 0;
            for (int i = 0; i < 8; i++) v = v << 8 | m->p[m->pos + i];
            memcpy(&a->u.f, &v, 8);
        }
        m->pos += 8;
        return push(m, a);
    case 'q': case 'r': /* BINPUT, LONG_BINPUT */
        len = op == 'q' ? 1 : 4;
        if ((s = need(m, len))) return s;
        {
            uint64_t idx = rd_le(m->p + m->pos, (int)len);
            m->pos += len;
            return memo_put(m, idx);
        }
    case 0x94: return memo_put(m, m->memo_len); /* MEMOIZE */
    case 'h': case 'j': /* BINGET, LONG_BINGET */
        len = op == 'h' ? 1 : 4;
        if ((s = need(m, len))) return s;
        {
            uint64_t idx = rd_le(m->p + m->pos, (int)len);
            m->pos += len;
            return memo_get(m, idx);
        }
    case 'c': { /* GLOBAL "module\nname\n" */
        const char *mod = (const char *)m->p + m->pos;
        const char *nl1 = memchr(mod, '\n', m->size - m->pos);
        if (!nl1) return fail(m, F5_ERR_FORMAT, "unterminated GLOBAL module name");
        const char *name = nl1 + 1;
        const char *nl2 = memchr(name, '\n', (size_t)((const char *)m->p + m->size - name));
        if (!nl2) return fail(m, F5_ERR_FORMAT, "unterminated GLOBAL name");
        m->pos = (size_t)(nl2 + 1 - (const char *)m->p);
        return make_global(m, mod, (size_t)(nl1 - mod), name, (size_t)(nl2 - name));
    }
    case 0x93: /* STACK_GLOBAL */
        b = pop(m), a = pop(m);
        if (!a || !b || a->type != F5_PK_STR || b->type != F5_PK_STR) return fail(m, F5_ERR_FORMAT, "STACK_GLOBAL needs two strings");
        return make_global(m, a->u.str.s, a->u.str.len, b->u.str.s, b->u.str.len);
    case 'Q': return do_persid(m, pop(m)); /* BINPERSID */
    case 't': /* TUPLE */
        if ((s = pop_mark(m, &at))) return s;
        return tuple_from(m, at);
    case 0x85: case 0x86: case 0x87: /* TUPLE1..3 */
        len = (size_t)(op - 0x84);
        if (m->sp < floor_of(m) + len) return fail(m, F5_ERR_FORMAT, "stack underflow");
        return tuple_from(m, m->sp - len);
    case 'l': case 'd': /* LIST, DICT from the mark */
        if ((s = pop_mark(m, &at))) return s;
        if (!(a = new_obj(m, op == 'l' ? F5_PK_LIST : F5_PK_DICT))) return push(m, NULL);
        if (op == 'd' && (m->sp - at) % 2) return fail(m, F5_ERR_FORMAT, "DICT with an odd number of items");
        for (size_t i = at; i < m->sp; i++)
            if ((s = seq_append(m, a, m->stack[i]))) return s;
        m->sp = at;
        return push(m, a);
    case 'R': case 0x81: /* REDUCE, NEWOBJ */
        b = pop(m), a = pop(m);
        return do_reduce(m, a, b);
    case 's': /* SETITEM */
        c = pop(m), b = pop(m), a = top(m);
        return dict_set(m, a, b, c);
    case 'u': /* SETITEMS */
        if ((s = pop_mark(m, &at))) return s;
        if (at == 0 || (m->sp - at) % 2) return fail(m, F5_ERR_FORMAT, "SETITEMS without a dict or with an odd item count");
        for (size_t i = at; i < m->sp; i += 2)
            if ((s = dict_set(m, m->stack[at - 1], m->stack[i], m->stack[i + 1]))) return s;
        m->sp = at;
        return F5_OK;
    case 'a': /* APPEND */
        b = pop(m), a = top(m);
        if (!a || !b || a->type != F5_PK_LIST) return fail(m, F5_ERR_FORMAT, "APPEND needs a list and an item");
        return seq_append(m, a, b);
    case 'e': /* APPENDS */
        if ((s = pop_mark(m, &at))) return s;
        if (at == 0 || m->stack[at - 1]->type != F5_PK_LIST) return fail(m, F5_ERR_FORMAT, "APPENDS without a list");
        for (size_t i = at; i < m->sp; i++)
            if ((s = seq_append(m, m->stack[at - 1], m->stack[i]))) return s;
        m->sp = at;
        return F5_OK;
    case 'b': /* BUILD: state (e.g. a state dict's _metadata) is dropped */
        b = pop(m), a = top(m);
        if (!a || !b) return fail(m, F5_ERR_FORMAT, "stack underflow");
        return F5_OK;
    case '0': /* POP */
        if (m->sp > floor_of(m)) {
            m->sp--;
            return F5_OK;
        }
        if (m->n_marks) { /* popping a mark is allowed by Python's unpickler */
            m->n_marks--;
            return F5_OK;
        }
        return fail(m, F5_ERR_FORMAT, "stack underflow");
    case '1': /* POP_MARK */
        if ((s = pop_mark(m, &at))) return s;
        m->sp = at;
        return F5_OK;
    case '2': /* DUP */
        if (!(a = top(m))) return fail(m, F5_ERR_FORMAT, "stack underflow");
        return push(m, a);
    default:
        return fail(m, F5_ERR_UNSUPPORTED, "opcode not supported by the safe loader");
    }
}

f5_status f5_pickle_load(const void *data, size_t size, const char *what, f5_pickle **out, f5_pk_obj **root,
                         f5_error *err) {
    *out = NULL;
    *root = NULL;
    vm m = {.p = data, .size = size, .what = what, .err = err};
    m.pk = calloc(1, sizeof *m.pk);
    m.marks = malloc(MAX_MARKS * sizeof *m.marks);
    f5_status s = F5_OK;
    if (!m.pk || !m.marks) {
        s = f5_errf(err, F5_ERR_NOMEM, "%s: out of memory", what);
        goto done;
    }
    bool stop = false;
    while (!stop) {
        if (m.pos >= m.size) {
            s = f5_errf(err, F5_ERR_FORMAT, "%s: pickle ends at byte %zu without STOP (truncated)", what, m.size);
            goto done;
        }
        if ((s = step(&m, &stop))) goto done;
    }
    if (m.sp != 1 || m.n_marks) {
        s = f5_errf(err, F5_ERR_FORMAT, "%s: pickle STOP at byte %zu with %zu values and %zu marks on the stack (expected 1, 0)",
                    what, m.op_pos, m.sp, m.n_marks);
        goto done;
    }
    *root = m.stack[0];
    *out = m.pk;
    m.pk = NULL;
done:
    f5_pickle_free(m.pk);
    free(m.stack);
    free(m.marks);
    free(m.memo);
    return s;
}
