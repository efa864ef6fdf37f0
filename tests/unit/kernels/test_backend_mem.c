/* test_backend_mem.c - backend memory and the backend tables, without a
 * GPU: the host backends' alloc/upload/download/copy/zero/add/sync are plain
 * host memory operations (uploads between a buffer and itself do nothing);
 * the cuda table, when built, sets every entry (a NULL would fall back to a
 * cpu kernel handed device pointers); without CUDA every device entry point
 * fails with "built without CUDA". */
#include "kernels/backend.h"
#include "test.h"

#include <stdint.h>
#include <string.h>

static void test_host_memory(void) {
    f5_kctx cpu = {.backend = F5_BACKEND_CPU, .n_threads = 1};
    f5_kctx ref = {.backend = F5_BACKEND_REF, .n_threads = 1};
    const f5_kctx *ks[] = {&cpu, &ref, NULL};
    for (int i = 0; i < 3; i++) {
        const f5_kctx *k = ks[i];
        CHECK(f5_khost_visible(k));
        float src[6] = {1, 2, 3, 4, 5, 6}, back[6] = {0};
        float *a = f5_kalloc(k, sizeof src), *b = f5_kalloc(k, sizeof src);
        CHECK(a && b);
        if (!a || !b) continue;
        f5_kupload(k, a, src, sizeof src);
        f5_kupload(k, a, a, sizeof src); /* itself: nothing */
        f5_kcopy(k, b, a, sizeof src);
        f5_kzero(k, b + 4, 2 * sizeof(float));
        f5_add(k, b, a, 3);
        f5_kdownload(k, back, b, sizeof back);
        CHECK(back[0] == 2 && back[1] == 4 && back[2] == 6 && back[3] == 4 && back[4] == 0 && back[5] == 0);
        f5_error err = {0};
        CHECK(f5_ksync(k, &err) == F5_OK);
        f5_kfree(k, a);
        f5_kfree(k, b);
        f5_kfree(k, NULL); /* NULL-safe */
    }
}

static void test_add_is_the_plain_loop(void) {
    /* the DiT's residual add moved into f5_add: it must give the same bits */
    f5_kctx cpu = {.backend = F5_BACKEND_CPU, .n_threads = 1};
    float y[257], y2[257], x[257];
    for (int i = 0; i < 257; i++) {
        x[i] = (float)i * 0.37f - 41.3f;
        y[i] = y2[i] = (float)(i * i % 97) * 1.7e-3f + 0.1f;
    }
    f5_add(&cpu, y, x, 257);
    for (int i = 0; i < 257; i++) y2[i] += x[i];
    CHECK(memcmp(y, y2, sizeof y) == 0);
}

static void test_cuda_table(void) {
    const f5_kops *t = &f5_kops_cuda;
    f5_kctx k = {.backend = F5_BACKEND_CUDA};
    CHECK(f5_kops_for(&k) == t);
    if (!f5_cuda_built()) {
        CHECK(strstr(t->name, "not built") != NULL);
        char why[200];
        CHECK(f5_cuda_device_count(why, sizeof why) == 0);
        CHECKF(strstr(why, "built without CUDA") != NULL, "%s", why);
        f5_kdev *d = (f5_kdev *)1;
        f5_error err = {0};
        CHECK(f5_kdev_create(F5_BACKEND_CUDA, 0, &d, &err) == F5_ERR_DEVICE && d == NULL);
        CHECKF(strstr(err.message, "built without CUDA") != NULL, "%s", err.message);
        f5_kstream *s = (f5_kstream *)1;
        CHECK(f5_kstream_create(NULL, &s, &err) == F5_ERR_DEVICE && s == NULL);
        return;
    }
    CHECK(!strcmp(t->name, "cuda"));
    CHECK(t->device_memory);
    const void *entries[] = {(const void *)t->linear,   (const void *)t->gemm,
                             (const void *)t->layernorm, (const void *)t->adaln,
                             (const void *)t->gated_add, (const void *)t->activation,
                             (const void *)t->conv1d,   (const void *)t->conv1d_scratch_floats,
                             (const void *)t->rope,     (const void *)t->attention,
                             (const void *)t->attention_scratch_floats, (const void *)t->alloc,
                             (const void *)t->free,     (const void *)t->upload,
                             (const void *)t->download, (const void *)t->copy,
                             (const void *)t->zero,     (const void *)t->sync,
                             (const void *)t->add};
    for (size_t i = 0; i < sizeof entries / sizeof *entries; i++) CHECKF(entries[i] != NULL, "cuda entry %zu", i);
    CHECK(!f5_khost_visible(&k));
    /* without a device, a kdev cannot be made and says why */
    char why[300];
    if (f5_cuda_device_count(why, sizeof why) == 0) {
        f5_kdev *d = NULL;
        f5_error err = {0};
        CHECK(f5_kdev_create(F5_BACKEND_CUDA, 0, &d, &err) == F5_ERR_DEVICE && d == NULL);
        CHECKF(strstr(err.message, "no CUDA device") != NULL, "%s", err.message);
    }
}

static void test_host_tables_are_host(void) {
    CHECK(!f5_kops_ref.device_memory && !f5_kops_cpu_f32.device_memory && !f5_kops_cpu_bf16.device_memory);
    CHECK(f5_kops_cpu_f32.alloc && f5_kops_cpu_f32.sync && f5_kops_cpu_f32.add);
}

TEST_MAIN(TEST(test_host_memory), TEST(test_add_is_the_plain_loop), TEST(test_cuda_table), TEST(test_host_tables_are_host))
