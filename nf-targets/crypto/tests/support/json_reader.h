/*
 * A small JSON reader for the test programs (the Wycheproof files), so the tests need no Python or external
 * library. Parses RFC 8259 JSON into a heap tree; strings are unescaped to UTF-8 (surrogate pairs included).
 * Test-only code: it allocates freely and reports the first syntax error with its byte offset.
 */
#ifndef NU_TEST_JSON_READER_H
#define NU_TEST_JSON_READER_H

#include <stddef.h>

typedef enum json_kind {
    JSON_NULL,
    JSON_FALSE,
    JSON_TRUE,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT
} json_kind;

typedef struct json_value json_value;

struct json_value {
    json_kind kind;
    double number;        /* JSON_NUMBER */
    char *text;           /* JSON_STRING (NUL-terminated, may contain embedded NULs counted in text_length) */
    size_t text_length;
    size_t count;         /* JSON_ARRAY / JSON_OBJECT: number of items / members */
    char **keys;          /* JSON_OBJECT: member names, in document order */
    json_value **items;   /* JSON_ARRAY items, or JSON_OBJECT member values */
};

/* Returns the tree, or NULL with a message in error (error_size bytes) on a syntax error. */
json_value *json_parse(const char *text, size_t length, char *error, size_t error_size);

/* Reads a whole file and parses it. */
json_value *json_parse_file(const char *path, char *error, size_t error_size);

void json_free(json_value *value);

/* Member of an object by name (first match), or NULL when absent or when value is not an object. */
const json_value *json_member(const json_value *object, const char *name);

/* The member's string, or NULL when absent or not a string. */
const char *json_member_string(const json_value *object, const char *name);

#endif /* NU_TEST_JSON_READER_H */
