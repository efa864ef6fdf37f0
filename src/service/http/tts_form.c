/* tts_form.c - collecting and validating the POST /tts form (see tts_form.h). */
#include "service/http/tts_form.h"

#include "core/error.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { FLD_TEXT, FLD_REF_TEXT, FLD_SPEED, FLD_REMOVE_SILENCE, FLD_NFE, FLD_CFG, FLD_SEED, FLD_FORMAT, FLD_MODE,
       FLD_VOICE_ID, FLD_COUNT, FLD_VOICE = 100, FLD_NONE = -1 };

static const char *const field_names[FLD_COUNT] = {"text", "ref_text", "speed", "remove_silence", "nfe_step",
                                                   "cfg_strength", "seed", "format", "mode", "voice_id"};

typedef struct field {
    char *val;
    size_t len, cap;
    bool seen;
} field;

struct f5_tts_form {
    const f5_svc_config *cfg;
    f5_store *store;
    char ref_key[96];
    field fields[FLD_COUNT];
    int cur;
    bool voice_seen;
    bool voice_committed;
    size_t voice_bytes;
    f5_store_writer *voice;
    f5_form_error error;
};

f5_tts_form *f5_tts_form_new(const f5_svc_config *cfg, f5_store *store, const char *ref_key) {
    f5_tts_form *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->cfg = cfg;
    f->store = store;
    snprintf(f->ref_key, sizeof f->ref_key, "%s", ref_key ? ref_key : "");
    f->cur = FLD_NONE;
    return f;
}

void f5_tts_form_free(f5_tts_form *f) {
    if (!f) return;
    for (int i = 0; i < FLD_COUNT; i++) free(f->fields[i].val);
    if (f->voice) f5_store_abort(f->voice);
    free(f);
}

void f5_tts_form_fail(f5_tts_form *f, int status, const char *code, const char *field, const char *fmt, ...) {
    if (f->error.status) return;
    f->error.status = status;
    snprintf(f->error.code, sizeof f->error.code, "%s", code);
    snprintf(f->error.field, sizeof f->error.field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->error.message, sizeof f->error.message, fmt, ap);
    va_end(ap);
}

const f5_form_error *f5_tts_form_error(const f5_tts_form *f) {
    return &f->error;
}

/* Byte limit of a text field: text may hold max_text_chars UTF-8 characters. */
static size_t field_limit(const f5_tts_form *f, int i) {
    if (i == FLD_TEXT) return (size_t)f->cfg->max_text_chars * 4;
    if (i == FLD_REF_TEXT) return 4096;
    return 256;
}

static f5_status stop(f5_error *err) {
    return f5_errf(err, F5_ERR_INVALID_ARG, "form rejected");
}

static f5_status on_begin(void *user, const f5_mp_part *p, f5_error *err) {
    f5_tts_form *f = user;
    if (!strcmp(p->name, "voice")) {
        if (f->voice_seen) {
            f5_tts_form_fail(f, 400, "duplicate_field", "voice", "field 'voice' was sent more than once");
            return stop(err);
        }
        f->voice_seen = true;
        f->cur = FLD_VOICE;
        if (!f->store) return F5_OK;
        f5_error e = {0};
        if (f5_store_begin(f->store, f->ref_key, &f->voice, &e) != F5_OK) {
            f5_tts_form_fail(f, 500, "storage_error", "voice", "cannot store the upload: %s", e.message);
            return stop(err);
        }
        return F5_OK;
    }
    for (int i = 0; i < FLD_COUNT; i++)
        if (!strcmp(p->name, field_names[i])) {
            if (f->fields[i].seen) {
                f5_tts_form_fail(f, 400, "duplicate_field", p->name, "field '%s' was sent more than once", p->name);
                return stop(err);
            }
            if (p->filename && i != FLD_TEXT && i != FLD_REF_TEXT) {
                f5_tts_form_fail(f, 400, "invalid_field", p->name, "field '%s' must be a value, not a file", p->name);
                return stop(err);
            }
            f->fields[i].seen = true;
            f->cur = i;
            return F5_OK;
        }
    f5_tts_form_fail(f, 400, "unknown_field", p->name,
                     "unknown field '%.64s' (accepted: text, voice, voice_id, ref_text, speed, remove_silence, "
                     "nfe_step, cfg_strength, seed, format, mode)",
                     p->name);
    return stop(err);
}

static f5_status on_data(void *user, const char *data, size_t n, f5_error *err) {
    f5_tts_form *f = user;
    if (f->cur == FLD_VOICE) {
        f->voice_bytes += n;
        if (f->voice) {
            f5_error e = {0};
            if (f5_store_write(f->voice, data, n, &e) != F5_OK) {
                f5_tts_form_fail(f, 500, "storage_error", "voice", "cannot store the upload: %s", e.message);
                return stop(err);
            }
        }
        return F5_OK;
    }
    if (f->cur < 0 || f->cur >= FLD_COUNT) return F5_OK;
    field *fl = &f->fields[f->cur];
    size_t lim = field_limit(f, f->cur);
    if (fl->len + n > lim) {
        if (f->cur == FLD_TEXT)
            f5_tts_form_fail(f, 413, "text_too_long", "text", "text is longer than the limit of %d characters",
                             f->cfg->max_text_chars);
        else
            f5_tts_form_fail(f, 400, "invalid_field", field_names[f->cur], "field '%s' is longer than %zu bytes",
                             field_names[f->cur], lim);
        return stop(err);
    }
    if (fl->len + n + 1 > fl->cap) {
        size_t cap = fl->cap ? fl->cap : 64;
        while (cap < fl->len + n + 1) cap *= 2;
        char *v = realloc(fl->val, cap);
        if (!v) {
            f5_tts_form_fail(f, 500, "out_of_memory", field_names[f->cur], "out of memory");
            return stop(err);
        }
        fl->val = v;
        fl->cap = cap;
    }
    memcpy(fl->val + fl->len, data, n);
    fl->len += n;
    fl->val[fl->len] = 0;
    return F5_OK;
}

static f5_status on_end(void *user, f5_error *err) {
    f5_tts_form *f = user;
    int i = f->cur;
    f->cur = FLD_NONE;
    if (i >= 0 && i < FLD_COUNT && !f->fields[i].val) { /* empty value: keep "" */
        f->fields[i].val = calloc(1, 1);
        if (!f->fields[i].val) {
            f5_tts_form_fail(f, 500, "out_of_memory", field_names[i], "out of memory");
            return stop(err);
        }
    }
    return F5_OK;
}

const f5_mp_callbacks f5_tts_form_callbacks = {on_begin, on_data, on_end};

/* Number of UTF-8 code points, or -1 if s is not valid UTF-8. */
static long utf8_chars(const char *s, size_t n) {
    long count = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k;
        unsigned cp;
        if (c < 0x80) k = 1, cp = c;
        else if ((c & 0xE0) == 0xC0) k = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) k = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) k = 4, cp = c & 0x07;
        else return -1;
        if (i + k > n) return -1;
        for (size_t j = 1; j < k; j++) {
            unsigned char d = (unsigned char)s[i + j];
            if ((d & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
            return -1;
        i += k;
        count++;
    }
    return count;
}

static bool blank(const char *s) {
    for (; s && *s; s++)
        if (!strchr(" \t\r\n", *s)) return false;
    return true;
}

/* Strict decimal syntax: [-]digits[.digits][e[+-]digits] for numbers,
 * [-]digits for integers; no spaces, signs '+', hex, inf or nan (strtod
 * alone accepts all of those). */
static bool strict_number(const char *v, bool integer) {
    const char *p = v;
    if (*p == '-') p++;
    const char *d0 = p;
    while (*p >= '0' && *p <= '9') p++;
    bool digits = p > d0;
    if (!integer && *p == '.') {
        const char *f0 = ++p;
        while (*p >= '0' && *p <= '9') p++;
        if (p == f0) return false;
        digits = true;
    }
    if (!digits) return false;
    if (!integer && (*p == 'e' || *p == 'E')) {
        p++;
        if (*p == '+' || *p == '-') p++;
        const char *e0 = p;
        while (*p >= '0' && *p <= '9') p++;
        if (p == e0) return false;
    }
    return *p == 0 && p - v <= 64;
}

static bool num_field(f5_tts_form *f, int i, double lo, double hi, bool integer, double *out) {
    const char *v = f->fields[i].val;
    char *end;
    errno = 0;
    double x = strict_number(v, integer) ? strtod(v, &end) : NAN;
    bool ok = isfinite(x) && !errno && x >= lo && x <= hi && (!integer || x == floor(x));
    if (!ok) {
        f5_tts_form_fail(f, 400, "invalid_field", field_names[i], "field '%s': expected %s in [%g, %g], got '%.40s'",
                         field_names[i], integer ? "an integer" : "a number", lo, hi, v);
        return false;
    }
    *out = x;
    return true;
}

bool f5_tts_form_finish(f5_tts_form *f, bool prefer_async, f5_tts_request *out) {
    memset(out, 0, sizeof *out);
    if (f->error.status) return false;
    field *F = f->fields;
    out->params.nfe_step = f->cfg->default_nfe;
    out->params.cfg_strength = (float)f->cfg->default_cfg;
    out->params.speed = 1.0f;
    out->params.format = F5_FMT_WAV;
    out->async = prefer_async;

    if (!F[FLD_TEXT].seen || blank(F[FLD_TEXT].val)) {
        f5_tts_form_fail(f, 400, "missing_field", "text", "field 'text' is required and must not be empty");
        return false;
    }
    long nch = utf8_chars(F[FLD_TEXT].val, F[FLD_TEXT].len);
    if (nch < 0) {
        f5_tts_form_fail(f, 400, "invalid_text", "text", "field 'text' is not valid UTF-8");
        return false;
    }
    if (nch > f->cfg->max_text_chars) {
        f5_tts_form_fail(f, 413, "text_too_long", "text", "text has %ld characters, the limit is %d", nch,
                         f->cfg->max_text_chars);
        return false;
    }
    if (F[FLD_VOICE_ID].seen) {
        if (f->voice_seen) {
            f5_tts_form_fail(f, 400, "invalid_field", "voice_id",
                             "send either 'voice' (an uploaded reference) or 'voice_id' (a saved voice), not both");
            return false;
        }
        if (blank(F[FLD_VOICE_ID].val)) {
            f5_tts_form_fail(f, 400, "invalid_field", "voice_id", "field 'voice_id' is empty");
            return false;
        }
        out->voice_id = F[FLD_VOICE_ID].val;
    } else if (!f->voice_seen) {
        f5_tts_form_fail(f, 400, "missing_field", "voice",
                         "field 'voice' (the reference audio file) or 'voice_id' (a saved voice) is required");
        return false;
    } else if (f->voice_bytes == 0) {
        f5_tts_form_fail(f, 422, "invalid_audio", "voice", "the uploaded reference audio is empty");
        return false;
    }
    if (!F[FLD_REF_TEXT].seen || blank(F[FLD_REF_TEXT].val)) {
        /* A saved voice has its transcript; an upload is transcribed (or refused) by the route. */
        out->ref_text_missing = true;
    } else if (utf8_chars(F[FLD_REF_TEXT].val, F[FLD_REF_TEXT].len) < 0) {
        f5_tts_form_fail(f, 400, "invalid_text", "ref_text", "field 'ref_text' is not valid UTF-8");
        return false;
    }
    double x;
    if (F[FLD_SPEED].seen) {
        if (!num_field(f, FLD_SPEED, 0.3, 3.0, false, &x)) return false;
        out->params.speed = (float)x;
    }
    if (F[FLD_NFE].seen) {
        if (!num_field(f, FLD_NFE, 4, 128, true, &x)) return false;
        out->params.nfe_step = (int)x;
    }
    if (F[FLD_CFG].seen) {
        if (!num_field(f, FLD_CFG, 0, 10, false, &x)) return false;
        out->params.cfg_strength = (float)x;
    }
    if (F[FLD_SEED].seen && strcmp(F[FLD_SEED].val, "") && strcmp(F[FLD_SEED].val, "-1")) {
        const char *v = F[FLD_SEED].val;
        char *end;
        errno = 0;
        unsigned long long s = strtoull(v, &end, 10);
        if (!*v || *end || errno || v[0] == '-' || v[0] == '+' || v[0] == ' ') {
            f5_tts_form_fail(f, 400, "invalid_field", "seed",
                             "field 'seed': expected an unsigned 64-bit integer (or -1 for random), got '%.40s'", v);
            return false;
        }
        out->params.seed = s;
        out->seed_given = true;
    }
    if (F[FLD_REMOVE_SILENCE].seen) {
        const char *v = F[FLD_REMOVE_SILENCE].val;
        if (!strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "on") || !strcasecmp(v, "yes"))
            out->params.remove_silence = true;
        else if (!strcasecmp(v, "false") || !strcmp(v, "0") || !strcasecmp(v, "off") || !strcasecmp(v, "no") || !*v)
            out->params.remove_silence = false;
        else {
            f5_tts_form_fail(f, 400, "invalid_field", "remove_silence",
                             "field 'remove_silence': expected true or false, got '%.40s'", v);
            return false;
        }
    }
    if (F[FLD_FORMAT].seen && *F[FLD_FORMAT].val) {
        const char *v = F[FLD_FORMAT].val;
        if (strcmp(v, "wav") && strcmp(v, "flac") && strcmp(v, "ogg") && strcmp(v, "mp3") && strcmp(v, "pcm")) {
            f5_tts_form_fail(f, 400, "invalid_field", "format",
                             "field 'format': expected wav, flac, ogg, mp3 or pcm, got '%.40s'", v);
            return false;
        }
        f5_audio_format_parse(v, &out->params.format);
    }
    if (F[FLD_MODE].seen && *F[FLD_MODE].val) {
        const char *v = F[FLD_MODE].val;
        if (!strcmp(v, "async")) out->async = true;
        else if (!strcmp(v, "sync")) out->async = false;
        else {
            f5_tts_form_fail(f, 400, "invalid_field", "mode", "field 'mode': expected sync or async, got '%.40s'", v);
            return false;
        }
    }
    if (f->voice) {
        f5_error e = {0};
        f5_store_writer *w = f->voice;
        f->voice = NULL;
        if (f5_store_commit(w, &e) != F5_OK) {
            f5_tts_form_fail(f, 500, "storage_error", "voice", "cannot store the upload: %s", e.message);
            return false;
        }
        f->voice_committed = true;
    }
    out->text = F[FLD_TEXT].val;
    out->ref_text = F[FLD_REF_TEXT].seen ? F[FLD_REF_TEXT].val : NULL;
    snprintf(out->ref_key, sizeof out->ref_key, "%s", f->voice_seen ? f->ref_key : "");
    return true;
}
