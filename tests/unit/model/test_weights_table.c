/* test_weights_table.c - the tensor table's name index: lookups after
 * adds, replacements, removals and prefix renames, and linear-time loading
 * of a table far larger than any real checkpoint. */
#include "test.h"

#include "core/clock.h"
#include "model/weights.h"

static const float k_val[4] = {1, 2, 3, 4};

static void add(f5_weights *w, const char *name, int64_t n) {
    f5_error e = {0};
    CHECKF(f5_weights_add(w, name, F5_DT_F32, 1, (int64_t[]){n}, k_val, &e) == F5_OK, "%s", e.message);
}

static void test_index_semantics(void) {
    f5_weights *w = f5_weights_new();
    f5_error e = {0};
    add(w, "ema_model.a", 1);
    add(w, "ema_model.b", 2);
    add(w, "other", 3);
    add(w, "ema_model.b", 4); /* replaces in place */
    CHECK(f5_weights_count(w) == 3);
    CHECK(f5_weights_find(w, "ema_model.b")->shape[0] == 4);
    CHECK(f5_weights_find(w, "ema_model.c") == NULL);
    f5_weights_remove(w, "ema_model.a");
    CHECK(f5_weights_count(w) == 2 && f5_weights_find(w, "ema_model.a") == NULL);
    CHECK(f5_weights_find(w, "other")->shape[0] == 3);
    CHECK(f5_weights_rename_prefix(w, "ema_model.", "", true, &e) == F5_OK);
    CHECK(f5_weights_count(w) == 1);
    CHECK(f5_weights_find(w, "b") && f5_weights_find(w, "b")->shape[0] == 4);
    CHECK(f5_weights_find(w, "ema_model.b") == NULL && f5_weights_find(w, "other") == NULL);
    f5_weights_remove(w, "b");
    f5_weights_remove(w, "b");
    CHECK(f5_weights_count(w) == 0 && f5_weights_find(w, "b") == NULL);
    f5_weights_free(w);
}

/* 300k tensors: a linear scan per add would be 4.5e10 string compares. */
static void test_many_tensors(void) {
    enum { N = 300000 };
    f5_weights *w = f5_weights_new();
    char name[64];
    double t0 = f5_now_s();
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "transformer.blocks.%d.weight", i);
        add(w, name, 1 + i % 4);
    }
    int found = 0;
    for (int i = 0; i < N; i += 7) {
        snprintf(name, sizeof name, "transformer.blocks.%d.weight", i);
        const f5_tensor *t = f5_weights_find(w, name);
        found += t && t->shape[0] == 1 + i % 4 && strcmp(t->name, name) == 0;
    }
    double dt = f5_now_s() - t0;
    printf("  %d tensors added, %d looked up in %.2f s\n", N, (N + 6) / 7, dt);
    CHECK(f5_weights_count(w) == N && found == (N + 6) / 7);
    f5_weights_free(w);
}

TEST_MAIN(TEST(test_index_semantics), TEST(test_many_tensors))
