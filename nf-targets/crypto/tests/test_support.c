/*
 * The test helpers are part of what the Wycheproof results rest on, so they are tested too: the strict DER rule
 * (each way a BER or malformed encoding can differ from DER), the JSON reader (escapes, nesting, errors) and hex.
 */
#include <stdlib.h>
#include <string.h>

#include "support/der_signature.h"
#include "support/hex.h"
#include "support/json_reader.h"
#include "support/test_check.h"

static int der_accepts(const char *hex, uint8_t rs[64])
{
    size_t length;
    uint8_t *der = hex_decode(hex, &length);
    int result = der != NULL ? der_signature_to_rs(der, length, rs) : -2;
    free(der);
    return result == 0;
}

static void der_rule(void)
{
    uint8_t rs[64];

    CHECK(der_accepts("3006020101020102", rs) && rs[31] == 1 && rs[63] == 2, "small r and s");
    CHECK(der_accepts("30070202008002017f", rs) && rs[31] == 0x80 && rs[63] == 0x7f, "leading zero for the sign");

    CHECK(!der_accepts("3006020101020102" "00", rs), "trailing byte after the sequence");
    CHECK(!der_accepts("3007020101020102", rs), "sequence length longer than the data");
    CHECK(!der_accepts("3005020101020102", rs), "sequence length shorter than the data");
    CHECK(!der_accepts("308106020101020102", rs), "long-form length for a short value");
    CHECK(!der_accepts("3080020101020102" "0000", rs), "indefinite length");
    CHECK(!der_accepts("3007020200010201" "02", rs), "integer with an unneeded leading zero");
    CHECK(!der_accepts("3006020181020102", rs), "negative r");
    CHECK(!der_accepts("3006020101020181", rs), "negative s");
    CHECK(!der_accepts("30050200020102", rs), "empty integer");
    CHECK(!der_accepts("3106020101020102", rs), "SET instead of SEQUENCE");
    CHECK(!der_accepts("3006030101020102", rs), "BIT STRING instead of INTEGER");
    CHECK(!der_accepts("3003020101", rs), "missing s");
    CHECK(!der_accepts("", rs), "empty input");

    /* 32-byte r with its top bit set takes a 33-byte INTEGER: fine. 33 significant bytes: too large. */
    CHECK(der_accepts("3026" "022100" "ff00000000000000000000000000000000000000000000000000000000000001" "020101",
                      rs) &&
              rs[0] == 0xff,
          "33-byte integer with the sign byte");
    CHECK(!der_accepts("3026" "022101" "0000000000000000000000000000000000000000000000000000000000000001" "020101",
                       rs),
          "integer of 2^256 or more");
}

static void json_reader(void)
{
    static const char document[] =
        " {\"a\": [1, -2.5e1, true, false, null, \"x\\\"y\\\\z\\u00e9\\ud83d\\ude00\"], \"b\": {\"c\": \"d\"}} ";
    char error[128];
    json_value *root = json_parse(document, strlen(document), error, sizeof error);
    const json_value *a;

    CHECK(root != NULL && root->kind == JSON_OBJECT && root->count == 2, "document parsed");
    a = json_member(root, "a");
    CHECK(a != NULL && a->kind == JSON_ARRAY && a->count == 6, "array of six");
    if (a != NULL && a->count == 6) {
        CHECK(a->items[0]->kind == JSON_NUMBER && a->items[0]->number == 1.0, "number 1");
        CHECK(a->items[1]->number == -25.0, "number -2.5e1");
        CHECK(a->items[2]->kind == JSON_TRUE && a->items[3]->kind == JSON_FALSE && a->items[4]->kind == JSON_NULL,
              "literals");
        CHECK(strcmp(a->items[5]->text, "x\"y\\z\xc3\xa9\xf0\x9f\x98\x80") == 0, "escapes and surrogate pair");
    }
    CHECK(strcmp(json_member_string(json_member(root, "b"), "c"), "d") == 0, "nested member");
    CHECK(json_member(root, "missing") == NULL, "absent member");
    json_free(root);

    CHECK(json_parse("{\"a\":1,}", 8, error, sizeof error) == NULL, "trailing comma refused");
    CHECK(json_parse("[1] 2", 5, error, sizeof error) == NULL, "trailing value refused");
    CHECK(json_parse("\"\\ud83d\"", 8, error, sizeof error) == NULL, "lone surrogate refused");
    CHECK(json_parse("[01]", 4, error, sizeof error) == NULL, "leading zero refused");
    CHECK(json_parse("\"a", 2, error, sizeof error) == NULL, "unterminated string refused");
}

static void hex(void)
{
    size_t length;
    uint8_t *bytes = hex_decode("00aBfF", &length);
    CHECK(bytes != NULL && length == 3 && bytes[0] == 0 && bytes[1] == 0xab && bytes[2] == 0xff, "hex decode");
    free(bytes);
    CHECK(hex_decode("abc", &length) == NULL, "odd length refused");
    CHECK(hex_decode("zz", &length) == NULL, "non-hex refused");
}

int main(void)
{
    der_rule();
    json_reader();
    hex();
    return test_summary("test support");
}
