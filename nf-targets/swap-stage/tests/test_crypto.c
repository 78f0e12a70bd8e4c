/* SHA-256 against the FIPS 180-4 / NIST CAVS examples (one-shot and streamed in awkward pieces), and both CRC-32s
 * against their catalogued check values and a bitwise reference. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "images.h"
#include "nu_crc32.h"
#include "nu_sha256.h"
#include "nu_swap_stage.h"

static int hex_digest_equals(const uint8_t digest[32], const char *hex)
{
    char text[65];
    int i;
    for (i = 0; i < 32; i++) {
        snprintf(text + 2 * i, 3, "%02x", digest[i]);
    }
    return strcmp(text, hex) == 0;
}

static void check_vector(const uint8_t *message, uint32_t length, const char *expected)
{
    static const uint32_t pieces[] = {1, 3, 63, 64, 65, 127, 200};
    uint8_t digest[32];
    uint32_t p;
    nu_sha256(message, length, digest);
    CHECK(hex_digest_equals(digest, expected));
    for (p = 0; p < sizeof(pieces) / sizeof(pieces[0]); p++) {
        nu_sha256_t sha;
        uint32_t done = 0;
        nu_sha256_init(&sha);
        while (done < length) {
            uint32_t n = length - done < pieces[p] ? length - done : pieces[p];
            nu_sha256_update(&sha, message + done, n);
            done += n;
        }
        nu_sha256_final(&sha, digest);
        CHECK(hex_digest_equals(digest, expected));
    }
}

int main(void)
{
    static const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    static const char *four_blocks = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                                     "klmnopqrlmnopqrsmnopqrstnopqrstu";
    uint8_t *million = malloc(1000000);
    uint8_t byte_bd = 0xbd;
    static const uint8_t four[4] = {0xc9, 0x8c, 0x8e, 0x55};
    uint8_t zeros[1000];
    uint8_t digits[9];

    check_vector((const uint8_t *)"abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_vector((const uint8_t *)"", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_vector((const uint8_t *)two_blocks, (uint32_t)strlen(two_blocks),
                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check_vector((const uint8_t *)four_blocks, (uint32_t)strlen(four_blocks),
                 "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    /* NIST "SHA-256 examples with intermediate values" byte-oriented short messages */
    check_vector(&byte_bd, 1, "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b");
    check_vector(four, 4, "7abc22c0ae5af26ce93dbb94433a0e0b2e119d014f8e7f65bd56c61ccccd9504");
    memset(zeros, 0, sizeof(zeros));
    check_vector(zeros, 55, "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7");
    check_vector(zeros, 56, "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb");
    check_vector(zeros, 57, "65a16cb7861335d5ace3c60718b5052e44660726da4cd13bb745381b235a1785");
    check_vector(zeros, 64, "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b");
    check_vector(zeros, 1000, "541b3e9daa09b20bf85fa273e5cbd3e80185aa4ec298e765db87742b70138a53");
    if (million != NULL) {
        memset(million, 'a', 1000000);
        check_vector(million, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        free(million);
    }

    memcpy(digits, "123456789", 9);
    CHECK_EQ_INT(nu_crc32(digits, 9), 0xCBF43926u);
    CHECK_EQ_INT(nu_nf_crc32_update(0, digits, 9), 0x89A1897Fu); /* CRC-32/CKSUM 0x765E7680 without its final XOR */
    {
        uint8_t noise[777];
        uint32_t i, state = 99;
        for (i = 0; i < sizeof(noise); i++) {
            state = state * 1103515245u + 12345u;
            noise[i] = (uint8_t)(state >> 16);
        }
        CHECK_EQ_INT(nu_crc32(noise, sizeof(noise)), test_crc32(noise, sizeof(noise)));
        CHECK_EQ_INT(nu_nf_crc32_update(0x1234u, noise, sizeof(noise)), test_nf_crc32(0x1234u, noise, sizeof(noise)));
        CHECK_EQ_INT(nu_crc32_update(nu_crc32_update(NU_CRC32_START, noise, 100), noise + 100, 677) ^ 0xFFFFFFFFu,
                     test_crc32(noise, sizeof(noise)));
    }
    CHECK_EXIT("test_crypto");
}
