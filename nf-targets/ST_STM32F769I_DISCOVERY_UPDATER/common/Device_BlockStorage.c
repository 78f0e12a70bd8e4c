//
// Internal flash map of ST_STM32F769I_DISCOVERY_UPDATER as nanoFramework's block storage (and therefore nanoff, Visual
// Studio and the wire protocol's flash-sector map) sees it. It must match the linker scripts and the regions of the
// update contract (nf-targets/docs/update-contract.md section 1): an update image's load address is the start of the
// nanoCLR or deployment region below, and the swap stage writes only inside those two.
//
// STM32F76x single bank: sectors 0-3 are 32 KiB, sector 4 is 128 KiB, sectors 5-11 are 256 KiB.
//

#include <nanoHAL_Types.h>
#include <nanoPAL_BlockStorage.h>

// Sectors 0-3, 32 KiB each, from 0x08000000.
const BlockRange BlockRange1[] = {
    {BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 0}, // 0x08000000 nanoBooter with the swap stage
    {BlockRange_BLOCKTYPE_CONFIG, 1, 1},    // 0x08008000 configuration block (network settings, certificates)
    {BlockRange_BLOCKTYPE_CODE, 2, 3}       // 0x08010000 nanoCLR, first 64 KiB
};

// Sector 4, 128 KiB, from 0x08020000.
const BlockRange BlockRange2[] = {
    {BlockRange_BLOCKTYPE_CODE, 0, 0} // 0x08020000 nanoCLR
};

// Sectors 5-11, 256 KiB each, from 0x08040000.
const BlockRange BlockRange3[] = {
    {BlockRange_BLOCKTYPE_CODE, 0, 1},      // 0x08040000 nanoCLR, up to 0x080BFFFF
    {BlockRange_BLOCKTYPE_DEPLOYMENT, 2, 6} // 0x080C0000 deployment, up to 0x081FFFFF
};

const BlockRegionInfo BlockRegions[] = {
    {
        (0),        // no attributes
        0x08000000, // start address
        4,          // number of blocks
        0x8000,     // bytes per block
        ARRAYSIZE_CONST_EXPR(BlockRange1),
        BlockRange1,
    },
    {
        (0),
        0x08020000,
        1,
        0x20000,
        ARRAYSIZE_CONST_EXPR(BlockRange2),
        BlockRange2,
    },
    {
        (0),
        0x08040000,
        7,
        0x40000,
        ARRAYSIZE_CONST_EXPR(BlockRange3),
        BlockRange3,
    },
};

const DeviceBlockInfo Device_BlockInfo = {
    (MediaAttribute_SupportsXIP),       // internal flash executes in place
    2,                                  // bytes per sector (programming granularity the driver uses)
    ARRAYSIZE_CONST_EXPR(BlockRegions), // number of regions
    (BlockRegionInfo *)BlockRegions,
};

MEMORY_MAPPED_NOR_BLOCK_CONFIG Device_BlockStorageConfig = {
    {
        // BLOCK_CONFIG
        {
            0,     // GPIO_PIN Pin (no write protect pin)
            false, // ActiveState
        },
        (DeviceBlockInfo *)&Device_BlockInfo,
    },
    {
        // CPU_MEMORY_CONFIG
        0,          // ChipSelect
        true,       // ReadOnly (written through the flash driver, not the bus)
        0,          // WaitStates
        0,          // ReleaseCounts
        16,         // BitWidth
        0x08000000, // BaseAddress
        0x00200000, // SizeInBytes: 2 MiB
        0,          // XREADYEnable
        0,          // ByteSignalsForRead
        0,          // ExternalBufferEnable
    },
    0, // ChipProtection
    0, // ManufacturerCode
    0, // DeviceCode
};

BlockStorageDevice Device_BlockStorage;
