/* The contract's byte vectors (tests/vectors/update-contract.vectors), decoded by the stage's own decoders: every
 * trailer.*, record_trailer.*, journal.* and record.* entry, and an encode round trip for valid journal records.
 * Usage: test_contract_vectors <path to update-contract.vectors> */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nu_swap_stage.h"

#define MAX_ENTRIES 128
#define MAX_BYTES 512

typedef struct entry {
    char name[80];
    uint8_t bytes[MAX_BYTES];
    uint32_t length;
    char expect[160];
} entry_t;

static entry_t entries[MAX_ENTRIES];
static int entry_count;

static entry_t *find(const char *name)
{
    int i;
    for (i = 0; i < entry_count; i++) {
        if (strcmp(entries[i].name, name) == 0) {
            return &entries[i];
        }
    }
    if (entry_count == MAX_ENTRIES) {
        return NULL;
    }
    memset(&entries[entry_count], 0, sizeof(entries[entry_count]));
    snprintf(entries[entry_count].name, sizeof(entries[entry_count].name), "%.79s", name);
    return &entries[entry_count++];
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ')) {
        s[--n] = 0;
    }
}

static int hex_to_bytes(const char *hex, uint8_t *out, uint32_t capacity, uint32_t *length)
{
    uint32_t n = 0;
    while (hex[0] && hex[1]) {
        unsigned value;
        if (n == capacity || sscanf(hex, "%2x", &value) != 1) {
            return 0;
        }
        out[n++] = (uint8_t)value;
        hex += 2;
    }
    *length = n;
    return hex[0] == 0;
}

static int load(const char *path)
{
    char line[2048];
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return 0;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
        char *colon, *value;
        entry_t *e;
        trim(line);
        if (line[0] == '#' || line[0] == 0 || (colon = strstr(line, ": ")) == NULL) {
            continue;
        }
        *colon = 0;
        value = colon + 2;
        if (strlen(line) > 7 && strcmp(line + strlen(line) - 7, ".expect") == 0) {
            line[strlen(line) - 7] = 0;
            e = find(line);
            if (e != NULL) {
                snprintf(e->expect, sizeof(e->expect), "%.159s", value);
            }
        } else {
            e = find(line);
            if (e == NULL || !hex_to_bytes(value, e->bytes, MAX_BYTES, &e->length)) {
                fclose(f);
                return 0;
            }
        }
    }
    fclose(f);
    return 1;
}

static const char *request_name(int state)
{
    return state == NU_REQUEST_TEST ? "TEST" : state == NU_REQUEST_PERMANENT ? "PERMANENT" : "NONE";
}

static const char *record_state_name(int state)
{
    return state == NU_RECORD_TEST_PENDING ? "TEST_PENDING" : state == NU_RECORD_CONFIRMED ? "CONFIRMED" : "ABSENT";
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void hex_of(const uint8_t *bytes, uint32_t n, char *out)
{
    uint32_t i;
    for (i = 0; i < n; i++) {
        sprintf(out + 2 * i, "%02x", bytes[i]);
    }
    out[2 * n] = 0;
}

static void check_journal(const entry_t *e)
{
    nu_journal_record_t record;
    int state;
    CHECK_EQ_INT(e->length, 32);
    state = nu_journal_decode(e->bytes, &record);
    if (strcmp(e->expect, "TORN") == 0) {
        CHECK_EQ_INT(state, NU_JOURNAL_TORN);
    } else if (strcmp(e->expect, "BLANK") == 0) {
        CHECK_EQ_INT(state, NU_JOURNAL_BLANK);
    } else {
        char text[160], digest[33];
        uint8_t again[32];
        CHECK_EQ_INT(state, NU_JOURNAL_VALID);
        hex_of(record.digest, 16, digest);
        snprintf(text, sizeof(text), "0x%02x,%u,%lu,%lu,%s", record.type, record.kind, (unsigned long)record.arg0,
                 (unsigned long)record.arg1, digest);
        if (strcmp(text, e->expect) != 0) {
            fprintf(stderr, "%s: decoded %s, expected %s\n", e->name, text, e->expect);
        }
        CHECK(strcmp(text, e->expect) == 0);
        nu_journal_encode(&record, again);
        CHECK(memcmp(again, e->bytes, 32) == 0);
    }
}

static void check_record(const entry_t *e)
{
    nu_image_info_t info;
    int rc = nu_record_body_decode(e->bytes, e->length, &info);
    if (strcmp(e->expect, "INVALID") == 0) {
        CHECK_EQ_INT(rc, NU_ERR_INVALID);
    } else {
        char text[160], sha[65];
        CHECK_EQ_INT(rc, NU_OK);
        hex_of(info.sha256, 32, sha);
        snprintf(text, sizeof(text), "%lu,%lu,0x%08lX,%lu,%u.%u.%u+%lu,%s", (unsigned long)info.header_size,
                 (unsigned long)info.tlv_size, (unsigned long)info.load_address, (unsigned long)info.image_size,
                 info.version_major, info.version_minor, info.version_revision, (unsigned long)info.version_build,
                 sha);
        if (strcmp(text, e->expect) != 0) {
            fprintf(stderr, "%s: decoded %s, expected %s\n", e->name, text, e->expect);
        }
        CHECK(strcmp(text, e->expect) == 0);
    }
}

int main(int argc, char **argv)
{
    int i, seen[6] = {0, 0, 0, 0, 0, 0};
    if (argc != 2 || !load(argv[1])) {
        fprintf(stderr, "usage: test_contract_vectors <update-contract.vectors> (file missing or malformed)\n");
        return 2;
    }
    for (i = 0; i < entry_count; i++) {
        const entry_t *e = &entries[i];
        CHECK(e->expect[0] != 0);
        if (starts_with(e->name, "trailer.")) {
            CHECK_EQ_INT(e->length, 48);
            CHECK(strcmp(request_name(nu_request_decode(e->bytes)), e->expect) == 0);
            seen[0]++;
        } else if (starts_with(e->name, "record_trailer.")) {
            CHECK_EQ_INT(e->length, 48);
            CHECK(strcmp(record_state_name(nu_record_trailer_decode(e->bytes)), e->expect) == 0);
            seen[1]++;
        } else if (starts_with(e->name, "request_set.")) {
            CHECK_EQ_INT(e->length, 96);
            CHECK(strcmp(request_name(nu_request_set_decode(e->bytes, e->bytes + 48)), e->expect) == 0);
            seen[4]++;
        } else if (starts_with(e->name, "record_set.")) {
            CHECK_EQ_INT(e->length, 96);
            CHECK(strcmp(record_state_name(nu_record_set_decode(e->bytes, e->bytes + 48)), e->expect) == 0);
            seen[5]++;
        } else if (starts_with(e->name, "journal.")) {
            check_journal(e);
            seen[2]++;
        } else if (starts_with(e->name, "record.")) {
            check_record(e);
            seen[3]++;
        } else {
            fprintf(stderr, "unknown vector family: %s\n", e->name);
            CHECK(0);
        }
    }
    printf("vectors: %d trailer, %d record_trailer, %d journal, %d record, %d request_set, %d record_set\n", seen[0],
           seen[1], seen[2], seen[3], seen[4], seen[5]);
    CHECK(seen[0] > 0 && seen[1] > 0 && seen[2] > 0 && seen[3] > 0 && seen[4] > 0 && seen[5] > 0);
    CHECK_EXIT("test_contract_vectors");
}
