/* textnorm_tables.h - the normaliser's data tables (abbreviations, units,
 * currencies), generated at build time from src/text/data/ TSV files by
 * cmake/text.cmake, and their lookups. Tables are const: thread-safe.
 */
#ifndef F5_TEXT_TEXTNORM_TABLES_H
#define F5_TEXT_TEXTNORM_TABLES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct f5_tn_entry {
    const char *key;
    size_t klen; /* strlen(key), computed at compile time */
    const char *value, *flags;
} f5_tn_entry;

extern const f5_tn_entry f5_tn_table_abbreviations[], f5_tn_table_units[], f5_tn_table_currencies[];
extern const int f5_tn_table_abbreviations_n, f5_tn_table_units_n, f5_tn_table_currencies_n;
/* issuer codes of document numbers (doccodes.tsv, textnorm_docnum.c) */
extern const f5_tn_entry f5_tn_table_doccodes[];
extern const int f5_tn_table_doccodes_n;

/* Exact (byte) match of s[0..n) in a table; with ci, entries flagged 'i'
 * also match ASCII-case-insensitively. NULL if absent. */
const f5_tn_entry *f5_tn_lookup(const f5_tn_entry *t, int n_entries, const char *s, size_t n, bool ci);
bool f5_tn_has_flag(const f5_tn_entry *e, char flag);

#endif
