# Cross-compiles the crypto sources for Cortex-M7 (the STM32F769 of the board target) with the warnings as errors,
# and prints code size and the deepest stack frame figures. Arguments: -DCC=<arm-none-eabi-gcc> -DSIZE=<...-size>
# -DSOURCE_DIR=<nf-targets/crypto> -DMBEDTLS_INCLUDE=<dir holding a mbedtls/ folder> -DWORK_DIR=<scratch dir>.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(GLOB sources "${SOURCE_DIR}/src/*.c")
set(objects "")
foreach(source IN LISTS sources)
    get_filename_component(name "${source}" NAME_WE)
    execute_process(
        COMMAND "${CC}" -std=c99 -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard -Os -ffunction-sections
                -fdata-sections -fstack-usage -Wall -Wextra -Werror -Wconversion -Wshadow
                -I${SOURCE_DIR}/include -I${SOURCE_DIR}/src -isystem ${MBEDTLS_INCLUDE}
                -c "${source}" -o "${WORK_DIR}/${name}.o"
        WORKING_DIRECTORY "${WORK_DIR}"
        RESULT_VARIABLE status ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "Cortex-M7 compile of ${source} failed:\n${errors}")
    endif()
    list(APPEND objects "${WORK_DIR}/${name}.o")
endforeach()
execute_process(COMMAND "${SIZE}" -t ${objects} OUTPUT_VARIABLE size_report)
message(STATUS "Cortex-M7 -Os object sizes (our code only, mbedTLS not included):\n${size_report}")

# Frame sizes from -fstack-usage; the Ed25519 call chain is verify -> double_scalar_mul -> ge_add -> fe_mul.
file(GLOB usage_files "${WORK_DIR}/*.su")
set(frames "")
foreach(usage_file IN LISTS usage_files)
    file(STRINGS "${usage_file}" lines)
    foreach(line IN LISTS lines)
        if(line MATCHES ":([A-Za-z0-9_]+)\t([0-9]+)\t")
            set(frame_${CMAKE_MATCH_1} ${CMAKE_MATCH_2})
        endif()
    endforeach()
endforeach()
math(EXPR ed25519_chain "${frame_nu_crypto_ed25519_verify} + ${frame_ge_double_scalar_mul} + ${frame_ge_add} + ${frame_fe_mul}")
message(STATUS "Ed25519 verify deepest chain on Cortex-M7: ${ed25519_chain} bytes of stack "
               "(verify ${frame_nu_crypto_ed25519_verify} + double_scalar_mul ${frame_ge_double_scalar_mul} + "
               "ge_add ${frame_ge_add} + fe_mul ${frame_fe_mul}), plus SHA-512 inside mbedTLS")
