/* test_device.c - the --device rule without a GPU: the decision from the
 * facts (built in? how many devices?) for auto/cpu/cuda, its log line and
 * error messages, the names, and the real answer on this machine (no GPU
 * here: cuda must fail clearly, auto must pick the cpu). */
#include "kernels/kernels.h"
#include "pipeline/device.h"
#include "test.h"

#include <string.h>

static void test_decide(void) {
    f5_device d = F5_DEVICE_AUTO;
    char msg[300];
    f5_error err = {0};
    CHECK(f5_device_decide(F5_DEVICE_AUTO, true, 2, NULL, &d, msg, sizeof msg, &err) == F5_OK && d == F5_DEVICE_CUDA);
    CHECKF(strstr(msg, "auto: cuda (2 devices)") != NULL, "%s", msg);
    CHECK(f5_device_decide(F5_DEVICE_AUTO, true, 0, "driver missing", &d, msg, sizeof msg, &err) == F5_OK &&
          d == F5_DEVICE_CPU);
    CHECKF(strstr(msg, "auto: cpu (no CUDA device: driver missing)") != NULL, "%s", msg);
    CHECK(f5_device_decide(F5_DEVICE_AUTO, false, 0, NULL, &d, msg, sizeof msg, &err) == F5_OK && d == F5_DEVICE_CPU);
    CHECKF(strstr(msg, "built without CUDA") != NULL, "%s", msg);
    CHECK(f5_device_decide(F5_DEVICE_CPU, true, 4, NULL, &d, msg, sizeof msg, &err) == F5_OK && d == F5_DEVICE_CPU);
    CHECK(f5_device_decide(F5_DEVICE_CUDA, true, 1, NULL, &d, msg, sizeof msg, &err) == F5_OK && d == F5_DEVICE_CUDA);
    d = F5_DEVICE_AUTO;
    CHECK(f5_device_decide(F5_DEVICE_CUDA, true, 0, "cudaErrorNoDevice", &d, msg, sizeof msg, &err) == F5_ERR_DEVICE);
    CHECKF(strstr(err.message, "no CUDA device: cudaErrorNoDevice") != NULL, "%s", err.message);
    CHECK(d == F5_DEVICE_AUTO); /* untouched on failure */
    CHECK(f5_device_decide(F5_DEVICE_CUDA, false, 0, NULL, &d, msg, sizeof msg, &err) == F5_ERR_DEVICE);
    CHECKF(strstr(err.message, "built without CUDA") != NULL, "%s", err.message);
    CHECK(f5_device_decide(F5_DEVICE_AUTO, true, 1, NULL, &d, NULL, 0, NULL) == F5_OK); /* no msg, no err */
}

static void test_parse_names(void) {
    f5_device d;
    CHECK(f5_device_parse("auto", &d) && d == F5_DEVICE_AUTO);
    CHECK(f5_device_parse("CPU", &d) && d == F5_DEVICE_CPU);
    CHECK(f5_device_parse("cuda", &d) && d == F5_DEVICE_CUDA);
    CHECK(f5_device_parse("cuda:0", &d) && d == F5_DEVICE_CUDA);
    CHECK(!f5_device_parse("tpu", &d) && !f5_device_parse(NULL, &d));
    CHECK_STREQ(f5_device_name(F5_DEVICE_CUDA), "cuda");
    CHECK_STREQ(f5_device_name(F5_DEVICE_CPU), "cpu");
}

static void test_this_machine(void) {
    char why[300];
    if (f5_cuda_device_count(why, sizeof why) > 0) TEST_SKIP("this machine has a CUDA device");
    f5_device d = F5_DEVICE_AUTO;
    char msg[400];
    f5_error err = {0};
    CHECK(f5_device_resolve(F5_DEVICE_AUTO, &d, msg, sizeof msg, &err) == F5_OK && d == F5_DEVICE_CPU);
    printf("  auto: %s\n", msg);
    CHECK(f5_device_resolve(F5_DEVICE_CUDA, &d, msg, sizeof msg, &err) == F5_ERR_DEVICE);
    printf("  cuda: %s\n", err.message);
    CHECKF(strstr(err.message, f5_cuda_built() ? "no CUDA device" : "built without CUDA") != NULL, "%s", err.message);
}

TEST_MAIN(TEST(test_decide), TEST(test_parse_names), TEST(test_this_machine))
