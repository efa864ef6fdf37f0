/* route_jobs.c - GET/DELETE /jobs/{id}, GET /jobs/{id}/audio (the stored
 * result) and GET /jobs/{id}/events (Server-Sent Events: `progress` while
 * queued/running, then one `done` or `error`, then the stream ends).
 */
#include "service/http/http.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool id_ok(const char *id) {
    if (strlen(id) != F5_JOB_ID_LEN) return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
    return true;
}

/* Load the job named in the path or answer 404/500; returns false if answered.
 * Another key's job is 404 like an unknown one (f5_auth_caller_may_see). */
static bool load_job(const f5_http_ctx *cx, f5_http_req *req, f5_job_rec *rec, enum MHD_Result *ret) {
    bool found = false;
    f5_error err = {0};
    if (id_ok(req->param) && f5_jobs_get(cx->jobs, req->param, rec, &found, &err) != F5_OK) {
        bool down = f5_queue_down(cx->queue, NULL);
        f5_obs_inc(cx->metrics, F5_OBS_QUEUE_ERRORS, "get", NULL);
        *ret = f5_http_error(req, down ? 503 : 500, down ? "queue_unavailable" : "internal_error", NULL, "%s",
                             err.message);
        return false;
    }
    if (found && !f5_auth_caller_may_see(&req->caller, rec->owner)) {
        f5_job_rec_free(rec);
        found = false;
    }
    if (!found) {
        *ret = f5_http_error(req, 404, "job_not_found", NULL, "no job with id '%.64s'", req->param);
        return false;
    }
    snprintf(req->job_id, sizeof req->job_id, "%.32s", rec->id);
    return true;
}

enum MHD_Result f5_route_job_get(const f5_http_ctx *cx, f5_http_req *req) {
    f5_job_rec rec;
    enum MHD_Result ret;
    if (!load_job(cx, req, &rec, &ret)) return ret;
    ret = f5_http_json(req, 200, f5_http_job_json(&rec));
    f5_job_rec_free(&rec);
    return ret;
}

enum MHD_Result f5_route_job_delete(const f5_http_ctx *cx, f5_http_req *req) {
    f5_job_rec rec;
    f5_queue_result qr = F5_Q_NOT_FOUND;
    f5_error err = {0};
    enum MHD_Result ret;
    if (!load_job(cx, req, &rec, &ret)) return ret; /* unknown or another key's: 404 */
    if (f5_job_state_terminal(rec.state) && (rec.result_key[0] || rec.ref_key[0])) {
        /* finished: its stored result and reference are deleted now, not at expiry */
        f5_error e = {0};
        f5_status st = F5_OK;
        if (rec.result_key[0]) st = f5_store_delete(cx->store, rec.result_key, &e);
        if (!st && rec.ref_key[0]) st = f5_store_delete(cx->store, rec.ref_key, &e);
        if (!st) st = f5_queue_clear_blobs(cx->queue, rec.id, &e);
        if (st) {
            f5_obs_inc(cx->metrics, F5_OBS_STORAGE_ERRORS, "delete", NULL);
            ret = f5_http_error(req, 500, "internal_error", NULL, "cannot delete the stored files of job %s: %s", rec.id,
                                e.message);
        } else {
            rec.result_key[0] = rec.ref_key[0] = 0;
            json_t *j = f5_http_job_json(&rec);
            json_object_set_new(j, "deleted", json_true());
            ret = f5_http_json(req, 200, j);
        }
        f5_job_rec_free(&rec);
        return ret;
    }
    f5_job_rec_free(&rec);
    if (f5_jobs_cancel(cx->jobs, req->param, 10.0, &rec, &qr, &err) != F5_OK)
        return f5_http_error(req, 500, "internal_error", NULL, "%s", err.message);
    if (qr == F5_Q_NOT_FOUND) return f5_http_error(req, 404, "job_not_found", NULL, "no job with id '%s'", req->param);
    snprintf(req->job_id, sizeof req->job_id, "%s", rec.id);
    if (qr == F5_Q_CONFLICT)
        ret = f5_http_error(req, 409, "job_finished", NULL, "job %s has already %s", rec.id, f5_job_state_name(rec.state));
    else ret = f5_http_json(req, 200, f5_http_job_json(&rec));
    f5_job_rec_free(&rec);
    return ret;
}

enum MHD_Result f5_route_job_audio(const f5_http_ctx *cx, f5_http_req *req) {
    f5_job_rec rec;
    enum MHD_Result ret;
    if (!load_job(cx, req, &rec, &ret)) return ret;
    if (rec.state == F5_JOB_QUEUED || rec.state == F5_JOB_RUNNING) {
        ret = f5_http_error(req, 409, "not_ready", NULL, "job %s is %s (progress %.2f); wait for it to succeed", rec.id,
                            f5_job_state_name(rec.state), rec.progress);
    } else if (rec.state != F5_JOB_SUCCEEDED) {
        ret = f5_http_error(req, 409, "job_failed", NULL, "job %s %s: %s", rec.id, f5_job_state_name(rec.state),
                            rec.error_message);
    } else if (!rec.result_key[0]) {
        ret = f5_http_error(req, 404, "no_stored_result", NULL, "%s",
                            rec.sync ? "the job streamed its audio to the client (sync mode); nothing was stored"
                                     : "the job's result was deleted (DELETE /jobs/{id})");
    } else {
        char path[2048];
        f5_error err = {0};
        int fd = -1;
        struct stat sb;
        struct MHD_Response *r = NULL;
        int status = 200;
        if (f5_store_path(cx->store, rec.result_key, path, sizeof path, &err) == F5_OK) { /* fs: send the file */
            if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 && fstat(fd, &sb) == 0)
                r = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
            else if (fd >= 0) close(fd);
        } else {
            char *url = malloc(8192);
            uint8_t *data = NULL;
            size_t len = 0;
            if (url && f5_store_presign(cx->store, rec.result_key, url, 8192, &err) == F5_OK) { /* s3 presign=S */
                r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
                if (r) MHD_add_response_header(r, "Location", url);
                status = 302;
            } else if (f5_store_get(cx->store, rec.result_key, &data, &len, &err) == F5_OK) { /* s3: proxied */
                r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
                if (!r) free(data);
            }
            free(url);
        }
        if (!r) {
            ret = f5_http_error(req, 404, "no_stored_result", NULL, "the result of job %s is no longer stored", rec.id);
        } else {
            const char *mime = rec.params.format == F5_FMT_PCM ? "audio/L16; rate=24000; channels=1"
                                                               : f5_audio_format_mime(rec.params.format);
            MHD_add_response_header(r, "Content-Type", mime);
            char cd[128];
            const char *ext = strrchr(rec.result_key, '.');
            snprintf(cd, sizeof cd, "inline; filename=\"%s%s\"", rec.id, ext ? ext : "");
            MHD_add_response_header(r, "Content-Disposition", cd);
            MHD_add_response_header(r, "X-Job-ID", rec.id);
            ret = f5_http_respond(req, status, r);
        }
    }
    f5_job_rec_free(&rec);
    return ret;
}

/* ---- Server-Sent Events */

typedef struct sse_ctx {
    f5_http_req *req;
    char id[F5_JOB_ID_LEN + 1];
    char pending[2048];
    size_t pending_len, pending_pos;
    double last_progress;
    int last_state;
    bool finished;
    double last_send_mono;
    int seq;
} sse_ctx;

static void sse_queue(sse_ctx *c, const char *event, json_t *data) {
    char *d = json_dumps(data, JSON_COMPACT);
    json_decref(data);
    c->pending_len = (size_t)snprintf(c->pending, sizeof c->pending, "id: %d\nevent: %s\ndata: %s\n\n", ++c->seq, event,
                                      d ? d : "{}");
    if (c->pending_len >= sizeof c->pending) c->pending_len = sizeof c->pending - 1;
    c->pending_pos = 0;
    free(d);
}

static ssize_t sse_reader(void *cls, uint64_t pos, char *buf, size_t max) {
    sse_ctx *c = cls;
    const f5_http_ctx *cx = c->req->cx;
    for (;;) {
        if (c->pending_pos < c->pending_len) {
            size_t n = c->pending_len - c->pending_pos;
            if (n > max) n = max;
            memcpy(buf, c->pending + c->pending_pos, n);
            c->pending_pos += n;
            c->last_send_mono = f5_obs_mono();
            return (ssize_t)n;
        }
        if (c->finished || f5_svc_stopping(cx->svc)) return MHD_CONTENT_READER_END_OF_STREAM;
        f5_job_rec rec;
        bool found = false;
        if (f5_jobs_get(cx->jobs, c->id, &rec, &found, NULL) != F5_OK || !found) {
            sse_queue(c, "error", json_pack("{s:s, s:{s:s, s:s}}", "job_id", c->id, "error", "code", "job_not_found",
                                            "message", "the job no longer exists"));
            c->finished = true;
            continue;
        }
        if (rec.state == F5_JOB_SUCCEEDED) {
            sse_queue(c, "done", f5_http_job_json(&rec));
            c->finished = true;
        } else if (f5_job_state_terminal(rec.state)) {
            sse_queue(c, "error", f5_http_job_json(&rec));
            c->finished = true;
        } else if ((int)rec.state != c->last_state || rec.progress >= c->last_progress + 0.005) {
            c->last_state = (int)rec.state;
            c->last_progress = rec.progress;
            sse_queue(c, "progress", json_pack("{s:s, s:s, s:f}", "job_id", rec.id, "status",
                                               f5_job_state_name(rec.state), "progress", rec.progress));
        } else if (f5_obs_mono() - c->last_send_mono > 15) {
            memcpy(c->pending, ": keep-alive\n\n", 14);
            c->pending_len = 14;
            c->pending_pos = 0;
        }
        f5_job_rec_free(&rec);
        if (c->pending_pos < c->pending_len) continue;
        if (f5_http_peer_gone(c->req)) return MHD_CONTENT_READER_END_WITH_ERROR;
        usleep(50 * 1000);
    }
}

static void sse_free(void *cls) {
    sse_ctx *c = cls;
    f5_http_req_unref(c->req);
    free(c);
}

enum MHD_Result f5_route_job_events(const f5_http_ctx *cx, f5_http_req *req) {
    f5_job_rec rec;
    enum MHD_Result ret;
    if (!load_job(cx, req, &rec, &ret)) return ret;
    f5_job_rec_free(&rec);
    sse_ctx *c = calloc(1, sizeof *c);
    if (!c) return MHD_NO;
    c->req = req;
    c->last_state = -1;
    c->last_progress = -1;
    c->last_send_mono = f5_obs_mono();
    snprintf(c->id, sizeof c->id, "%.32s", req->param);
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, sse_reader, c, sse_free);
    if (!r) {
        free(c);
        return MHD_NO;
    }
    atomic_fetch_add(&req->refs, 1);
    MHD_add_response_header(r, "Content-Type", "text/event-stream");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Accel-Buffering", "no");
    return f5_http_respond(req, 200, r);
}
