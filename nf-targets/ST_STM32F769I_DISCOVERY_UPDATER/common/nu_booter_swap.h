/*
 * The nanoBooter hook: runs the swap stage once per boot, after the kernel is initialised and before the launch
 * decision, and tells main() what the boot clipboard and the launch should do with the result.
 */
#ifndef NU_BOOTER_SWAP_H
#define NU_BOOTER_SWAP_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nu_booter_outcome {
    /* The stage acted on this boot (installed, reverted, recovered, adopted, rejected or finished an interrupted
     * operation): the reset was for the update, so a "stay in nanoBooter" request left in the RAM clipboard by an
     * earlier session is stale and must not keep the new image from launching. */
    bool drop_stay_request;
    /* When the stage stopped part-way (flash error, NOR gone mid-install...), main() decides the launch as every
     * nanoBooter does, with CheckValidCLRImage: a nanoCLR region that cannot start keeps the booter up for nanoff and
     * Visual Studio, and the next reset resumes the journal. */
    int32_t stage_status; /* nu_swap_stage_run's result, or a NU_NOR_ / NU_BOARD_ error if it could not start */
} nu_booter_outcome_t;

nu_booter_outcome_t NuBooter_RunSwapStage(void);

#ifdef __cplusplus
}
#endif

#endif /* NU_BOOTER_SWAP_H */
