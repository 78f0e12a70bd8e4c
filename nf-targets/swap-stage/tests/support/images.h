/* Test-side builders, written from the contract and DESIGN §2 independently of the stage's own code: MCUboot images,
 * nanoCLR-like and deployment-like payloads, installed-record sectors and request trailers. */
#ifndef IMAGES_H
#define IMAGES_H

#include <stdint.h>

typedef struct image_spec {
    uint32_t load_address;
    uint16_t header_size;
    const uint8_t *payload;
    uint32_t payload_size;
    uint8_t version_major, version_minor;
    uint16_t version_revision;
    uint32_t version_build;
    int has_security_counter;
    uint32_t security_counter;
    const uint8_t *key_hash; /* 32 bytes or NULL */
    int unknown_protected_tlv;   /* adds a protected TLV of a type the stage does not know (must be accepted) */
    int unknown_unprotected_tlv; /* adds an unprotected TLV outside MCUboot's allow list (must be rejected) */
    /* Optional signer: DER signature of the digest into der (up to 72 bytes), returns its length. */
    uint32_t (*sign)(const uint8_t digest[32], uint8_t der[72], void *signer);
    void *signer;
} image_spec_t;

/* Returns the image length; digest out. */
uint32_t image_build(const image_spec_t *spec, uint8_t *out, uint32_t capacity, uint8_t digest[32]);

/* Payloads: a Cortex-M vector table (SP at SRAM top, reset handler in the region) then seeded bytes; and a
 * deployment blob of valid nanoFramework assemblies (NFMRK1, or NFMRK2 when v2), each padded to 4 bytes. */
void payload_nanoclr(uint8_t *out, uint32_t size, uint32_t seed);
uint32_t payload_deployment(uint8_t *out, uint32_t capacity, uint32_t assemblies, uint32_t assembly_size,
                            uint32_t seed, int v2);

/* The contract's installed-record sector (4096 bytes) for an image: state 0 absent (erased trailer), 1 TEST
 * pending, 2 confirmed. */
void record_sector(uint8_t sector[4096], const uint8_t *image, uint32_t image_length, int state);

/* Request trailer (48 bytes at the end of a staging slot): 0 erased, 1 TEST, 2 PERMANENT, 3 consumed TEST. */
void request_trailer(uint8_t trailer[48], int request);

uint32_t test_crc32(const uint8_t *data, uint32_t length);
uint32_t test_nf_crc32(uint32_t crc, const uint8_t *data, uint32_t length);
void test_put_le32(uint8_t *p, uint32_t v);
uint32_t test_le32(const uint8_t *p);

#endif /* IMAGES_H */
