/* test_tokenizer.c - vocab parsing (line endings, last line, duplicates,
 * JSON refusal) and the tokenizer's segmentation rules beyond the golden
 * cases: jieba on/off, lowercase, dictionary words, CJK, invalid UTF-8.
 */
#include "test.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static char *join_tokens(const char *text, const f5_tok_opts *o) {
    char **t = NULL;
    int n = 0;
    f5_error err = {0};
    if (f5_text_to_tokens(text, o, &t, &n, &err) != F5_OK) return NULL;
    size_t len = 1;
    for (int i = 0; i < n; i++) len += strlen(t[i]) + 1;
    char *s = malloc(len);
    s[0] = 0;
    for (int i = 0; i < n; i++) {
        strcat(s, t[i]);
        if (i + 1 < n) strcat(s, "|");
    }
    f5_strv_free(t, n);
    return s;
}

static void test_vocab_line_endings(void) {
    const char *variants[] = {" \r\na\r\nb\r\n", " \na\nb\n", " \ra\rb\r"};
    for (int k = 0; k < 3; k++) {
        f5_vocab *v = NULL;
        f5_error err = {0};
        CHECK(f5_vocab_parse(variants[k], strlen(variants[k]), "v", &v, &err) == F5_OK);
        if (!v) continue;
        CHECK(f5_vocab_size(v) == 3);
        CHECK(f5_vocab_lookup(v, " ", 1) == 0);
        CHECK(f5_vocab_lookup(v, "a", 1) == 1);
        CHECK(f5_vocab_lookup(v, "b", 1) == 2);
        CHECK(f5_vocab_lookup(v, "zz", 2) == 0); /* unknown -> 0 */
        CHECK_STREQ(f5_vocab_token(v, 2), "b");
        CHECK(f5_vocab_token(v, 3) == NULL);
        f5_vocab_free(v);
    }
}

static void test_vocab_last_line_and_dups(void) {
    f5_vocab *v = NULL;
    f5_error err = {0};
    /* no final newline: upstream's line[:-1] drops the last character */
    const char *s = " \nab\nxy";
    CHECK(f5_vocab_parse(s, strlen(s), "v", &v, &err) == F5_OK);
    CHECK(f5_vocab_lookup(v, "x", 1) == 2);
    CHECK(f5_vocab_lookup(v, "xy", 2) == 0);
    f5_vocab_free(v);
    const char *d = " \na\nb\na\n";
    CHECK(f5_vocab_parse(d, strlen(d), "v", &v, &err) == F5_OK);
    CHECK(f5_vocab_lookup(v, "a", 1) == 3); /* last duplicate wins */
    f5_vocab_free(v);
}

static void test_vocab_errors(void) {
    f5_vocab *v = NULL;
    f5_error err = {0};
    const char *j = "{\n  \"a\": 1\n}\n";
    CHECK(f5_vocab_parse(j, strlen(j), "config.json", &v, &err) == F5_ERR_FORMAT);
    CHECK(v == NULL);
    CHECK(strstr(err.message, "config.json") != NULL);
    CHECK(f5_vocab_parse("", 0, "e", &v, &err) == F5_ERR_FORMAT);
    CHECK(f5_vocab_parse(" \n\xff\n", 4, "bad", &v, &err) == F5_ERR_FORMAT);
    CHECK(f5_vocab_load("/nonexistent/vocab.txt", &v, &err) == F5_ERR_NOT_FOUND);
    CHECK(strstr(err.message, "/nonexistent/vocab.txt") != NULL);
}

static void test_segmentation(void) {
    f5_tok_opts o = f5_tok_default_opts();
    char *s = join_tokens("Trường", &o);
    CHECK_STREQ(s, "T|r|ư|ờ| |n|g");
    free(s);
    s = join_tokens("a+#b C++x", &o); /* regex gap "+#" is a segment; C++ is a dictionary word */
    CHECK_STREQ(s, "a| |+|#|b| |C|+|+|x");
    free(s);
    s = join_tokens("1.200.000", &o);
    CHECK_STREQ(s, "1|.|2|0|0|.| |0|0|0"); /* segments 1.200 . 000 */
    free(s);
    s = join_tokens("x;y", &o); /* ; -> , */
    CHECK_STREQ(s, "x|,|y");
    free(s);
    s = join_tokens("a\r\nb", &o); /* \r\n is one (pure ASCII, 2 chars) segment */
    CHECK_STREQ(s, "a| |\r|\n|b");
    free(s);
    s = join_tokens("你", &o); /* CJK: a space before it (pinyin is not reproduced) */
    CHECK_STREQ(s, " |你");
    free(s);
    o.jieba_split = false;
    s = join_tokens("Trường", &o);
    CHECK_STREQ(s, "T|r|ư|ờ|n|g");
    free(s);
    o.lowercase = true;
    s = join_tokens("ĐÀ", &o);
    CHECK_STREQ(s, "đ|à");
    free(s);
}

static void test_invalid_utf8(void) {
    char **t = NULL;
    int n = 0;
    f5_error err = {0};
    CHECK(f5_text_to_tokens("ab\xc3(", NULL, &t, &n, &err) == F5_ERR_INVALID_TEXT);
    CHECK(strstr(err.message, "byte 2") != NULL);
    CHECK(t == NULL && n == 0);
    CHECK(f5_text_to_tokens("\xed\xa0\x80", NULL, &t, &n, &err) == F5_ERR_INVALID_TEXT); /* surrogate */
    CHECK(f5_text_to_tokens("\xc0\xaf", NULL, &t, &n, &err) == F5_ERR_INVALID_TEXT);     /* overlong */
}

static void test_tokenize_ids(void) {
    const char *voc = " \nT\nr\nư\nờ\nn\ng\n";
    f5_vocab *v = NULL;
    f5_error err = {0};
    CHECK(f5_vocab_parse(voc, strlen(voc), "v", &v, &err) == F5_OK);
    int32_t *ids = NULL;
    int n = 0;
    CHECK(f5_tokenize(v, "Trường!", NULL, &ids, &n, &err) == F5_OK);
    int32_t want[] = {1, 2, 3, 4, 0, 5, 6, 0};
    CHECK(n == 8);
    for (int i = 0; i < n && i < 8; i++) CHECK(ids[i] == want[i]);
    free(ids);
    CHECK(f5_tokenize(NULL, "x", NULL, &ids, &n, &err) == F5_ERR_INVALID_ARG);
    f5_vocab_free(v);
}

TEST_MAIN(TEST(test_vocab_line_endings), TEST(test_vocab_last_line_and_dups), TEST(test_vocab_errors),
          TEST(test_segmentation), TEST(test_invalid_utf8), TEST(test_tokenize_ids))
