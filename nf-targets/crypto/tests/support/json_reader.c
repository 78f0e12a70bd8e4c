/* Recursive-descent JSON parser (RFC 8259) for test data. See json_reader.h. */
#include "json_reader.h"

#include "hex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct parser {
    const char *text;
    size_t length;
    size_t position;
    char *error;
    size_t error_size;
    int failed;
} parser;

static void fail(parser *p, const char *what)
{
    if (!p->failed) {
        p->failed = 1;
        snprintf(p->error, p->error_size, "%s at byte %lu", what, (unsigned long)p->position);
    }
}

static void *checked_alloc(parser *p, size_t size)
{
    void *memory = calloc(1, size == 0 ? 1 : size);
    if (memory == NULL) {
        fail(p, "out of memory");
    }
    return memory;
}

static void skip_whitespace(parser *p)
{
    while (p->position < p->length) {
        char c = p->text[p->position];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        p->position++;
    }
}

static int peek(parser *p)
{
    return p->position < p->length ? (unsigned char)p->text[p->position] : -1;
}

static int consume_literal(parser *p, const char *literal)
{
    size_t n = strlen(literal);
    if (p->length - p->position < n || memcmp(p->text + p->position, literal, n) != 0) {
        fail(p, "invalid literal");
        return 0;
    }
    p->position += n;
    return 1;
}

static long read_hex4(parser *p)
{
    long value = 0;
    int i;
    if (p->length - p->position < 4) {
        fail(p, "truncated \\u escape");
        return -1;
    }
    for (i = 0; i < 4; i++) {
        int digit = hex_nibble((unsigned char)p->text[p->position + (size_t)i]);
        if (digit < 0) {
            fail(p, "bad hex digit in \\u escape");
            return -1;
        }
        value = value * 16 + digit;
    }
    p->position += 4;
    return value;
}

static size_t put_utf8(char *out, unsigned long code)
{
    if (code < 0x80) {
        out[0] = (char)code;
        return 1;
    }
    if (code < 0x800) {
        out[0] = (char)(0xc0 | (code >> 6));
        out[1] = (char)(0x80 | (code & 0x3f));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = (char)(0xe0 | (code >> 12));
        out[1] = (char)(0x80 | ((code >> 6) & 0x3f));
        out[2] = (char)(0x80 | (code & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (code >> 18));
    out[1] = (char)(0x80 | ((code >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((code >> 6) & 0x3f));
    out[3] = (char)(0x80 | (code & 0x3f));
    return 4;
}

/* Parses a string starting at the opening quote; the unescaped text is never longer than the escaped one. */
static char *parse_string_raw(parser *p, size_t *out_length)
{
    size_t start;
    size_t end;
    char *out;
    size_t n = 0;

    p->position++; /* opening quote */
    start = p->position;
    end = start;
    while (end < p->length && p->text[end] != '"') {
        end += p->text[end] == '\\' ? 2 : 1;
    }
    if (end >= p->length) {
        fail(p, "unterminated string");
        return NULL;
    }
    out = checked_alloc(p, end - start + 1);
    if (out == NULL) {
        return NULL;
    }
    while (p->position < end) {
        unsigned char c = (unsigned char)p->text[p->position++];
        if (c < 0x20) {
            fail(p, "control character in string");
            free(out);
            return NULL;
        }
        if (c != '\\') {
            out[n++] = (char)c;
            continue;
        }
        c = (unsigned char)p->text[p->position++];
        switch (c) {
        case '"': out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; break;
        case '/': out[n++] = '/'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': {
            long code = read_hex4(p);
            if (code < 0) {
                free(out);
                return NULL;
            }
            if (code >= 0xd800 && code <= 0xdbff) {
                long low;
                if (p->length - p->position < 2 || p->text[p->position] != '\\' || p->text[p->position + 1] != 'u') {
                    fail(p, "lone high surrogate");
                    free(out);
                    return NULL;
                }
                p->position += 2;
                low = read_hex4(p);
                if (low < 0xdc00 || low > 0xdfff) {
                    fail(p, "bad low surrogate");
                    free(out);
                    return NULL;
                }
                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            } else if (code >= 0xdc00 && code <= 0xdfff) {
                fail(p, "lone low surrogate");
                free(out);
                return NULL;
            }
            n += put_utf8(out + n, (unsigned long)code);
            break;
        }
        default:
            fail(p, "bad escape");
            free(out);
            return NULL;
        }
    }
    p->position = end + 1; /* closing quote */
    out[n] = '\0';
    *out_length = n;
    return out;
}

static json_value *parse_value(parser *p, int depth);

static int append(parser *p, json_value *container, char *key, json_value *item)
{
    json_value **items = realloc(container->items, (container->count + 1) * sizeof *items);
    if (items == NULL) {
        fail(p, "out of memory");
        return 0;
    }
    container->items = items;
    if (container->kind == JSON_OBJECT) {
        char **keys = realloc(container->keys, (container->count + 1) * sizeof *keys);
        if (keys == NULL) {
            fail(p, "out of memory");
            return 0;
        }
        container->keys = keys;
        keys[container->count] = key;
    }
    items[container->count++] = item;
    return 1;
}

static json_value *parse_container(parser *p, int depth, json_kind kind)
{
    char close = kind == JSON_ARRAY ? ']' : '}';
    json_value *container = checked_alloc(p, sizeof *container);
    if (container == NULL) {
        return NULL;
    }
    container->kind = kind;
    p->position++;
    skip_whitespace(p);
    if (peek(p) == close) {
        p->position++;
        return container;
    }
    for (;;) {
        char *key = NULL;
        json_value *item;
        skip_whitespace(p);
        if (kind == JSON_OBJECT) {
            size_t key_length;
            if (peek(p) != '"') {
                fail(p, "expected member name");
                break;
            }
            key = parse_string_raw(p, &key_length);
            if (key == NULL) {
                break;
            }
            skip_whitespace(p);
            if (peek(p) != ':') {
                fail(p, "expected ':'");
                free(key);
                break;
            }
            p->position++;
        }
        item = parse_value(p, depth + 1);
        if (item == NULL || !append(p, container, key, item)) {
            free(key);
            json_free(item);
            break;
        }
        skip_whitespace(p);
        if (peek(p) == ',') {
            p->position++;
            continue;
        }
        if (peek(p) == close) {
            p->position++;
            return container;
        }
        fail(p, kind == JSON_ARRAY ? "expected ',' or ']'" : "expected ',' or '}'");
        break;
    }
    json_free(container);
    return NULL;
}

static json_value *parse_number(parser *p)
{
    size_t start = p->position;
    char buffer[64];
    char *end;
    json_value *value;

    if (peek(p) == '-') {
        p->position++;
    }
    if (peek(p) == '0') {
        p->position++;
    } else if (peek(p) >= '1' && peek(p) <= '9') {
        while (peek(p) >= '0' && peek(p) <= '9') {
            p->position++;
        }
    } else {
        fail(p, "invalid number");
        return NULL;
    }
    if (peek(p) == '.') {
        p->position++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) {
            fail(p, "invalid fraction");
            return NULL;
        }
        while (peek(p) >= '0' && peek(p) <= '9') {
            p->position++;
        }
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->position++;
        if (peek(p) == '+' || peek(p) == '-') {
            p->position++;
        }
        if (!(peek(p) >= '0' && peek(p) <= '9')) {
            fail(p, "invalid exponent");
            return NULL;
        }
        while (peek(p) >= '0' && peek(p) <= '9') {
            p->position++;
        }
    }
    if (p->position - start >= sizeof buffer) {
        fail(p, "number too long");
        return NULL;
    }
    memcpy(buffer, p->text + start, p->position - start);
    buffer[p->position - start] = '\0';
    value = checked_alloc(p, sizeof *value);
    if (value == NULL) {
        return NULL;
    }
    value->kind = JSON_NUMBER;
    value->number = strtod(buffer, &end);
    return value;
}

static json_value *parse_value(parser *p, int depth)
{
    json_value *value;
    if (depth > MAX_DEPTH) {
        fail(p, "nesting too deep");
        return NULL;
    }
    skip_whitespace(p);
    switch (peek(p)) {
    case '{':
        return parse_container(p, depth, JSON_OBJECT);
    case '[':
        return parse_container(p, depth, JSON_ARRAY);
    case '"':
        value = checked_alloc(p, sizeof *value);
        if (value == NULL) {
            return NULL;
        }
        value->kind = JSON_STRING;
        value->text = parse_string_raw(p, &value->text_length);
        if (value->text == NULL) {
            free(value);
            return NULL;
        }
        return value;
    case 't':
    case 'f':
    case 'n': {
        json_kind kind = peek(p) == 't' ? JSON_TRUE : peek(p) == 'f' ? JSON_FALSE : JSON_NULL;
        if (!consume_literal(p, kind == JSON_TRUE ? "true" : kind == JSON_FALSE ? "false" : "null")) {
            return NULL;
        }
        value = checked_alloc(p, sizeof *value);
        if (value != NULL) {
            value->kind = kind;
        }
        return value;
    }
    default:
        return parse_number(p);
    }
}

json_value *json_parse(const char *text, size_t length, char *error, size_t error_size)
{
    parser p;
    json_value *root;

    memset(&p, 0, sizeof p);
    p.text = text;
    p.length = length;
    p.error = error;
    p.error_size = error_size;
    root = parse_value(&p, 0);
    if (root != NULL) {
        skip_whitespace(&p);
        if (p.position != p.length) {
            fail(&p, "trailing characters after the document");
            json_free(root);
            root = NULL;
        }
    }
    return root;
}

json_value *json_parse_file(const char *path, char *error, size_t error_size)
{
    FILE *file = fopen(path, "rb");
    long size;
    char *text;
    json_value *root;

    if (file == NULL) {
        snprintf(error, error_size, "cannot open %s", path);
        return NULL;
    }
    if (fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 || fseek(file, 0, SEEK_SET) != 0) {
        snprintf(error, error_size, "cannot size %s", path);
        fclose(file);
        return NULL;
    }
    text = malloc((size_t)size + 1);
    if (text == NULL || fread(text, 1, (size_t)size, file) != (size_t)size) {
        snprintf(error, error_size, "cannot read %s", path);
        free(text);
        fclose(file);
        return NULL;
    }
    fclose(file);
    root = json_parse(text, (size_t)size, error, error_size);
    free(text);
    return root;
}

void json_free(json_value *value)
{
    size_t i;
    if (value == NULL) {
        return;
    }
    for (i = 0; i < value->count; i++) {
        json_free(value->items[i]);
        if (value->keys != NULL) {
            free(value->keys[i]);
        }
    }
    free(value->items);
    free(value->keys);
    free(value->text);
    free(value);
}

const json_value *json_member(const json_value *object, const char *name)
{
    size_t i;
    if (object == NULL || object->kind != JSON_OBJECT) {
        return NULL;
    }
    for (i = 0; i < object->count; i++) {
        if (strcmp(object->keys[i], name) == 0) {
            return object->items[i];
        }
    }
    return NULL;
}

const char *json_member_string(const json_value *object, const char *name)
{
    const json_value *member = json_member(object, name);
    return member != NULL && member->kind == JSON_STRING ? member->text : NULL;
}
