/* voice_store.h - the speaker library over the blob store (f5_store, so it
 * works on local disk and S3 alike):
 *   voices/clips/<sha256>          the clip bytes, content-addressed: the same
 *                                  audio enrolled twice is stored once
 *   voices/meta/<id>.json          one record per voice (voice_rec.h)
 *   voices/transcripts/<sha256>    ASR transcripts cached by audio hash
 * Ownership is not decided here: listing and lookup by name take a
 * visibility predicate from the caller (the HTTP layer passes the auth
 * rule). Thread-safe (the store is); names are unique per owner, checked at
 * add/rename (two nodes racing the same new name may both win: a rare
 * duplicate that lookup by name then resolves to the older voice).
 */
#ifndef F5_VOICE_STORE_H
#define F5_VOICE_STORE_H

#include "service/store/store.h"
#include "service/voices/voice_rec.h"

typedef struct f5_voices f5_voices;

/* store is borrowed and outlives the library. NULL on out of memory. */
f5_voices *f5_voices_new(f5_store *store);
void f5_voices_free(f5_voices *v);

/* Visibility of a record to the caller (owner "" = everyone's). */
typedef bool (*f5_voice_visible_fn)(void *user, const char *owner);

/* hex SHA-256 of bytes (65 chars with NUL); false if OpenSSL fails. */
bool f5_voices_sha256_hex(const void *data, size_t len, char out[65]);

/* Store the clip (unless that content is stored already: *deduped) and the
 * record r (r->id, clip_sha256, clip_key, clip_bytes, created/updated are
 * filled here). F5_ERR_INVALID_ARG "name taken" when a voice of the same
 * owner has r->name (message says so). */
f5_status f5_voices_add(f5_voices *v, const void *clip, size_t clip_len, f5_voice_rec *r, bool *deduped, f5_error *err);
/* By id; F5_ERR_NOT_FOUND if absent. */
f5_status f5_voices_get(f5_voices *v, const char *id, f5_voice_rec *out, f5_error *err);
/* By id, else by name among the visible voices (the oldest when several
 * match). F5_ERR_NOT_FOUND if none, or if the id is not visible. */
f5_status f5_voices_find(f5_voices *v, const char *id_or_name, f5_voice_visible_fn visible, void *user,
                         f5_voice_rec *out, f5_error *err);
/* Every visible record, oldest first: *out malloc'd array of *n (f5_voices_list_free). */
f5_status f5_voices_list(f5_voices *v, f5_voice_visible_fn visible, void *user, f5_voice_rec **out, size_t *n,
                         f5_error *err);
void f5_voices_list_free(f5_voice_rec *recs, size_t n);
/* Rewrite the record (same id); a changed name is checked for uniqueness. */
f5_status f5_voices_update(f5_voices *v, f5_voice_rec *r, const char *old_name, f5_error *err);
/* Remove the record, and the clip when no other voice uses it (*clip_deleted). */
f5_status f5_voices_delete(f5_voices *v, const char *id, bool *clip_deleted, f5_error *err);
/* The clip bytes of a record (malloc'd). */
f5_status f5_voices_clip(f5_voices *v, const f5_voice_rec *r, uint8_t **data, size_t *len, f5_error *err);

/* Transcript cache by audio hash: *text malloc'd, or NULL when absent. */
f5_status f5_voices_transcript_get(f5_voices *v, const char *sha256, char **text, f5_error *err);
f5_status f5_voices_transcript_put(f5_voices *v, const char *sha256, const char *text, f5_error *err);

#endif
